package com.roofworx.app.interfaces;

import com.roofworx.app.interfaces.Views.EntryView;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts the entry's version as {@code ETag} on every answer that holds one entry (submit, read, correct, void),
 * so a client always has the tag its next change must send in {@code If-Match}, however it got the entry.
 */
@Provider
public class EntryETagFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof EntryView entry) {
            response.getHeaders().putSingle(EntryTags.ETAG, EntryTags.etag(entry.version()));
        }
    }
}

package com.roofworx.app.interfaces;

import com.roofworx.sdk.StaleVersionException;
import jakarta.ws.rs.core.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entry's version as an HTTP entity tag. Answers carry the weak form {@code W/"<version>"}: the body also
 * holds the sync state, which changes without a new version, so the bytes are not fixed for a version (what a
 * strong tag would promise). {@code If-Match} takes either form, because clients echo what they were sent and
 * some proxies strip or add {@code W/}; a precondition with anything else is refused, never ignored, since an
 * ignored precondition would let a stale client overwrite a newer version.
 */
public final class EntryTags {
    public static final String IF_MATCH = "If-Match";
    public static final String ETAG = "ETag";
    /** At most ten digits: every int version fits, and no long text is converted. */
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,9})\"");
    private static final int SHOWN_CHARS = 80;

    private EntryTags() {
    }

    public static String etag(int version) {
        return "W/\"" + version + '"';
    }

    /**
     * The version an {@code If-Match} value names. Missing: 428, since a change without a precondition could
     * overwrite a correction the caller never saw. Anything but one tag of a version: 400 naming the header.
     */
    public static int expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired(IF_MATCH, "send " + IF_MATCH
                    + " with the ETag of the entry as last read, e.g. " + etag(1));
        }
        Matcher m = TAG.matcher(ifMatch.strip());
        if (m.matches()) {
            long version = Long.parseLong(m.group(1));
            if (version <= Integer.MAX_VALUE) {
                return (int) version;
            }
        }
        throw ApiProblem.invalid(IF_MATCH, shown(ifMatch), "must be one entity tag such as " + etag(3)
                + " (the entry's ETag)");
    }

    /**
     * 412 for a change against another version than the entry's: the problem names the current version (also
     * as {@code currentVersion}) and carries its ETag, so a client can read the entry again and decide.
     */
    static Response stale(StaleVersionException e) {
        Response problem = Problems.response(412, "stale-version", "Precondition Failed", e.getMessage(), null,
                null, body -> body.add("currentVersion", e.currentVersion()));
        return Response.fromResponse(problem).header(ETAG, etag(e.currentVersion())).build();
    }

    private static String shown(String value) {
        return value.length() <= SHOWN_CHARS ? value
                : value.substring(0, SHOWN_CHARS) + "... (" + value.length() + " chars)";
    }
}

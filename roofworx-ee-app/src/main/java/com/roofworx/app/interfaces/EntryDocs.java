package com.roofworx.app.interfaces;

/** The OpenAPI texts the correction and void operations share, so both say the same thing. */
final class EntryDocs {
    static final String IF_MATCH = "The ETag of the entry as last read, W/\"<version>\" or \"<version>\"; the "
            + "change applies only while the entry is still at that version";
    static final String ETAG = "W/\"<version>\": the entry's new version, for the next If-Match";
    static final String CURRENT_ETAG = "W/\"<version>\" of the entry as it is now";
    static final String INVALID = "A field of the body, the path's id or If-Match is invalid; the problem names "
            + "the field and the value";
    static final String NOT_FOUND = "The caller has no entry with this id (the same answer for another user's "
            + "entry)";
    static final String NOT_ALLOWED = "The correction window (roofworx.corrections.window after the work date) has "
            + "closed, or the entry is voided";
    static final String STALE = "The entry is at another version than If-Match names: read it again; the "
            + "problem's currentVersion and the ETag header say which version it is at";
    static final String MISSING_IF_MATCH = "If-Match is missing";
    static final String UNAVAILABLE = "The change could not be stored (nothing changed); Retry-After says when to "
            + "try again";

    private EntryDocs() {
    }
}

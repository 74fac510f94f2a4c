package com.roofworx.sdk.testkit.zoho;

/** How an upsert finds the record it updates, and whether the module's unique fields are enforced. */
public enum DuplicateCheck {
    /**
     * As Zoho does: the request's {@code duplicate_check_fields} decide which record is updated, the
     * module's unique fields when it names none; unique fields are always enforced ({@code DUPLICATE_DATA}).
     */
    MODULE_UNIQUE_FIELDS,
    /**
     * Only the fields the request names in {@code duplicate_check_fields} match and are enforced; a request
     * without them always inserts, so a second record with the same unique value appears. Stricter than Zoho
     * towards a client: a client that stops naming its key makes duplicates a test can count, where Zoho's
     * own unique check would have hidden the mistake.
     */
    REQUESTED_ONLY
}

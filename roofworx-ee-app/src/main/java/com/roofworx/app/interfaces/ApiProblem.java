package com.roofworx.app.interfaces;

/**
 * A failure the API answers as an RFC 9457 problem. Thrown by resources for what the SDK does not decide
 * (authentication, body size, query parameters, unknown ids) and mapped by {@link ProblemMappers}.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final String field;
    private final String value;
    private final long retryAfterSeconds;

    private ApiProblem(int status, String slug, String title, String detail, String field, String value,
                       long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.field = field;
        this.value = value;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private ApiProblem(int status, String slug, String title, String detail, String field, String value) {
        this(status, slug, title, detail, field, value, 0);
    }

    /** 429: the caller has used up its allowance; {@code Retry-After} says when the next request may succeed. */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "too-many-requests", "Too Many Requests", detail, null, null,
                Math.max(1, retryAfterSeconds));
    }

    public static ApiProblem forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem of(int status, String slug, String title, String detail) {
        return new ApiProblem(status, slug, title, detail, null, null);
    }

    public static ApiProblem unauthorized(String detail) {
        return of(401, "unauthorized", "Unauthorized", detail);
    }

    /** 428: a change that needs a precondition header came without it; names the header. */
    public static ApiProblem preconditionRequired(String header, String detail) {
        return new ApiProblem(428, "precondition-required", "Precondition Required", header + " is required: " + detail,
                header, null);
    }

    /** 404 for an entry id the caller has no entry under: the same answer whether or not another user has one. */
    public static ApiProblem noEntry(java.util.UUID id) {
        return notFound("no entry " + id + " for the caller");
    }

    public static ApiProblem notFound(String detail) {
        return of(404, "not-found", "Not Found", detail);
    }

    /** A 400 naming the offending field and value: "from must be a date (YYYY-MM-DD) but was 2026-13-01". */
    public static ApiProblem invalid(String field, String value, String rule) {
        return new ApiProblem(400, "invalid-field", "Invalid field", field + " " + rule + " but was " + value, field,
                value);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

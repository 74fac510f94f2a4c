package com.roofworx.sdk.zoho;

import com.roofworx.sdk.RoofworxException;
import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.RetryHint;
import com.roofworx.sdk.zoho.internal.CallFailureKinds;

import java.time.Duration;

/**
 * A Zoho CRM call failed as a whole. {@link #failureKind()} tells the sync engine whether to wait
 * ({@link FailureKind#TRANSIENT}: rate limit, 5xx, timeout, dropped connection, token endpoint busy) or
 * that an operator must act ({@link FailureKind#PERMANENT}: scope mismatch, a refused refresh-token
 * grant, a module or field Zoho does not have). {@link #retryAfter()} carries Zoho's Retry-After when it
 * sent one. The table is in docs/zoho.md. Messages never contain tokens or secrets.
 */
public final class ZohoException extends RoofworxException implements ClassifiedFailure, RetryHint {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;
    private final FailureKind kind;
    private final transient Duration retryAfter;

    private ZohoException(String message, String code, int httpStatus, FailureKind kind, Duration retryAfter,
                          Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** Zoho answered 429: back off, no sooner than {@code retryAfter} when it is not null. */
    public static ZohoException rateLimited(String operation, Duration retryAfter) {
        return new ZohoException("Zoho CRM rate limit during " + operation + " (HTTP 429 TOO_MANY_REQUESTS"
                + (retryAfter == null ? "" : ", retry after " + retryAfter) + ")",
                "TOO_MANY_REQUESTS", 429, FailureKind.TRANSIENT, retryAfter, null);
    }

    /** Zoho could not answer (5xx, timeout, connection refused or dropped); worth retrying. */
    public static ZohoException unavailable(String operation, int httpStatus, String code, Throwable cause) {
        String reason = httpStatus > 0 ? "HTTP " + httpStatus + (code == null ? "" : " " + code)
                : cause == null ? "no reply" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new ZohoException("Zoho CRM unavailable during " + operation + " (" + reason + ")",
                code, httpStatus, FailureKind.TRANSIENT, null, cause);
    }

    /** Zoho refused the call for a reason retrying cannot fix (configuration, permissions, grant). */
    public static ZohoException permanent(String operation, int httpStatus, String code, String detail) {
        return new ZohoException(refusal(operation, httpStatus, code, detail), code, httpStatus,
                FailureKind.PERMANENT, null, null);
    }

    /**
     * Zoho answered something other than what was asked; the status and code decide whether that is
     * momentary or a setup error (see docs/zoho.md).
     */
    public static ZohoException refused(String operation, int httpStatus, String code, String detail) {
        return new ZohoException(refusal(operation, httpStatus, code, detail), code, httpStatus,
                CallFailureKinds.of(httpStatus, code), null, null);
    }

    /** Authentication failed again right after a fresh token; retried later in case Zoho was briefly confused. */
    public static ZohoException unauthorized(String operation, String code) {
        return new ZohoException("Zoho CRM rejected a freshly minted access token during " + operation
                + " (HTTP 401 " + code + ")", code, 401, FailureKind.TRANSIENT, null, null);
    }

    private static String refusal(String operation, int httpStatus, String code, String detail) {
        return "Zoho CRM refused " + operation + " (" + (httpStatus > 0 ? "HTTP " + httpStatus + " " : "")
                + code + "): " + detail;
    }

    /** Zoho's error code, e.g. {@code TOO_MANY_REQUESTS}, {@code OAUTH_SCOPE_MISMATCH}, {@code invalid_code}; may be null. */
    public String code() {
        return code;
    }

    /** The HTTP status, or 0 when there was no reply. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public FailureKind failureKind() {
        return kind;
    }

    /** Shorthand for {@code failureKind() == TRANSIENT}. */
    public boolean retryable() {
        return kind == FailureKind.TRANSIENT;
    }

    /** Zoho's Retry-After, or null. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}

package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.FailureKind;

import java.util.Set;

/**
 * The class of a whole-call failure from what Zoho answered.
 * <ul>
 *   <li>TRANSIENT: no reply at all, 408, 429 and 5xx, whatever the body says (a proxy in front of Zoho
 *       answers those too); then Zoho's momentary codes, which it also sends with a 400 (an API-credit
 *       limit, the token endpoint's "Access Denied" after too many mints).</li>
 *   <li>PERMANENT: Zoho's setup codes, which it also sends with a 200 (the token endpoint's
 *       {@code invalid_code}); then every other 4xx (a missing scope or module, a field API name Zoho does
 *       not know, a refused grant): the same call keeps failing until someone changes the setup.</li>
 *   <li>Anything else (a 2xx that did not carry what was asked): TRANSIENT, since an unknown failure read
 *       as "down" only delays entries.</li>
 * </ul>
 */
public final class CallFailureKinds {
    static final Set<String> MOMENTARY = Set.of("TOO_MANY_REQUESTS", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE",
            "REQUEST_TIMEOUT", "RECORD_IN_PROCESS", "API_LIMIT_EXCEEDED", "LIMIT_REACHED", "Access Denied");

    static final Set<String> SETUP = Set.of("OAUTH_SCOPE_MISMATCH", "NO_PERMISSION", "INVALID_MODULE",
            "INVALID_URL_PATTERN", "INVALID_DATA", "REQUIRED_PARAM_MISSING", "INVALID_REQUEST_METHOD",
            "FEATURE_NOT_ENABLED", "FEATURE_NOT_SUPPORTED", "invalid_code", "invalid_client",
            "invalid_client_secret", "unauthorized_client", "unsupported_grant_type", "invalid_grant");

    private CallFailureKinds() {
    }

    /** {@code httpStatus} 0 means no reply (timeout, refused or dropped connection). */
    public static FailureKind of(int httpStatus, String code) {
        if (httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500) {
            return FailureKind.TRANSIENT;
        }
        if (code != null && MOMENTARY.contains(code)) {
            return FailureKind.TRANSIENT;
        }
        if (code != null && SETUP.contains(code)) {
            return FailureKind.PERMANENT;
        }
        return httpStatus >= 400 ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
    }
}

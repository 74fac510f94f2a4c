package com.roofworx.sdk.zoho;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.RetryHint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-call classification table of docs/zoho.md. */
class ZohoExceptionTest {

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource(nullValues = "none", value = {
            // Zoho down, overloaded or slow
            "500, INTERNAL_ERROR,          TRANSIENT",
            "502, none,                    TRANSIENT",
            "503, none,                    TRANSIENT",
            "504, none,                    TRANSIENT",
            "408, none,                    TRANSIENT",
            "429, TOO_MANY_REQUESTS,       TRANSIENT",
            "0,   none,                    TRANSIENT",
            // a 5xx stays momentary whatever its body claims (a proxy's page, a confused body)
            "503, INVALID_DATA,            TRANSIENT",
            // momentary codes Zoho also sends with a 400
            "400, API_LIMIT_EXCEEDED,      TRANSIENT",
            "400, Access Denied,           TRANSIENT",
            // setup errors: someone must act
            "401, OAUTH_SCOPE_MISMATCH,    PERMANENT",
            "403, NO_PERMISSION,           PERMANENT",
            "400, INVALID_MODULE,          PERMANENT",
            "400, INVALID_DATA,            PERMANENT",
            "400, REQUIRED_PARAM_MISSING,  PERMANENT",
            "404, INVALID_URL_PATTERN,     PERMANENT",
            "200, invalid_code,            PERMANENT",
            "200, invalid_client,          PERMANENT",
            "400, invalid_client_secret,   PERMANENT",
            "400, some_unknown_code,       PERMANENT",
            "404, none,                    PERMANENT",
            // a 2xx that did not carry what was asked: unknown, read as down
            "200, none,                    TRANSIENT",
            "202, none,                    TRANSIENT"})
    void aRefusalIsClassifiedByStatusThenCode(int status, String code, FailureKind kind) {
        ZohoException e = ZohoException.refused("upsert Time_Entries", status, code, "detail");
        assertThat(e.failureKind()).isEqualTo(kind);
        assertThat(e.retryable()).isEqualTo(kind == FailureKind.TRANSIENT);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @Test
    void aRateLimitIsTransientAndKeepsRetryAfter() {
        ZohoException e = ZohoException.rateLimited("upsert Time_Entries", Duration.ofSeconds(30));
        assertThat(e).isInstanceOf(ClassifiedFailure.class).isInstanceOf(RetryHint.class);
        assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(ZohoException.rateLimited("token refresh", null).retryAfter()).isNull();
    }

    @Test
    void noReplyIsTransientAndNamesTheCause() {
        ZohoException e = ZohoException.unavailable("read Deals", 0, null, new SocketTimeoutException("Read timed out"));
        assertThat(e.failureKind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(e.getMessage()).contains("SocketTimeoutException").contains("Read timed out");
    }

    @Test
    void explicitRefusalsArePermanentAndAFreshTokenRefusedTwiceIsTransient() {
        assertThat(ZohoException.permanent("token refresh", 200, "invalid_code", "grant refused").failureKind())
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(ZohoException.unauthorized("read Deals", "INVALID_TOKEN").failureKind())
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void theProjectSourcesWrapperLeavesTheClassToTheZohoCause() {
        // ZohoProjectSource throws StoreUnavailableException(cause = ZohoException); the engine reads the
        // first ClassifiedFailure on the cause chain, so the wrapper must not claim a class of its own.
        StoreUnavailableException wrapped = StoreUnavailableException.of("project-source", "project",
                ZohoException.refused("read Deals", 401, "OAUTH_SCOPE_MISMATCH", "scope"));
        assertThat(wrapped).isNotInstanceOf(ClassifiedFailure.class);
        assertThat(wrapped.getCause()).isInstanceOfSatisfying(ZohoException.class,
                e -> assertThat(e.failureKind()).isEqualTo(FailureKind.PERMANENT));
    }
}

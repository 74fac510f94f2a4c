package com.roofworx.app.interfaces;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdentityRulesTest {
    private static final long NOW = 1_800_000_000L;

    private static Optional<ApiProblem> check(Map<String, Object> claims, long skew) {
        return TokenRules.check(claims::get, NOW, skew);
    }

    @Test
    void aTokenIsRefusedBeforeItsNotBeforeTimeAllowingTheClockSkew() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("nbf", Json.createValue(NOW + 3600));
        assertThat(check(claims, 0)).get().extracting(ApiProblem::status).isEqualTo(401);
        assertThat(check(claims, 60)).get().extracting(ApiProblem::status).isEqualTo(401);
        claims.put("nbf", NOW + 30);
        assertThat(check(claims, 0)).isPresent();
        assertThat(check(claims, 60)).as("within the skew").isEmpty();
        claims.put("nbf", Json.createValue(NOW));
        assertThat(check(claims, 0)).isEmpty();
        assertThat(check(Map.of(), 0)).as("no nbf").isEmpty();
    }

    @Test
    void anUnverifiedEmailIsForbiddenWhenTheClaimIsPresent() {
        assertThat(check(Map.of("email_verified", JsonValue.FALSE), 0)).get().extracting(ApiProblem::status)
                .isEqualTo(403);
        assertThat(check(Map.of("email_verified", false), 0)).isPresent();
        assertThat(check(Map.of("email_verified", Json.createValue("false")), 0)).isPresent();
        assertThat(check(Map.of("email_verified", JsonValue.TRUE), 0)).isEmpty();
        assertThat(check(Map.of("email_verified", true), 0)).isEmpty();
        assertThat(check(Map.of(), 0)).as("absent: the provider does not say").isEmpty();
    }

    @Test
    void emailAddressesAreLowerCasedInAsciiOnlyAndLookAlikesAreRefused() {
        assertThat(Caller.normalize(" Kate@Example.COM ")).isEqualTo("kate@example.com");
        assertThat(Caller.normalize("josé@exämple.com")).isEqualTo("josé@exämple.com");
        ApiProblem kelvin = catchThrowableOfType(ApiProblem.class, () -> Caller.normalize("\u212Aate@example.com"));
        assertThat(kelvin).isNotNull();
        assertThat(kelvin.status()).isEqualTo(403);
        assertThat(kelvin.getMessage()).contains("U+212A");
        assertThat(catchThrowableOfType(ApiProblem.class, () -> Caller.normalize("\u0130nes@example.com")))
                .isNotNull();
        assertThat(catchThrowableOfType(ApiProblem.class, () -> Caller.normalize("JOSÉ@example.com")))
                .as("non-ASCII upper case would be folded by the SDK").isNotNull();
    }
}

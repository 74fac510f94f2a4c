package com.roofworx.app.interfaces;

import com.roofworx.sdk.testkit.TestClock;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {
    private static final long NOW = TestClock.DEFAULT_START.getEpochSecond();
    private static final Duration TTL = Duration.ofMinutes(5);

    private final TestClock clock = new TestClock();

    private VerifiedTokens cache(Duration ttl, int size, long skew, OptionalLong tokenAge) {
        return new VerifiedTokens(clock, ttl, size, skew, tokenAge);
    }

    private VerifiedTokens cache() {
        return cache(TTL, 100, 0, OptionalLong.empty());
    }

    @Test
    void aVerifiedTokenIsReusedWithTheContainersOwnLoginUntilItsExp() {
        VerifiedTokens tokens = cache();
        CredentialValidationResult login = login("t-ana", NOW + 60, "worker");
        assertThat(tokens.remember("t-ana", login)).isTrue();

        assertThat(tokens.find("t-ana")).get().isSameAs(login);
        assertThat(tokens.find("t-ana").orElseThrow().getCallerPrincipal()).isSameAs(login.getCallerPrincipal());
        assertThat(tokens.find("t-ana").orElseThrow().getCallerGroups()).containsExactly("worker");
        clock.advance(Duration.ofMillis(59_999));
        assertThat(tokens.find("t-ana")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.find("t-ana")).as("the container refuses it from exp on").isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theClockSkewExtendsAnEntryExactlyAsTheContainerExtendsTheToken() {
        VerifiedTokens tokens = cache(TTL, 100, 30, OptionalLong.empty());
        tokens.remember("t", login("t", NOW + 60, "worker"));
        clock.advance(Duration.ofMillis(89_999));
        assertThat(tokens.find("t")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void noEntryOutlivesTheTtlWhateverTheTokensExp() {
        VerifiedTokens tokens = cache();
        tokens.remember("t", login("t", NOW + 7200, "worker"));
        clock.advance(TTL.minusMillis(1));
        assertThat(tokens.find("t")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.find("t")).as("a revoked token or a rotated key counts again after the TTL").isEmpty();
        assertThat(tokens.remember("t", login("t", NOW + 7200, "worker"))).as("verified again: kept again")
                .isTrue();
    }

    @Test
    void aTokenAgeEndsAnEntryWhenTheContainerWouldCallTheTokenTooOld() {
        // The container refuses a token once (now - skew) - iat > age, in whole seconds.
        VerifiedTokens tokens = cache(TTL, 100, 0, OptionalLong.of(600));
        tokens.remember("t", login("t", NOW - 590, NOW + 3600, "worker"));
        clock.advance(Duration.ofMillis(10_999));
        assertThat(tokens.find("t")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void anExpiredOrUndatedTokenIsNotKept() {
        VerifiedTokens tokens = cache();
        assertThat(tokens.remember("old", login("old", NOW, "worker"))).isFalse();
        assertThat(tokens.remember("none", loginWith("none", Map.of("groups", Set.of("worker"))))).isFalse();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheContainersSuccessfulVerificationOfThatVeryTokenIsKept() {
        VerifiedTokens tokens = cache();
        assertThat(tokens.remember("t", CredentialValidationResult.INVALID_RESULT)).isFalse();
        assertThat(tokens.remember("t", CredentialValidationResult.NOT_VALIDATED_RESULT)).isFalse();
        assertThat(tokens.remember("t", null)).isFalse();
        assertThat(tokens.remember("t", new CredentialValidationResult("ana", Set.of("worker"))))
                .as("a login without the token as its principal").isFalse();
        assertThat(tokens.remember("forged", login("t", NOW + 60, "admin")))
                .as("a login made of another token").isFalse();
        assertThat(tokens.find("forged")).isEmpty();
        assertThat(tokens.find("t")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void tokensAreKeptUnderTheirSha256DigestOnly() throws Exception {
        VerifiedTokens tokens = cache();
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2ln";
        tokens.remember(token, login(token, NOW + 60, "worker"));

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(tokens.holdsDigest(sha256.digest(token.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(tokens.holdsDigest(token.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(tokens.find(token.substring(0, token.length() - 1) + "m")).as("one character off").isEmpty();
        assertThat(tokens.find(token + " ")).isEmpty();
        assertThat(tokens.find(token)).isPresent();
    }

    @Test
    void theNumberOfEntriesIsBoundedAndTheNewestIsAlwaysKept() {
        VerifiedTokens tokens = cache(TTL, 10, 0, OptionalLong.empty());
        for (int i = 0; i < 35; i++) {
            String token = "t" + i;
            assertThat(tokens.remember(token, login(token, NOW + 60, "worker"))).isTrue();
            assertThat(tokens.size()).isLessThanOrEqualTo(10);
            assertThat(tokens.find(token)).isPresent();
        }
    }

    @Test
    void whenFullExpiredEntriesGoFirst() {
        VerifiedTokens tokens = cache(TTL, 3, 0, OptionalLong.empty());
        tokens.remember("short", login("short", NOW + 10, "worker"));
        tokens.remember("b", login("b", NOW + 600, "worker"));
        tokens.remember("c", login("c", NOW + 600, "worker"));
        clock.advance(Duration.ofSeconds(10));
        tokens.remember("d", login("d", NOW + 600, "worker"));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("b")).isPresent();
        assertThat(tokens.find("c")).isPresent();
        assertThat(tokens.find("d")).isPresent();
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        VerifiedTokens tokens = cache(Duration.ZERO, 100, 0, OptionalLong.empty());
        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.remember("t", login("t", NOW + 60, "worker"))).isFalse();
        assertThat(tokens.find("t")).isEmpty();
        assertThat(cache().enabled()).isTrue();
    }

    @Test
    void nonsensicalBoundsAreRefused() {
        assertThatThrownBy(() -> cache(Duration.ofSeconds(-1), 10, 0, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(TTL, 0, 0, OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(TTL, 10, -1, OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The container's login for a token issued now: the token (a JsonWebToken) and its groups. */
    static CredentialValidationResult login(String rawToken, long exp, String... groups) {
        return login(rawToken, NOW, exp, groups);
    }

    static CredentialValidationResult login(String rawToken, long iat, long exp, String... groups) {
        return loginWith(rawToken, Map.of("exp", exp, "iat", iat, "groups", Set.of(groups)));
    }

    private static CredentialValidationResult loginWith(String rawToken, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("raw_token", rawToken);
        @SuppressWarnings("unchecked")
        Set<String> groups = (Set<String>) claims.get("groups");
        return new CredentialValidationResult(new Jwt("ana", all), groups);
    }

    /** A verified token as the container hands it: a caller principal that is a JsonWebToken. */
    static final class Jwt extends CallerPrincipal implements JsonWebToken {
        private final Map<String, Object> claims;

        Jwt(String name, Map<String, Object> claims) {
            super(name);
            this.claims = claims;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }
}

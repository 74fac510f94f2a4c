package com.roofworx.sdk.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Shares one OAuth access token between every caller and every instance, so a token is refreshed once per
 * lifetime, not once per instance. The lock lets one instance refresh while others wait.
 * Implementations must never log the token.
 */
public interface AccessTokenCache {

    /** The cached token under {@code key}. Miss: empty when absent or expired. */
    Optional<AccessToken> get(String key);

    /** Stores {@code token} under {@code key} until its expiry. Duplicate: replaces the previous token. */
    void put(String key, AccessToken token);

    /**
     * Takes the refresh lock for {@code key} on behalf of {@code owner} until {@code until}. Returns false
     * when another owner holds it. A lock whose time ran out is free.
     */
    boolean tryLock(String key, String owner, Instant until);

    /** Frees the lock if {@code owner} holds it; otherwise does nothing. */
    void unlock(String key, String owner);

    /**
     * An access token. Its {@code toString} never shows the value.
     *
     * @param value     the bearer value
     * @param expiresAt when the issuer stops accepting it
     * @param apiDomain the API host the issuer named with it (Zoho's {@code api_domain}); may be null
     */
    record AccessToken(String value, Instant expiresAt, String apiDomain) {
        @Override
        public String toString() {
            return "AccessToken[value=***, expiresAt=" + expiresAt + ", apiDomain=" + apiDomain + "]";
        }
    }
}

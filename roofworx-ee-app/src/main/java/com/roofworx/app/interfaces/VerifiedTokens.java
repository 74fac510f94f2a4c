package com.roofworx.app.interfaces;

import com.roofworx.sdk.spi.Clock;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Bearer tokens the container's MicroProfile JWT check accepted, each with the login the container made of it
 * (the {@link JsonWebToken} as caller principal, and the groups), so that the same token sent again skips
 * parsing and the signature check.
 * <ul>
 *   <li>Only the container's own successful verification of this exact token is kept: the login's principal must
 *   be a {@link JsonWebToken} whose raw token is the presented one. Failures are never kept.</li>
 *   <li>Tokens are kept under their SHA-256 digest, compared with {@link MessageDigest#isEqual}.</li>
 *   <li>An entry lives until the token expires as the container sees it ({@code exp} plus the clock skew, and
 *   {@code iat} plus {@code mp.jwt.verify.token.age} when set) and at most {@code ttl}, so a signing key the
 *   container stops trusting stops opening the API within {@code ttl}. A zero {@code ttl} turns the cache off.</li>
 *   <li>At most {@code maxEntries} are kept: when full, expired entries go first, then arbitrary ones (in hash
 *   order, which a digest makes random) until a tenth of the room is free, so the sweep is rare.</li>
 * </ul>
 * Reads take no lock; additions are serialized, which keeps the bound exact.
 */
public final class VerifiedTokens {
    /** Far beyond any real date (about 73 million years); small enough to add settings to and scale to millis. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000 / 4;

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final long skewSeconds;
    private final OptionalLong tokenAgeSeconds;
    private final ConcurrentMap<Digest, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param skewSeconds     {@code mp.jwt.verify.clock.skew}, as the container allows it on {@code exp}
     * @param tokenAgeSeconds {@code mp.jwt.verify.token.age}, empty when unset
     */
    public VerifiedTokens(Clock clock, Duration ttl, int maxEntries, long skewSeconds, OptionalLong tokenAgeSeconds) {
        if (ttl.isNegative() || maxEntries < 1 || skewSeconds < 0 || tokenAgeSeconds.orElse(0) < 0) {
            throw new IllegalArgumentException("ttl, skew and token age must not be negative, maxEntries at least 1");
        }
        this.clock = clock;
        this.ttlMillis = Math.min(ttl.getSeconds(), MAX_SECONDS) * 1000 + ttl.getNano() / 1_000_000;
        this.maxEntries = maxEntries;
        this.skewSeconds = clamp(skewSeconds);
        this.tokenAgeSeconds = tokenAgeSeconds.isPresent() ? OptionalLong.of(clamp(tokenAgeSeconds.getAsLong()))
                : tokenAgeSeconds;
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    /** The container's login for exactly this token, while it may be reused; empty when there is none. */
    public Optional<CredentialValidationResult> find(String token) {
        if (!enabled() || token == null) {
            return Optional.empty();
        }
        Digest key = Digest.of(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.now().toEpochMilli() >= entry.expiresAtMillis) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.login);
    }

    /**
     * Keeps {@code login} for {@code token} when it is the container's successful verification of that very
     * token and the token is still valid for a while; answers whether it was kept.
     */
    public synchronized boolean remember(String token, CredentialValidationResult login) {
        if (!enabled() || token == null || login == null
                || login.getStatus() != CredentialValidationResult.Status.VALID
                || !(login.getCallerPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return false;
        }
        Digest key = Digest.of(token);
        if (!key.equals(Digest.of(jwt.getRawToken()))) {
            return false;
        }
        long now = clock.now().toEpochMilli();
        long expiresAt = expiresAtMillis(jwt, now);
        if (expiresAt <= now) {
            return false;
        }
        if (!entries.containsKey(key) && entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key, new Entry(login, expiresAt));
        return true;
    }

    public int size() {
        return entries.size();
    }

    /** Whether a token with this SHA-256 digest is kept (for tests: entries are keyed by digest alone). */
    boolean holdsDigest(byte[] sha256) {
        return entries.containsKey(new Digest(sha256.clone()));
    }

    /**
     * The earliest of: now plus the TTL; {@code exp} plus the skew (the container accepts a token while the
     * current second minus the skew is before {@code exp}); and, with a token age set, the first second in which
     * {@code iat} lies more than that age (plus the skew) back. Without a readable {@code exp}, now: not kept.
     */
    private long expiresAtMillis(JsonWebToken jwt, long now) {
        Long exp = TokenRules.seconds(jwt.getClaim("exp"));
        if (exp == null) {
            return now;
        }
        long until = Math.min(now + ttlMillis, (clamp(exp) + skewSeconds) * 1000);
        if (tokenAgeSeconds.isPresent()) {
            Long iat = TokenRules.seconds(jwt.getClaim("iat"));
            if (iat == null) {
                return now;
            }
            until = Math.min(until, (clamp(iat) + tokenAgeSeconds.getAsLong() + skewSeconds + 1) * 1000);
        }
        return until;
    }

    private void makeRoom(long now) {
        entries.values().removeIf(e -> now >= e.expiresAtMillis);
        int keep = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<Digest> keys = entries.keySet().iterator();
        while (entries.size() > keep && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Epoch seconds within 0 and {@link #MAX_SECONDS}: sums of these and settings cannot overflow in millis. */
    private static long clamp(long seconds) {
        return Math.max(0, Math.min(seconds, MAX_SECONDS));
    }

    private record Entry(CredentialValidationResult login, long expiresAtMillis) {
    }

    /** A token's SHA-256 digest: the only form in which a token is a key. */
    static final class Digest {
        private final byte[] bytes;
        private final int hash;

        private Digest(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        static Digest of(String token) {
            return new Digest(SharedSecrets.sha256(token));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest d && MessageDigest.isEqual(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

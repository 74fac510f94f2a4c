package com.roofworx.app.infrastructure;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.spi.AccessTokenCache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Zoho's token state for the readiness check: whether an access token is held and for how long, and whether
 * the last whole call to Zoho failed. Only an authorization failure (a revoked grant, a wrong client secret)
 * makes the instance not ready: an outage or a rate limit of Zoho does not stop submits, which are written
 * behind and retried. Fed by the SDK's events; never shows a token.
 */
final class ZohoHealth implements StoreProbe, RoofworxEventListener {
    /** How the Zoho adapter words an authorization failure (HTTP 401, OAuth error codes). */
    static final Pattern AUTH_FAILURE = Pattern.compile("HTTP 401|OAUTH|invalid_code|invalid_client|token",
            Pattern.CASE_INSENSITIVE);

    private final AccessTokenCache tokens;
    private final String tokenKey;
    private volatile String lastFailure;

    ZohoHealth(AccessTokenCache tokens, String tokenKey) {
        this.tokens = tokens;
        this.tokenKey = tokenKey;
    }

    @Override
    public String name() {
        return "zoho";
    }

    @Override
    public Result check() {
        String token;
        try {
            Optional<AccessTokenCache.AccessToken> held = tokens.get(tokenKey);
            token = held.map(t -> "access token valid for "
                    + Duration.between(Instant.now(), t.expiresAt()).toSeconds() + " s")
                    .orElse("no access token held (one is fetched on the next call)");
        } catch (RuntimeException e) {
            token = "token cache unreadable: " + e.getMessage();
        }
        String failure = lastFailure;
        if (failure == null) {
            return Result.up(token);
        }
        String detail = "last call failed: " + failure + "; " + token;
        return AUTH_FAILURE.matcher(failure).find() ? Result.down(detail) : Result.up(detail);
    }

    @Override
    public void onEvent(RoofworxEvent event) {
        if (event instanceof RoofworxEvent.StoreFailed f
                && ("cold".equals(f.store()) || "project-source".equals(f.store()))) {
            lastFailure = f.operation() + ": " + f.error();
        } else if (event instanceof RoofworxEvent.ProjectsLoaded
                || event instanceof RoofworxEvent.EntrySynced s && s.destination() == Destination.COLD) {
            lastFailure = null;
        }
    }
}

package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.AccessTokenCache.AccessToken;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoException;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.WebApplicationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code POST {accounts}/oauth/v2/token} with {@code grant_type=refresh_token}. A reply without
 * {@code access_token} is a failure even with HTTP 200 (Zoho answers {@code {"error":"invalid_code"}} that
 * way). Refused grants are permanent; a busy or unreachable endpoint is retryable.
 */
public final class TokenEndpoint implements ZohoTokens.TokenMinter {
    private static final Set<String> REFUSED = Set.of("invalid_code", "invalid_client", "invalid_client_secret",
            "unauthorized_client", "unsupported_grant_type", "invalid_grant");
    // Older accounts servers reported expires_in in milliseconds; no token lives a day.
    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private final ZohoConfig config;
    private final RestClients clients;
    private final Clock clock;

    public TokenEndpoint(ZohoConfig config, RestClients clients, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public AccessToken mint() {
        Instant asked = clock.now();
        ZohoReply reply;
        try {
            reply = ZohoReply.read(clients.accounts().token("refresh_token", config.clientId(),
                    config.clientSecret(), config.refreshToken()));
        } catch (WebApplicationException e) {
            reply = ZohoReply.read(e.getResponse());
        } catch (RuntimeException e) {
            throw ZohoException.unavailable("token refresh", 0, null, e);
        }
        if (reply.body() != null && reply.body().containsKey("access_token")) {
            String value = reply.body().getString("access_token", "");
            if (!value.isBlank()) {
                return new AccessToken(value, asked.plus(lifetime(reply)), JsonReads.text(reply.body(), "api_domain", null));
            }
        }
        String code = reply.code();
        if (reply.status() == 429) {
            throw ZohoException.rateLimited("token refresh", reply.retryAfter(clock.now()));
        }
        if (reply.status() >= 500) {
            throw ZohoException.unavailable("token refresh", reply.status(), code, null);
        }
        if (code != null && REFUSED.contains(code)) {
            throw ZohoException.permanent("token refresh", reply.status(), code,
                    "the refresh-token grant was refused; check the client id, client secret and refresh token"
                            + " (client id " + config.clientId() + ")");
        }
        // "Access Denied" / too many requests: more than ten tokens minted in ten minutes.
        throw ZohoException.unavailable("token refresh", reply.status(), code == null ? "NO_ACCESS_TOKEN" : code, null);
    }

    private static Duration lifetime(ZohoReply reply) {
        long seconds = reply.body().get("expires_in") instanceof JsonNumber n ? n.longValue() : 3600;
        if (seconds > MAX_SECONDS) {
            seconds = seconds / 1000;
        }
        return Duration.ofSeconds(Math.max(seconds, 1));
    }
}

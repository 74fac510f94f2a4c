package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.AccessTokenCache.AccessToken;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * Runs one authorised Zoho CRM call and sorts out whole-call failures:
 * <ul>
 *   <li>401 {@code INVALID_TOKEN} / {@code AUTHENTICATION_FAILURE}: the token is replaced once and the call
 *       made once more; a second 401 is thrown.</li>
 *   <li>401 {@code OAUTH_SCOPE_MISMATCH} (or any other 401): thrown as permanent.</li>
 *   <li>429: thrown as rate-limited with Zoho's Retry-After.</li>
 *   <li>5xx, timeouts, refused or dropped connections: thrown as unavailable (retryable).</li>
 * </ul>
 * Every other reply (2xx, 204, 207, 4xx) is answered for the caller to read.
 */
public final class ZohoCalls {
    static final Set<String> STALE_TOKEN = Set.of("INVALID_TOKEN", "AUTHENTICATION_FAILURE");
    private static final String SCHEME = "Zoho-oauthtoken ";

    private final ZohoConfig config;
    private final RestClients clients;
    private final ZohoTokens tokens;
    private final Clock clock;

    public ZohoCalls(ZohoConfig config, RestClients clients, ZohoTokens tokens, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.tokens = tokens;
        this.clock = clock;
    }

    public ZohoConfig config() {
        return config;
    }

    /** Runs {@code call} (given the API proxy and the Authorization header) for {@code operation}. */
    ZohoReply call(String operation, BiFunction<ZohoCrmApi, String, Response> call) {
        AccessToken token = tokens.current();
        ZohoReply reply = invoke(operation, call, token);
        // A 401 without a Zoho code (an empty body, a proxy's page) is treated as a stale token too: one
        // refresh is cheap, and the second 401 below is then reported for what it is.
        if (reply.status() == 401 && (reply.code() == null || STALE_TOKEN.contains(reply.code()))) {
            reply = invoke(operation, call, tokens.replace(token));
            if (reply.status() == 401 && (reply.code() == null || STALE_TOKEN.contains(reply.code()))) {
                throw ZohoException.unauthorized(operation, reply.code());
            }
        }
        if (reply.status() == 401) {
            throw ZohoException.permanent(operation, 401, reply.code(),
                    "OAUTH_SCOPE_MISMATCH".equals(reply.code())
                            ? "the OAuth grant lacks a scope this call needs; mint a new grant with the scopes in docs/zoho.md"
                            : reply.message());
        }
        if (reply.status() == 429) {
            throw ZohoException.rateLimited(operation, reply.retryAfter(clock.now()));
        }
        if (reply.status() >= 500) {
            throw ZohoException.unavailable(operation, reply.status(), reply.code(), null);
        }
        return reply;
    }

    private ZohoReply invoke(String operation, BiFunction<ZohoCrmApi, String, Response> call, AccessToken token) {
        try {
            return ZohoReply.read(call.apply(clients.crm(config.apiUrl(token.apiDomain())), SCHEME + token.value()));
        } catch (ZohoException e) {
            throw e;
        } catch (WebApplicationException e) {
            // A runtime that ignores the disable-default-mapper property still hands over the reply this way.
            return ZohoReply.read(e.getResponse());
        } catch (RuntimeException e) {
            // ProcessingException and friends: connect/read timeout, connection refused or dropped.
            throw ZohoException.unavailable(operation, 0, null, e);
        }
    }
}

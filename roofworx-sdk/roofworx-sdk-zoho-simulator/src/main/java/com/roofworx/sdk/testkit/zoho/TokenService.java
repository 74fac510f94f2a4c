package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /oauth/v2/token} with {@code grant_type=refresh_token}, and the check of every API call's
 * {@code Authorization: Zoho-oauthtoken ...} header. Like Zoho it answers HTTP 200 with an {@code error}
 * member for a bad grant, and refuses to mint more than {@value #MINT_LIMIT} tokens per refresh token in
 * any ten minutes.
 */
final class TokenService {
    static final int MINT_LIMIT = 10;
    static final Duration MINT_WINDOW = Duration.ofMinutes(10);
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final String PREFIX = "Zoho-oauthtoken ";

    enum Check { VALID, MISSING, INVALID }

    private record Grant(String clientId, String clientSecret) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> mints = new ConcurrentHashMap<>();

    void grant(String clientId, String clientSecret, String refreshToken) {
        grants.put(refreshToken, new Grant(clientId, clientSecret));
    }

    /** Answers the HTTP status and the body for one token request. */
    Map.Entry<Integer, JsonObject> mint(Map<String, String> form, String apiDomain, Instant now) {
        Grant grant = grants.get(form.getOrDefault("refresh_token", ""));
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return Replies.answer(200, Json.createObjectBuilder().add("error", "unsupported_grant_type").build());
        }
        if (grant == null) {
            return Replies.answer(200, Json.createObjectBuilder().add("error", "invalid_code").build());
        }
        if (!grant.clientId().equals(form.get("client_id")) || !grant.clientSecret().equals(form.get("client_secret"))) {
            return Replies.answer(200, Json.createObjectBuilder().add("error", "invalid_client").build());
        }
        Deque<Instant> recent = mints.computeIfAbsent(form.get("refresh_token"), k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(MINT_WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= MINT_LIMIT) {
                return Replies.answer(400, Json.createObjectBuilder().add("error", "Access Denied")
                        .add("error_description", "You have made too many requests continuously. "
                                + "Please try again after some time.").build());
            }
            recent.addLast(now);
        }
        String token = "1000." + UUID.randomUUID().toString().replace("-", "");
        issued.put(token, now.plus(LIFETIME));
        return Replies.answer(200, Json.createObjectBuilder().add("access_token", token)
                .add("scope", "ZohoCRM.modules.ALL ZohoCRM.users.READ")
                .add("api_domain", apiDomain).add("token_type", "Bearer")
                .add("expires_in", LIFETIME.toSeconds()).build());
    }

    Check check(String authorization, Instant now) {
        if (authorization == null || !authorization.startsWith(PREFIX)) {
            return Check.MISSING;
        }
        Instant expiry = issued.get(authorization.substring(PREFIX.length()));
        return expiry != null && now.isBefore(expiry) ? Check.VALID : Check.INVALID;
    }

    /** Every token issued so far stops working (as after an hour, or a revocation). */
    void expireAll() {
        issued.clear();
    }
}

package com.roofworx.app.interfaces;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which other origins may call the API from a browser, and the CORS headers that say so. Off (no origin
 * allowed, no header sent) unless origins are configured. Credentials are never allowed: the API takes bearer
 * tokens, not cookies, so no browser sends anything on a caller's behalf.
 */
public final class CorsPolicy {
    static final String METHODS = "GET, POST, PUT, DELETE";
    private static final Set<String> METHOD_SET = Set.of("GET", "POST", "PUT", "DELETE");
    /** The headers a browser client of this API sends. */
    static final Set<String> HEADERS = Set.of("authorization", "content-type", "accept", "if-match");
    /** What a client may read from an answer besides the CORS-safelisted headers. */
    static final String EXPOSED = "Location, Retry-After, Server-Timing, Roofworx-Partial, Roofworx-Truncated, ETag";

    private final Set<String> origins;
    private final long maxAgeSeconds;

    public CorsPolicy(List<String> origins, Duration maxAge) {
        this.origins = Set.copyOf(origins);
        this.maxAgeSeconds = maxAge.toSeconds();
    }

    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** Exact, case-sensitive comparison, as browsers send the origin serialized in lower case. */
    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    /** Whether the request is a CORS preflight: OPTIONS with an origin and the method it asks for. */
    public static boolean isPreflight(String method, String origin, String requestedMethod) {
        return "OPTIONS".equals(method) && origin != null && requestedMethod != null;
    }

    /** The headers of an actual answer to {@code origin}: empty when CORS is off or the origin is not allowed. */
    public Map<String, String> answerHeaders(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        if (!enabled()) {
            return h;
        }
        h.put("Vary", "Origin");
        if (allows(origin)) {
            h.put("Access-Control-Allow-Origin", origin);
            h.put("Access-Control-Expose-Headers", EXPOSED);
        }
        return h;
    }

    /**
     * The answer to a preflight: the headers, or null when the origin, method or one of the requested headers
     * is not allowed (the caller then answers 403 without CORS headers, and the browser blocks the request).
     */
    public Map<String, String> preflightHeaders(String origin, String requestedMethod, String requestedHeaders) {
        if (!allows(origin) || !METHOD_SET.contains(requestedMethod)) {
            return null;
        }
        if (requestedHeaders != null) {
            for (String header : requestedHeaders.split(",")) {
                String name = header.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !HEADERS.contains(name)) {
                    return null;
                }
            }
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        h.put("Access-Control-Allow-Origin", origin);
        h.put("Access-Control-Allow-Methods", METHODS);
        h.put("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, If-Match");
        h.put("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
        return h;
    }
}

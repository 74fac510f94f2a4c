package com.roofworx.app.infrastructure.metrics;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bounds the request metric's label values. A client chooses the method and the path of its request; taken as
 * they come, one client could add series without end to the unauthenticated metrics endpoint.
 */
final class Labels {
    static final String OTHER = "other";
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    /** "Class.method" of a resource method, or "unmatched": names from the app's code, never from a request. */
    private static final Pattern RESOURCE = Pattern.compile("unmatched|[A-Z][A-Za-z0-9]{0,60}\\.[a-z][A-Za-z0-9]{0,60}");

    private Labels() {
    }

    static String method(String method) {
        return method != null && METHODS.contains(method) ? method : OTHER;
    }

    static String resource(String resource) {
        return resource != null && RESOURCE.matcher(resource).matches() ? resource : OTHER;
    }

    /** Real HTTP statuses only (100-599). */
    static String status(int status) {
        return status >= 100 && status <= 599 ? Integer.toString(status) : OTHER;
    }
}

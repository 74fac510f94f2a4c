package com.roofworx.app.interfaces;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.regex.Pattern;

/**
 * Refuses malformed {@code Accept} and {@code Content-Type} headers with a 400 problem naming the header.
 * Left to the JAX-RS runtime, they fail during content negotiation, outside every exception mapper, and the
 * client gets the container's HTML error page instead of a problem.
 */
@Provider
@PreMatching
@Priority(100)
public class HeaderChecks implements ContainerRequestFilter {
    private static final String TCHAR = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern TOKEN = Pattern.compile(TCHAR);
    private static final Pattern MEDIA_RANGE = Pattern.compile(TCHAR + "/" + TCHAR);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern QUALITY = Pattern.compile("0?\\.[0-9]{1,3}|0|1(\\.0{0,3})?|0\\.");

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && !validAccept(accept)) {
            refuse(request, HttpHeaders.ACCEPT, accept);
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && !validContentType(type)) {
            refuse(request, HttpHeaders.CONTENT_TYPE, type);
        }
    }

    static boolean validAccept(String accept) {
        for (String part : accept.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            // "*" alone is what old clients (Java's HttpURLConnection among them) send for "*/*".
            String q = parameters(item.equals("*") || item.startsWith("*;") ? "*/*" + item.substring(1) : item);
            if (q == null || !q.isEmpty() && !QUALITY.matcher(q).matches()) {
                return false;
            }
        }
        return true;
    }

    static boolean validContentType(String type) {
        return parameters(type.trim()) != null;
    }

    /**
     * Checks {@code type/subtype *(; name=value)} (RFC 9110 section 8.3.1) and answers the {@code q} parameter's
     * value ("" when absent), or null when the text is not a media type.
     */
    private static String parameters(String text) {
        String[] parts = text.split(";", -1);
        if (!MEDIA_RANGE.matcher(parts[0].trim()).matches()) {
            return null;
        }
        String q = "";
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            String[] nv = parts[i].trim().split("=", 2);
            if (nv.length != 2 || !TOKEN.matcher(nv[0].trim()).matches()
                    || !TOKEN.matcher(nv[1].trim()).matches() && !QUOTED.matcher(nv[1].trim()).matches()) {
                return null;
            }
            if (nv[0].trim().equalsIgnoreCase("q")) {
                q = nv[1].trim();
            }
        }
        return q;
    }

    private static void refuse(ContainerRequestContext request, String header, String value) {
        // The negotiation that would choke on the header must not run for the problem either.
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, Problems.MEDIA_TYPE);
        String shown = value.length() <= 80 ? value : value.substring(0, 80) + "... (" + value.length() + " chars)";
        request.abortWith(Problems.response(400, "invalid-header", "Invalid header",
                header + " must be a valid media type list but was " + shown, header, shown));
    }
}

package com.roofworx.app.interfaces;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The web client's shell: the static files served at the context root, the version that names them, and the
 * service worker made from its template. The version is a digest of every shell file's path and bytes, so a
 * deploy that changes any file changes the service worker's bytes, which makes browsers install the new shell;
 * a deploy that changes nothing keeps the cached one.
 */
public final class WebClientShell {
    public static final String SERVICE_WORKER = "/sw.js";
    static final String VERSION_MARK = "__SHELL_VERSION__";
    static final String FILES_MARK = "\"__SHELL_FILES__\"";
    /** Paths the shell never owns: the API, operations endpoints and the archive's own folders. */
    private static final List<String> NOT_SHELL = List.of("/api/", "/health", "/openapi", "/metrics", "/WEB-INF/",
            "/META-INF/");

    private final String version;
    private final List<String> files;

    /** @param files each shell file's path under the context root ({@code /app/main.js}) and content */
    public WebClientShell(Map<String, byte[]> files) {
        Map<String, byte[]> sorted = new TreeMap<>(files);
        sorted.remove(SERVICE_WORKER);
        this.version = digest(sorted);
        List<String> relative = new ArrayList<>();
        relative.add("./");
        sorted.keySet().forEach(p -> relative.add(p.substring(1)));
        this.files = List.copyOf(relative);
    }

    public String version() {
        return version;
    }

    /** The files the service worker caches, relative to its own location; {@code ./} is the app's start page. */
    public List<String> files() {
        return files;
    }

    /** Whether a path under the context root belongs to the web client rather than the API or operations. */
    public static boolean isShellPath(String path) {
        return NOT_SHELL.stream().noneMatch(p -> path.startsWith(p) || (path + "/").equals(p));
    }

    /** The service worker: its template with the version and the file list filled in. */
    public String serviceWorker(String template) {
        StringBuilder list = new StringBuilder("[");
        for (String f : files) {
            list.append(list.length() > 1 ? ", " : "").append('"').append(f.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        list.append(']');
        return template.replace(VERSION_MARK, version).replace(FILES_MARK, list.toString());
    }

    /**
     * The page's Content-Security-Policy: everything from the app's own origin, plus calls (discovery, token
     * endpoint) to the identity provider's origin and any extra origins configured.
     */
    public static String contentSecurityPolicy(String issuer, List<String> extraOrigins) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        String issuerOrigin = origin(issuer);
        if (issuerOrigin != null) {
            connect.add(issuerOrigin);
        }
        connect.addAll(extraOrigins);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src " + String.join(" ", connect) + "; manifest-src 'self'; worker-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** {@code https://idp.example.com:8443} of a URL, or null when it is not an absolute http(s) URL. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url);
            if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                return null;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

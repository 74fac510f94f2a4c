package com.roofworx.app.demo;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.DevTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;

/**
 * The demo's development OpenID Connect provider, for the web client's sign-in: discovery, an authorization
 * endpoint that shows a page to pick a demo user (no passwords), a token endpoint for the authorization code
 * with PKCE (S256 only), a JWKS and an end-session endpoint. It signs with {@link DevTokens}, so the app verifies
 * its tokens like any provider's. One public client ({@link #CLIENT_ID}) whose redirect URIs must be registered
 * exactly; codes are single-use and live one minute. Test and demo code only: it is never part of the WAR.
 */
public final class DemoIdentityProvider implements AutoCloseable {
    public static final String CLIENT_ID = "roofworx-field";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user the sign-in page offers. */
    public record DemoUser(String email, String name, String role) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser(Api.ANA, "Ana Roofer", "worker"),
            new DemoUser(Api.BEN, "Ben Slater", "worker"),
            new DemoUser("cho.tiler@example.com", "Cho Tiler", "worker"),
            new DemoUser(Api.BOSS, "Bo Boss", "admin"));

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, DemoUser user,
                         Instant expires) {
    }

    private final HttpServer server;
    private final String issuer;
    private final DevTokens tokens;
    private final Duration tokenLifetime;
    private final Set<String> redirectUris = new CopyOnWriteArraySet<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    private DemoIdentityProvider(int port, Duration tokenLifetime) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        issuer = "http://localhost:" + server.getAddress().getPort();
        tokens = new DevTokens(issuer);
        this.tokenLifetime = tokenLifetime;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-identity-provider");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts on {@code port} on loopback (0: any free port). */
    public static DemoIdentityProvider start(int port, Duration tokenLifetime) {
        try {
            return new DemoIdentityProvider(port, tokenLifetime);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("the demo identity provider could not listen on port "
                    + port + "; choose another with -Ddemo.idpPort=<port>", e));
        }
    }

    /** The issuer URL, also the app's {@code mp.jwt.verify.issuer}. */
    public String issuer() {
        return issuer;
    }

    /** The signing keys; also mints tokens for API calls. */
    public DevTokens tokens() {
        return tokens;
    }

    /** Registers a redirect URI of the web client (exact match), such as {@code http://localhost:8080/}. */
    public DemoIdentityProvider allowRedirect(String uri) {
        redirectUris.add(uri);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            corsFor(exchange);
            if ("OPTIONS".equals(method)) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Accept");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            switch (method + " " + path) {
                case "GET /.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "GET /jwks" -> json(exchange, 200, tokens.jwks());
                case "GET /authorize" -> pickUser(exchange, query(exchange.getRequestURI().getRawQuery()));
                case "POST /authorize" -> issueCode(exchange, query(body(exchange)));
                case "POST /token" -> token(exchange, query(body(exchange)));
                case "GET /logout" -> logout(exchange, query(exchange.getRequestURI().getRawQuery()));
                default -> page(exchange, 404, "Not found", "<p>No such page.</p>");
            }
        } catch (RuntimeException e) {
            page(exchange, 500, "Error", "<p>" + escape(String.valueOf(e.getMessage())) + "</p>");
        }
    }

    private String discovery() {
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/jwks")
                .add("end_session_endpoint", issuer + "/logout")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("scopes_supported", Json.createArrayBuilder().add("openid").add("email").add("profile"))
                .add("authorization_response_iss_parameter_supported", true)
                .build().toString();
    }

    /** The authorization request must be complete and for a registered redirect URI before any user is shown. */
    private String problemWith(Map<String, String> q) {
        if (!CLIENT_ID.equals(q.get("client_id"))) {
            return "unknown client_id";
        }
        if (!redirectUris.contains(q.get("redirect_uri"))) {
            return "redirect_uri is not registered for this client";
        }
        if (!"code".equals(q.get("response_type"))) {
            return "response_type must be code";
        }
        if (q.get("code_challenge") == null || !"S256".equals(q.get("code_challenge_method"))) {
            return "PKCE with code_challenge_method=S256 is required";
        }
        if (q.get("state") == null) {
            return "state is required";
        }
        return null;
    }

    private void pickUser(HttpExchange exchange, Map<String, String> q) throws IOException {
        String problem = problemWith(q);
        if (problem != null) {
            page(exchange, 400, "Sign-in refused", "<p>" + escape(problem) + "</p>");
            return;
        }
        StringBuilder form = new StringBuilder("<form method=\"post\" action=\"authorize\">");
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
                "code_challenge", "code_challenge_method")) {
            if (q.get(name) != null) {
                form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(q.get(name))).append("\">");
            }
        }
        for (DemoUser u : USERS) {
            form.append("<button name=\"login\" value=\"").append(escape(u.email())).append("\" data-email=\"")
                    .append(escape(u.email())).append("\"><strong>").append(escape(u.name()))
                    .append("</strong><span>").append(escape(u.email())).append(" · ").append(u.role())
                    .append("</span></button>");
        }
        form.append("</form>");
        page(exchange, 200, "Pick a demo user",
                "<p class=\"note\">Development sign-in of the Roofworx demo: no passwords. A real deployment "
                        + "signs in with the company's identity provider.</p>" + form);
    }

    private void issueCode(HttpExchange exchange, Map<String, String> q) throws IOException {
        String problem = problemWith(q);
        DemoUser user = USERS.stream().filter(u -> u.email().equals(q.get("login"))).findFirst().orElse(null);
        if (problem != null || user == null) {
            page(exchange, 400, "Sign-in refused", "<p>" + escape(problem != null ? problem : "unknown user") + "</p>");
            return;
        }
        String code = random();
        codes.put(code, new Grant(CLIENT_ID, q.get("redirect_uri"), q.get("code_challenge"), q.get("nonce"), user,
                Instant.now().plus(CODE_LIFETIME)));
        String target = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + enc(code) + "&state=" + enc(q.get("state")) + "&iss=" + enc(issuer);
        exchange.getResponseHeaders().set("Location", target);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(303, -1);
    }

    private void token(HttpExchange exchange, Map<String, String> q) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!"authorization_code".equals(q.get("grant_type"))) {
            json(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        Grant grant = q.get("code") == null ? null : codes.remove(q.get("code"));
        if (grant == null || grant.expires().isBefore(Instant.now()) || !grant.clientId().equals(q.get("client_id"))
                || !grant.redirectUri().equals(q.get("redirect_uri"))
                || !grant.challenge().equals(s256(q.get("code_verifier")))) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        DemoUser u = grant.user();
        Map<String, JsonValue> idClaims = new LinkedHashMap<>();
        idClaims.put("aud", Json.createValue(CLIENT_ID));
        idClaims.put("name", Json.createValue(u.name()));
        idClaims.put("email_verified", JsonValue.TRUE);
        if (grant.nonce() != null) {
            idClaims.put("nonce", Json.createValue(grant.nonce()));
        }
        String access = tokens.token(u.email(), tokenLifetime, Map.of("name", Json.createValue(u.name())), u.role());
        String id = tokens.token(u.email(), tokenLifetime, idClaims, u.role());
        json(exchange, 200, Json.createObjectBuilder().add("access_token", access).add("id_token", id)
                .add("token_type", "Bearer").add("expires_in", tokenLifetime.toSeconds())
                .add("scope", "openid email profile").build().toString());
    }

    private void logout(HttpExchange exchange, Map<String, String> q) throws IOException {
        String back = q.get("post_logout_redirect_uri");
        if (back != null && redirectUris.contains(back)) {
            exchange.getResponseHeaders().set("Location", back);
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        page(exchange, 200, "Signed out", "<p>You are signed out.</p>");
    }

    /** The discovery document and the token endpoint are read by the web client's own origin. */
    private void corsFor(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && redirectUris.stream().anyMatch(u -> origin.equals(originOf(u)))) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
    }

    private static String originOf(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    }

    private static String s256(String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(16 * 1024);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(name, value);
        }
        return q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void page(HttpExchange exchange, int status, String title, String content) throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " · Roofworx demo sign-in</title><style>"
                + "body{margin:0;font:16px/1.45 system-ui,sans-serif;background:#f4f1ec;color:#1d2329}"
                + "header{background:#22303c;color:#fff;padding:.9rem 1rem;font-weight:700}"
                + "main{max-width:30rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}"
                + ".note{background:#fff1d6;color:#8a5a00;border-radius:10px;padding:.6rem .8rem}"
                + "form{display:grid;gap:.6rem}button{display:flex;flex-direction:column;align-items:flex-start;"
                + "gap:.1rem;min-height:60px;padding:.6rem 1rem;border:2px solid #d9d4cc;border-radius:12px;"
                + "background:#fff;font:inherit;text-align:left;cursor:pointer}button span{color:#5b6670;font-size:.9rem}"
                + "button:focus-visible{outline:3px solid #1a73e8}</style></head><body>"
                + "<header>Roofworx demo sign-in</header><main><h1>" + escape(title) + "</h1>" + content
                + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "form-action 'self' " + String.join(" ", redirectUris.stream().map(DemoIdentityProvider::originOf)
                .distinct().toList()));
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

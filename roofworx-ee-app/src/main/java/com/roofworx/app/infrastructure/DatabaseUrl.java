package com.roofworx.app.infrastructure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PostgreSQL connection URL in the form hosted services hand out,
 * {@code postgres://user:password@host:5432/db?sslmode=require} (or {@code postgresql://}), split into what the
 * JDBC driver takes: a JDBC URL without credentials, the user, the password and the SSL mode. A
 * {@code jdbc:postgresql:} URL is taken as it is, with no user or password of its own.
 * <p>
 * User and password are percent-decoded. Several hosts ({@code h1:5432,h2:5432}) and IPv6 hosts ({@code [::1]})
 * are kept as the driver reads them. libpq parameters are renamed to the driver's where they differ
 * ({@code application_name}, {@code connect_timeout}, {@code target_session_attrs}); {@code user} and
 * {@code password} given as parameters are taken out of the URL like the user info. The password never
 * appears in {@link #toString()} or in an error: a URL that cannot be read is shown with it masked.
 */
public final class DatabaseUrl {
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType");
    /** libpq's target_session_attrs values as the driver's targetServerType. */
    private static final Map<String, String> TARGET_TYPES = Map.of("read-write", "primary", "read-only", "secondary",
            "standby", "secondary", "prefer-standby", "preferSecondary");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String sslMode;

    private DatabaseUrl(String jdbcUrl, String user, String password, String sslMode) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
    }

    /** True for the URL forms {@link #parse} reads: {@code postgres://}, {@code postgresql://}, {@code jdbc:postgresql:}. */
    public static boolean isPostgresUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgres://") || lower.startsWith("postgresql://") || lower.startsWith("jdbc:postgresql:");
    }

    /**
     * Reads {@code url}; {@code setting} names where it came from in an error.
     *
     * @throws IllegalStateException naming the setting and the URL with its password masked
     */
    public static DatabaseUrl parse(String setting, String url) {
        if (url == null || url.isBlank()) {
            throw invalid(setting, "", "must not be blank");
        }
        String trimmed = url.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(trimmed, null, null, sslModeOf(trimmed));
        }
        int schemeEnd = trimmed.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : trimmed.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw invalid(setting, trimmed, "must start with postgres://, postgresql:// or jdbc:postgresql:");
        }
        String rest = trimmed.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(setting, trimmed, colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(setting, trimmed, userInfo.substring(colon + 1));
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(setting, trimmed, rest.substring(slash + 1));
        if (hosts.isEmpty() || hosts.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw invalid(setting, trimmed, "must name a host");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(setting, trimmed, eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(setting, trimmed, pair.substring(eq + 1));
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> params.put(LIBPQ_TO_JDBC.getOrDefault(name, name), value);
            }
        }
        String sslMode = params.get("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw invalid(setting, trimmed, "has sslmode " + sslMode + ", which is not one of "
                    + String.join(", ", SSL_MODES.stream().sorted().toList()) + ",");
        }
        params.computeIfPresent("targetServerType", (k, v) -> TARGET_TYPES.getOrDefault(v, v));
        String jdbc = "jdbc:postgresql://" + hosts + "/" + encodePath(database)
                + (params.isEmpty() ? "" : "?" + params.entrySet().stream()
                        .map(e -> encodeQuery(e.getKey()) + "=" + encodeQuery(e.getValue()))
                        .collect(Collectors.joining("&")));
        return new DatabaseUrl(jdbc, user == null || user.isEmpty() ? null : user, password, sslMode);
    }

    /** The JDBC URL, without user or password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user the URL names; empty when it names none. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** The password the URL holds; empty when it holds none. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The {@code sslmode} the URL asks for; empty means the driver's default ({@code prefer}). */
    public Optional<String> sslMode() {
        return Optional.ofNullable(sslMode);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", sslmode=" + (sslMode == null ? "default" : sslMode) + "]";
    }

    /** {@code url} with the password of its user info and of a {@code password=} parameter replaced by ***. */
    public static String masked(String url) {
        String out = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        int schemeEnd = out.indexOf("://");
        int at = out.lastIndexOf('@', out.indexOf('?') < 0 ? out.length() : out.indexOf('?'));
        if (schemeEnd >= 0 && at > schemeEnd) {
            int colon = out.indexOf(':', schemeEnd + 3);
            if (colon >= 0 && colon < at) {
                out = out.substring(0, colon + 1) + "***" + out.substring(at);
            }
        }
        return out;
    }

    private static String sslModeOf(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : jdbcUrl.substring(q + 1).split("&")) {
            if (pair.startsWith("sslmode=")) {
                return pair.substring("sslmode=".length());
            }
        }
        return null;
    }

    private static String decode(String setting, String url, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(setting, url, "has a bad percent-escape");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String encodeQuery(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String text) {
        return encodeQuery(text);
    }

    private static IllegalStateException invalid(String setting, String url, String rule) {
        return new IllegalStateException(setting + " (env " + Settings.envName(setting) + ") " + rule + " but was "
                + masked(url));
    }
}

package com.roofworx.sdk.zoho;

import com.roofworx.sdk.ValidationException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static com.roofworx.sdk.Checks.positive;

/**
 * Everything the Zoho CRM adapter needs: where Zoho is, the OAuth self-client grant, module and field API
 * names, which Deal stages count as active, and timeouts. Immutable; built with {@link #builder()}, where
 * each setter validates at once and {@link Builder#build()} checks that the credentials are present.
 * The client secret and refresh token never appear in {@link #toString()}.
 */
public final class ZohoConfig {
    public static final ZohoDataCenter DEFAULT_DATA_CENTER = ZohoDataCenter.US;
    public static final String DEFAULT_DEALS_MODULE = "Deals";
    public static final String DEFAULT_ASSIGNMENTS_MODULE = "Project_Assignments";
    public static final String DEFAULT_TIME_ENTRIES_MODULE = "Time_Entries";
    /** Won Deals are the jobs being built; see docs/zoho.md for why this is the default. */
    public static final Set<String> DEFAULT_ACTIVE_STAGES = Set.of("Closed Won");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** A token is replaced this long before Zoho would stop accepting it. */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofMinutes(2);
    /** How long the Zoho user id / e-mail map is trusted before it is loaded again. */
    public static final Duration DEFAULT_USER_MAP_TTL = Duration.ofMinutes(15);

    private static final Pattern MODULE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private final ZohoDataCenter dataCenter;
    private final URI baseUrlOverride;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String dealsModule;
    private final String assignmentsModule;
    private final String timeEntriesModule;
    private final ZohoFields fields;
    private final Set<String> activeStages;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration tokenRefreshMargin;
    private final Duration userMapTtl;
    private final ZohoWorkers workers;

    private ZohoConfig(Builder b) {
        dataCenter = b.dataCenter;
        baseUrlOverride = b.baseUrlOverride;
        clientId = b.clientId;
        clientSecret = b.clientSecret;
        refreshToken = b.refreshToken;
        dealsModule = b.dealsModule;
        assignmentsModule = b.assignmentsModule;
        timeEntriesModule = b.timeEntriesModule;
        fields = b.fields;
        activeStages = Set.copyOf(b.activeStages);
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        tokenRefreshMargin = b.tokenRefreshMargin;
        userMapTtl = b.userMapTtl;
        workers = b.workers;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ZohoDataCenter dataCenter() { return dataCenter; }
    public String clientId() { return clientId; }
    public String clientSecret() { return clientSecret; }
    public String refreshToken() { return refreshToken; }
    public String dealsModule() { return dealsModule; }
    public String assignmentsModule() { return assignmentsModule; }
    public String timeEntriesModule() { return timeEntriesModule; }
    public ZohoFields fields() { return fields; }
    public Set<String> activeStages() { return activeStages; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public Duration tokenRefreshMargin() { return tokenRefreshMargin; }
    public Duration userMapTtl() { return userMapTtl; }
    /** Where the workers are: CRM users (the default), Contacts or another module with an e-mail field. */
    public ZohoWorkers workers() { return workers; }

    /** The base URL that replaces both Zoho hosts (a simulator), or null. */
    public URI baseUrlOverride() { return baseUrlOverride; }

    /** Where tokens are minted: the override, else the data center's accounts host. */
    public URI accountsUrl() {
        return baseUrlOverride != null ? baseUrlOverride : dataCenter.accountsUrl();
    }

    /** The API host to use when a token names {@code apiDomain} (may be null). The override always wins. */
    public URI apiUrl(String apiDomain) {
        if (baseUrlOverride != null) {
            return baseUrlOverride;
        }
        return trustedApiDomain(apiDomain) ? URI.create(apiDomain) : dataCenter.apiUrl();
    }

    /**
     * The token reply (or the shared token cache) names the API host the bearer token is sent to, so only an
     * https Zoho API host is believed; anything else falls back to the configured data center.
     */
    static boolean trustedApiDomain(String apiDomain) {
        if (apiDomain == null || apiDomain.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(apiDomain);
            String host = uri.getHost();
            if (!"https".equals(uri.getScheme()) || host == null || uri.getUserInfo() != null) {
                return false;
            }
            String bare = host.startsWith("www.") ? host.substring(4) : host;
            return java.util.Arrays.stream(ZohoDataCenter.values())
                    .anyMatch(dc -> dc.apiUrl().getHost().equals("www." + bare));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The key this grant's access token is shared under in the token cache: the client id and a hash of the
     * refresh token, so the cache never holds the refresh token itself.
     */
    public String tokenCacheKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return "zoho-token:" + clientId + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ZohoConfig[dataCenter=" + dataCenter + ", baseUrlOverride=" + baseUrlOverride
                + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***"
                + ", modules=" + dealsModule + "/" + assignmentsModule + "/" + timeEntriesModule
                + ", fields=" + fields + ", activeStages=" + activeStages
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", tokenRefreshMargin=" + tokenRefreshMargin + ", userMapTtl=" + userMapTtl
                + ", workers=" + workers + "]";
    }

    /** Builds {@link ZohoConfig}. Setters reject bad values at once, naming the field and the value. */
    public static final class Builder {
        private ZohoDataCenter dataCenter = DEFAULT_DATA_CENTER;
        private URI baseUrlOverride;
        private String clientId;
        private String clientSecret;
        private String refreshToken;
        private String dealsModule = DEFAULT_DEALS_MODULE;
        private String assignmentsModule = DEFAULT_ASSIGNMENTS_MODULE;
        private String timeEntriesModule = DEFAULT_TIME_ENTRIES_MODULE;
        private ZohoFields fields = ZohoFields.defaults();
        private Set<String> activeStages = DEFAULT_ACTIVE_STAGES;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration tokenRefreshMargin = DEFAULT_TOKEN_REFRESH_MARGIN;
        private Duration userMapTtl = DEFAULT_USER_MAP_TTL;
        private ZohoWorkers workers = ZohoWorkers.users();

        private Builder() {
        }

        public Builder dataCenter(ZohoDataCenter value) {
            if (value == null) {
                throw ValidationException.of("dataCenter", null, "must not be null");
            }
            dataCenter = value;
            return this;
        }

        /** Sends every call (tokens and API) to {@code url} instead of Zoho: for a simulator. Null clears it. */
        public Builder baseUrlOverride(String url) {
            if (url == null) {
                baseUrlOverride = null;
                return this;
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("baseUrlOverride", url, "must be an http(s) URL");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ValidationException.of("baseUrlOverride", url, "must be an http(s) URL");
            }
            baseUrlOverride = uri;
            return this;
        }

        public Builder clientId(String value) { clientId = notBlank("clientId", value, value); return this; }
        public Builder clientSecret(String value) { clientSecret = notBlank("clientSecret", value, "***"); return this; }
        public Builder refreshToken(String value) { refreshToken = notBlank("refreshToken", value, "***"); return this; }
        public Builder dealsModule(String value) { dealsModule = module("dealsModule", value); return this; }
        public Builder assignmentsModule(String value) { assignmentsModule = module("assignmentsModule", value); return this; }
        public Builder timeEntriesModule(String value) { timeEntriesModule = module("timeEntriesModule", value); return this; }

        public Builder fields(ZohoFields value) {
            if (value == null) {
                throw ValidationException.of("fields", null, "must not be null");
            }
            fields = value;
            return this;
        }

        /** The Deal stages (exact stage names) whose Deals workers may book time to. */
        public Builder activeStages(Set<String> value) {
            if (value == null || value.isEmpty() || value.stream().anyMatch(s -> s == null || s.isBlank())) {
                throw ValidationException.of("activeStages", value, "must hold at least one non-blank stage name");
            }
            activeStages = new LinkedHashSet<>(value);
            return this;
        }

        public Builder connectTimeout(Duration value) { connectTimeout = positive("connectTimeout", value); return this; }
        public Builder readTimeout(Duration value) { readTimeout = positive("readTimeout", value); return this; }
        public Builder userMapTtl(Duration value) { userMapTtl = positive("userMapTtl", value); return this; }

        /**
         * Where the workers are ({@link ZohoWorkers#users()} unless set): what the junction module's and
         * Time_Entries' worker lookups point at. {@link #userMapTtl} is how long its id / e-mail map is trusted.
         */
        public Builder workers(ZohoWorkers value) {
            if (value == null) {
                throw ValidationException.of("workers", null, "must not be null");
            }
            workers = value;
            return this;
        }

        /** How long before expiry a token is replaced; between 0 and 30 minutes (tokens live an hour). */
        public Builder tokenRefreshMargin(Duration value) {
            if (value == null || value.isNegative() || value.compareTo(Duration.ofMinutes(30)) > 0) {
                throw ValidationException.of("tokenRefreshMargin", value, "must be between PT0S and PT30M");
            }
            tokenRefreshMargin = value;
            return this;
        }

        /** Checks that the credentials were given. */
        public ZohoConfig build() {
            if (clientId == null) {
                throw ValidationException.of("clientId", null, "must be set");
            }
            if (clientSecret == null) {
                throw ValidationException.of("clientSecret", null, "must be set");
            }
            if (refreshToken == null) {
                throw ValidationException.of("refreshToken", null, "must be set");
            }
            return new ZohoConfig(this);
        }

        // A secret is shown as *** in the message even when it is rejected.
        private static String notBlank(String field, String value, String shown) {
            if (value == null || value.isBlank()) {
                throw ValidationException.of(field, value == null ? null : shown, "must not be blank");
            }
            return value;
        }

        private static String module(String field, String value) {
            if (value == null || !MODULE.matcher(value).matches()) {
                throw ValidationException.of(field, value, "must be a Zoho module API name");
            }
            return value;
        }

    }
}

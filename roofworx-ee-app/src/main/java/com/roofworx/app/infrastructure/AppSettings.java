package com.roofworx.app.infrastructure;

import com.roofworx.sdk.RoofworxConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The app's settings, read once from MicroProfile Config at start. Names, environment variables and defaults
 * are listed in docs/configuration.md; a bad value stops the deployment with the setting's name.
 */
@ApplicationScoped
public class AppSettings {
    public static final String HOT_STORE = "roofworx.store.hot";
    public static final String WARM_STORE = "roofworx.store.warm";
    public static final String COLD_STORE = "roofworx.store.cold";
    public static final String CRON_SECRET = "roofworx.cron.secret";
    public static final String WEBHOOK_SECRET = "roofworx.webhook.secret";
    public static final String WEBHOOK_TOKEN = "roofworx.webhook.notification-token";
    public static final String MAX_BODY_BYTES = "roofworx.api.max-body-bytes";
    public static final String PROJECTS_REFRESH = "roofworx.projects.refresh-interval";
    public static final String SUBMIT_RATE = "roofworx.api.submit-rate";
    public static final String SUBMIT_BURST = "roofworx.api.submit-burst";
    public static final String LIST_LIMIT = "roofworx.api.list-limit";
    public static final String CORRECTION_WINDOW = "roofworx.corrections.window";
    public static final String JWT_CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String JWT_TOKEN_AGE = "mp.jwt.verify.token.age";
    public static final String JWT_TOKEN_HEADER = "mp.jwt.token.header";
    public static final String TOKEN_CACHE_TTL = "roofworx.auth.token-cache-ttl";
    public static final String TOKEN_CACHE_SIZE = "roofworx.auth.token-cache-size";
    /** A withdrawn signing key stops counting this long after the container drops it; as long as its key cache. */
    public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofMinutes(5);
    /** Far above the tokens in use within one TTL on one instance; a few KB each. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    /** A worker submits a few entries a day; 5 a second with 50 at once still lets a phone flush a backlog. */
    public static final double DEFAULT_SUBMIT_RATE = 5;
    public static final int DEFAULT_SUBMIT_BURST = 50;
    /** Far above a year of one worker's entries, far below what strains a response. */
    public static final int DEFAULT_LIST_LIMIT = 1000;
    public static final String PROJECTS_REFRESH_ON_START = "roofworx.projects.refresh-on-start";
    public static final Duration DEFAULT_PROJECTS_REFRESH = Duration.ofMinutes(15);
    /** The API's body limit: 16 KiB is far above any real entry and far below anything that strains the server. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    public static final String CLIENT_ENABLED = "roofworx.client.enabled";
    public static final String CLIENT_ISSUER = "roofworx.client.issuer";
    public static final String CLIENT_ID = "roofworx.client.client-id";
    public static final String CLIENT_SCOPE = "roofworx.client.scope";
    public static final String CLIENT_AUDIENCE = "roofworx.client.audience";
    public static final String CLIENT_TOKEN = "roofworx.client.token";
    public static final String CORS_ORIGINS = "roofworx.cors.allowed-origins";
    public static final String CORS_MAX_AGE = "roofworx.cors.max-age";
    public static final String CLIENT_CONNECT_ORIGINS = "roofworx.client.connect-origins";
    public static final String DEFAULT_CLIENT_SCOPE = "openid email profile";
    public static final Duration DEFAULT_CORS_MAX_AGE = Duration.ofMinutes(10);
    private static final java.util.regex.Pattern ORIGIN =
            java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    private Settings settings;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        settings = new Settings(name -> config.getOptionalValue(name, String.class));
    }

    /** For tests and tools: settings from another source. */
    public static AppSettings of(Settings settings) {
        AppSettings s = new AppSettings();
        s.settings = settings;
        return s;
    }

    public Settings raw() {
        return settings;
    }

    public String hotStore() {
        return settings.choice(HOT_STORE, "redis", "redis", "memory");
    }

    public String warmStore() {
        return settings.choice(WARM_STORE, "postgres", "postgres", "memory");
    }

    public String coldStore() {
        return settings.choice(COLD_STORE, "zoho", "zoho", "memory");
    }

    public Optional<String> cronSecret() {
        return settings.optional(CRON_SECRET);
    }

    public Optional<String> webhookSecret() {
        return settings.optional(WEBHOOK_SECRET);
    }

    /** The Notifications API channel token; defaults to the webhook secret. */
    public Optional<String> notificationToken() {
        return settings.optional(WEBHOOK_TOKEN).or(this::webhookSecret);
    }

    public int maxBodyBytes() {
        return settings.integer(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 256);
    }

    /** Submits per second each user may make on this instance, on average; 0 turns the limit off. */
    public double submitRate() {
        return settings.decimal(SUBMIT_RATE, DEFAULT_SUBMIT_RATE, 0);
    }

    /** Submits a user may make at once before the rate applies. */
    public int submitBurst() {
        return settings.integer(SUBMIT_BURST, DEFAULT_SUBMIT_BURST, 1);
    }

    /** Most entries one list response holds. */
    public int listLimit() {
        return settings.integer(LIST_LIMIT, DEFAULT_LIST_LIMIT, 1);
    }

    /** Seconds of clock skew allowed on a token's exp and nbf; the container reads the same setting for exp. */
    public long jwtClockSkewSeconds() {
        return settings.integer(JWT_CLOCK_SKEW, 0, 0);
    }

    /** The container's {@code mp.jwt.verify.token.age}: seconds after {@code iat} a token is refused; empty if unset. */
    public OptionalLong jwtTokenAgeSeconds() {
        return settings.optional(JWT_TOKEN_AGE).isPresent()
                ? OptionalLong.of(settings.integer(JWT_TOKEN_AGE, 0, 0)) : OptionalLong.empty();
    }

    /** Whether the container reads bearer tokens from the {@code Authorization} header (the default), not a cookie. */
    public boolean jwtInAuthorizationHeader() {
        return "Authorization".equals(settings.text(JWT_TOKEN_HEADER, "Authorization"));
    }

    /**
     * How long a bearer token the container verified may be reused without verifying it again (never beyond its
     * {@code exp}); zero turns the cache off.
     */
    public Duration tokenCacheTtl() {
        return settings.duration(TOKEN_CACHE_TTL, DEFAULT_TOKEN_CACHE_TTL, true);
    }

    /** The most verified tokens kept at once. */
    public int tokenCacheSize() {
        return settings.integer(TOKEN_CACHE_SIZE, DEFAULT_TOKEN_CACHE_SIZE, 1);
    }

    /** Whether the web client (the field app at {@code /}) is served; the API works either way. */
    public boolean clientEnabled() {
        return settings.flag(CLIENT_ENABLED, true);
    }

    /** The identity provider the web client signs in with: its issuer URL, by default the tokens' issuer. */
    public Optional<String> clientIssuer() {
        return settings.optional(CLIENT_ISSUER).or(() -> settings.optional(JWT_ISSUER))
                .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    }

    /** The web client's OAuth client id (a public client: no secret); unset, the client cannot sign in. */
    public Optional<String> clientId() {
        return settings.optional(CLIENT_ID);
    }

    public String clientScope() {
        return settings.text(CLIENT_SCOPE, DEFAULT_CLIENT_SCOPE);
    }

    /** The {@code audience} parameter some providers (Auth0) need to issue a JWT access token for this API. */
    public Optional<String> clientAudience() {
        return settings.optional(CLIENT_AUDIENCE);
    }

    /**
     * Origins the web client may call besides its own and the issuer's (the page's Content-Security-Policy
     * {@code connect-src}): a provider whose token endpoint lives on another host than its issuer.
     */
    public List<String> clientConnectOrigins() {
        return origins(CLIENT_CONNECT_ORIGINS);
    }

    /** Days back a work date may lie ({@code roofworx.entries.backdating-window}), for the client's date picker. */
    public long backdatingDays() {
        return settings.duration("roofworx.entries.backdating-window", RoofworxConfig.DEFAULT_BACKDATING_WINDOW,
                false).toDays();
    }

    /**
     * How long after its work date an entry may be corrected or voided; zero turns corrections off. Whole days
     * only: the SDK compares calendar days (UTC), so {@code PT36H} would silently mean one day.
     */
    public Duration correctionWindow() {
        Duration window = settings.duration(CORRECTION_WINDOW, RoofworxConfig.DEFAULT_CORRECTION_WINDOW, true);
        if (window.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
            throw new IllegalStateException(CORRECTION_WINDOW + " (env " + Settings.envName(CORRECTION_WINDOW)
                    + ") must be whole days such as P7D but was " + window);
        }
        return window;
    }

    /** Which token the web client sends to the API: the OAuth access token, or the OpenID Connect ID token. */
    public String clientToken() {
        return settings.choice(CLIENT_TOKEN, "access", "access", "id");
    }

    /**
     * Origins other than the app's own that may call the API from a browser (CORS), exactly as a browser sends
     * them ({@code https://app.example.com}); empty (the default) turns CORS off.
     */
    public List<String> corsOrigins() {
        return origins(CORS_ORIGINS);
    }

    private List<String> origins(String name) {
        List<String> origins = settings.list(name, List.of());
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalStateException(name + " (env " + Settings.envName(name)
                        + ") must list origins such as https://app.example.com (scheme, host and port only; no "
                        + "wildcard, path or trailing slash) but held " + origin);
            }
        }
        return origins;
    }

    /** How long a browser may cache a CORS preflight answer. */
    public Duration corsMaxAge() {
        return settings.duration(CORS_MAX_AGE, DEFAULT_CORS_MAX_AGE, true);
    }

    /** Period of the scheduled project reload; zero turns it off. */
    public Duration projectsRefreshInterval() {
        return settings.duration(PROJECTS_REFRESH, DEFAULT_PROJECTS_REFRESH, true);
    }

    public boolean refreshProjectsOnStart() {
        return settings.flag(PROJECTS_REFRESH_ON_START, true);
    }

    /** The SDK engine's settings; each falls back to the SDK's own default. */
    public RoofworxConfig sdkConfig() {
        return RoofworxConfig.builder()
                .syncInterval(settings.duration("roofworx.sync.interval", RoofworxConfig.DEFAULT_SYNC_INTERVAL, false))
                .batchSize(settings.integer("roofworx.sync.batch-size", RoofworxConfig.DEFAULT_BATCH_SIZE, 1))
                .lease(settings.duration("roofworx.sync.lease", RoofworxConfig.DEFAULT_LEASE, false))
                .backoffInitial(settings.duration("roofworx.sync.backoff-initial",
                        RoofworxConfig.DEFAULT_BACKOFF_INITIAL, false))
                .backoffMax(settings.duration("roofworx.sync.backoff-max", RoofworxConfig.DEFAULT_BACKOFF_MAX, false))
                .syncAfterSubmit(settings.flag("roofworx.sync.after-submit", RoofworxConfig.DEFAULT_SYNC_AFTER_SUBMIT))
                .shutdownTimeout(settings.duration("roofworx.shutdown-timeout",
                        RoofworxConfig.DEFAULT_SHUTDOWN_TIMEOUT, true))
                .projectCacheTtl(settings.duration("roofworx.projects.cache-ttl",
                        RoofworxConfig.DEFAULT_PROJECT_CACHE_TTL, false))
                .backdatingWindow(settings.duration("roofworx.entries.backdating-window",
                        RoofworxConfig.DEFAULT_BACKDATING_WINDOW, false))
                .hotWindow(settings.duration("roofworx.entries.hot-window", RoofworxConfig.DEFAULT_HOT_WINDOW, false))
                .projectStaleIfError(settings.duration("roofworx.projects.stale-if-error",
                        RoofworxConfig.DEFAULT_PROJECT_STALE_IF_ERROR, true))
                .checkIdOwner(settings.flag("roofworx.entries.check-id-owner", RoofworxConfig.DEFAULT_CHECK_ID_OWNER))
                .coldLinger(settings.duration("roofworx.sync.cold-linger", RoofworxConfig.DEFAULT_COLD_LINGER, true))
                .coldDailyCallBudget(settings.integer("roofworx.sync.cold-daily-call-budget",
                        RoofworxConfig.DEFAULT_COLD_DAILY_CALL_BUDGET, 0))
                .correctionWindow(correctionWindow())
                .build();
    }
}

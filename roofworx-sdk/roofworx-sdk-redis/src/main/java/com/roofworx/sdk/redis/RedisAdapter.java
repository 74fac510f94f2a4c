package com.roofworx.sdk.redis;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.redis.internal.RedisOps;
import com.roofworx.sdk.spi.Clock;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the Redis adapters: wraps one Lettuce connection (standalone or Redis Cluster) and hands out
 * the {@link RedisProjectCache}, {@link RedisHotEntryStore} and {@link RedisAccessTokenCache} built on it.
 * All of them share the connection: Lettuce connections are thread-safe and pipeline concurrent commands,
 * and the adapters never use MULTI/EXEC, so one connection serves every thread.
 * <p>
 * On a standalone connection the submit script also updates the global due index (one command per submit);
 * on a cluster connection every script stays in one hash slot and that update is a second, pipelined command.
 * <p>
 * {@link #close()} closes only what this adapter opened: a connection or client the embedder passed in stays
 * the embedder's to close.
 */
public final class RedisAdapter implements AutoCloseable {
    /** Least time between two topology refreshes triggered by failures (MOVED, reconnects, uncovered slots). */
    public static final Duration ADAPTIVE_REFRESH_RATE_LIMIT = Duration.ofSeconds(1);
    /** Topology refresh on a timer, in case no command meets a failure that would trigger one. */
    public static final Duration PERIODIC_REFRESH = Duration.ofSeconds(30);
    /** Failed reconnects to one node after which the topology is refreshed (a dead master, a failover). */
    public static final int REFRESH_AFTER_RECONNECT_ATTEMPTS = 3;

    private final RedisOps ops;
    private final RedisAdapterConfig config;
    private final List<AutoCloseable> owned;

    private RedisAdapter(RedisClusterAsyncCommands<String, String> commands, boolean singleNode,
                         RedisAdapterConfig config, List<AutoCloseable> owned) {
        this.ops = new RedisOps(commands, config.commandTimeout(), "redis",
                singleNode && !config.singleSlotScripts());
        this.config = config;
        this.owned = owned;
    }

    /**
     * Connects to a standalone Redis at {@code redisUri} ({@code redis://[user:password@]host:port/db}, or
     * {@code rediss://...} for TLS, checked as {@link RedisAdapterConfig#tlsVerify()} says against
     * {@link RedisAdapterConfig#tlsCaCertificates()} or the JVM's trust store). While disconnected, commands fail
     * at once instead of queueing, so a caller can fall back (the SDK writes a submit straight to the warm store)
     * rather than wait; the client reconnects in the background. A failure to connect never shows the password.
     */
    public static RedisAdapter connect(String redisUri, RedisAdapterConfig config) {
        RedisURI uri = parse(redisUri, config);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .sslOptions(sslOptions(config))
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new RedisAdapter(connection.async(), true, config, List.of(connection, client::shutdown));
        } catch (RuntimeException e) {
            client.shutdown();
            throw StoreUnavailableException.of("redis", "connect", e);
        }
    }

    /**
     * Connects to a Redis Cluster through the seed node at {@code redisUri}. The client follows failovers and
     * resharding with {@link #clusterTopologyRefresh()}; while a master is down, commands for its slots fail at
     * once (the SDK falls back to the warm store) until its replica is promoted and the topology refreshed.
     */
    public static RedisAdapter connectCluster(String redisUri, RedisAdapterConfig config) {
        RedisClusterClient client = RedisClusterClient.create(parse(redisUri, config));
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(clusterTopologyRefresh())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .sslOptions(sslOptions(config))
                .build());
        try {
            StatefulRedisClusterConnection<String, String> connection = client.connect();
            return new RedisAdapter(connection.async(), false, config, List.of(connection, client::shutdown));
        } catch (RuntimeException e) {
            client.shutdown();
            throw StoreUnavailableException.of("redis", "connect", e);
        }
    }

    /**
     * The topology refresh a cluster client needs to follow a failover: every adaptive trigger (MOVED and ASK
     * redirects, {@value #REFRESH_AFTER_RECONNECT_ATTEMPTS} failed reconnects to a node, an uncovered slot, an
     * unknown node), at most once per {@link #ADAPTIVE_REFRESH_RATE_LIMIT}, plus a periodic refresh every
     * {@link #PERIODIC_REFRESH}. Without it, Lettuce keeps sending a dead master's slots to that master after
     * its replica took over. Embedders who build their own {@link RedisClusterClient} should set it:
     * {@code ClusterClientOptions.builder().topologyRefreshOptions(RedisAdapter.clusterTopologyRefresh())}.
     */
    public static ClusterTopologyRefreshOptions clusterTopologyRefresh() {
        return ClusterTopologyRefreshOptions.builder()
                .enableAllAdaptiveRefreshTriggers()
                .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_RATE_LIMIT)
                .refreshTriggersReconnectAttempts(REFRESH_AFTER_RECONNECT_ATTEMPTS)
                .enablePeriodicRefresh(PERIODIC_REFRESH)
                .build();
    }

    /** Opens a connection on the embedder's client; closing the adapter closes that connection, not the client. */
    public static RedisAdapter using(RedisClient client, RedisAdapterConfig config) {
        StatefulRedisConnection<String, String> connection = client.connect();
        return new RedisAdapter(connection.async(), true, config, List.of(connection));
    }

    /** Uses the embedder's standalone connection as it is; the embedder keeps closing it. */
    public static RedisAdapter using(StatefulRedisConnection<String, String> connection, RedisAdapterConfig config) {
        return new RedisAdapter(connection.async(), true, config, List.of());
    }

    /** Uses the embedder's cluster connection as it is; the embedder keeps closing it. */
    public static RedisAdapter using(StatefulRedisClusterConnection<String, String> connection,
                                     RedisAdapterConfig config) {
        return new RedisAdapter(connection.async(), false, config, List.of());
    }

    public RedisAdapterConfig config() {
        return config;
    }

    /** A project cache whose freshness follows the system clock. */
    public RedisProjectCache projectCache() {
        return projectCache(Clock.system());
    }

    /** A project cache whose freshness and keep times follow {@code clock}: give it the SDK's clock. */
    public RedisProjectCache projectCache(Clock clock) {
        return new RedisProjectCache(ops, config, clock);
    }

    /** A hot store whose leases, TTLs and retention follow {@code clock}. */
    public RedisHotEntryStore hotEntryStore(Clock clock) {
        return new RedisHotEntryStore(ops, config, clock);
    }

    public RedisAccessTokenCache accessTokenCache(Clock clock) {
        return new RedisAccessTokenCache(ops, config, clock);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException("closing the Redis connection failed", e));
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * {@code redisUri} parsed as {@link #connect} does (TLS verification as the config says; a malformed URI
     * is refused without showing its password), for an embedder that builds its own Lettuce client. Give
     * that client {@link #sslOptions(RedisAdapterConfig)} too.
     */
    public static RedisURI redisUri(String redisUri, RedisAdapterConfig config) {
        return parse(redisUri, config);
    }

    private static RedisURI parse(String redisUri, RedisAdapterConfig config) {
        if (redisUri == null || redisUri.isBlank()) {
            throw ValidationException.of("redisUri", redisUri, "must not be blank");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri);
        } catch (RuntimeException e) {
            // The URI may carry a password: show only its scheme.
            throw ValidationException.of("redisUri", schemeOf(redisUri) + "://***", "must be a Redis URI");
        }
        uri.setVerifyPeer(switch (config.tlsVerify()) {
            case FULL -> SslVerifyMode.FULL;
            case CA -> SslVerifyMode.CA;
            case NONE -> SslVerifyMode.NONE;
        });
        return uri;
    }

    /** The TLS options of {@link #connect}: the configured CA certificates, or the JVM's trust store. */
    public static SslOptions sslOptions(RedisAdapterConfig config) {
        SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
        config.tlsCaCertificates().ifPresent(pem -> ssl.trustManager(pem.toFile()));
        return ssl.build();
    }

    private static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "?" : uri.substring(0, colon);
    }
}

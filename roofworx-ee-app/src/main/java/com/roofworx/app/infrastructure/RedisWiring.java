package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.StoreProbe.Result;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisAdapterConfig;
import com.roofworx.sdk.redis.RedisTlsVerify;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;

import java.time.Duration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Redis adapters: hot entry store, project cache, and the shared Zoho access-token cache, all on one
 * Lettuce connection to {@code roofworx.redis.uri} (a Redis Cluster when {@code roofworx.redis.cluster=true}); for
 * {@code rediss://}, {@code roofworx.redis.tls.ca-file} and {@code roofworx.redis.tls.verify} say how the server's
 * certificate is checked.
 * Redis must answer when the app starts; later outages are absorbed by the SDK (submits go to PostgreSQL).
 */
final class RedisWiring {
    static final String URI = "roofworx.redis.uri";
    static final String CLUSTER = "roofworx.redis.cluster";
    static final String KEY_PREFIX = "roofworx.redis.key-prefix";
    static final String COMMAND_TIMEOUT = "roofworx.redis.command-timeout";
    static final String CONNECT_TIMEOUT = "roofworx.redis.connect-timeout";
    static final String TLS_CA_FILE = "roofworx.redis.tls.ca-file";
    static final String TLS_VERIFY = "roofworx.redis.tls.verify";
    static final String DEFAULT_URI = "redis://localhost:6379";
    /** Lettuce's default (10 s) would hold a reconnect, and so the first commands after it, that long. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** A command slower than this counts as a failure; the submit then falls back to PostgreSQL. */
    static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private RedisWiring() {
    }

    static void wire(Adapters a, Settings settings) {
        RedisAdapterConfig config = RedisAdapterConfig.builder()
                .keyPrefix(settings.text(KEY_PREFIX, RedisAdapterConfig.DEFAULT_KEY_PREFIX))
                .commandTimeout(settings.duration(COMMAND_TIMEOUT, DEFAULT_COMMAND_TIMEOUT, false))
                .tlsCaCertificates(settings.optional(TLS_CA_FILE).map(Path::of).orElse(null))
                .tlsVerify(RedisTlsVerify.valueOf(settings.choice(TLS_VERIFY, "full", "full", "ca", "none")
                        .toUpperCase(Locale.ROOT)))
                .build();
        RedisURI uri = RedisAdapter.redisUri(settings.text(URI, DEFAULT_URI), config);
        // Like the SDK's own connect(): commands fail at once while disconnected, so a submit can fall back to
        // PostgreSQL instead of queueing; plus a short connect timeout for the reconnects.
        SocketOptions socket = SocketOptions.builder()
                .connectTimeout(settings.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, false)).build();
        RedisAdapter redis;
        if (settings.flag(CLUSTER, false)) {
            RedisClusterClient client = RedisClusterClient.create(uri);
            a.own(client::shutdown);
            // Follows failovers: without a topology refresh Lettuce keeps sending a dead master's slots to it.
            client.setOptions(ClusterClientOptions.builder().socketOptions(socket)
                    .topologyRefreshOptions(RedisAdapter.clusterTopologyRefresh())
                    .sslOptions(RedisAdapter.sslOptions(config))
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout())).build());
            redis = RedisAdapter.using(a.own(client.connect()), config);
        } else {
            RedisClient client = RedisClient.create(uri);
            a.own(client::shutdown);
            client.setOptions(ClientOptions.builder().socketOptions(socket)
                    .sslOptions(RedisAdapter.sslOptions(config))
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout())).build());
            redis = RedisAdapter.using(client, config);
        }
        a.own(redis);
        a.hotStore = redis.hotEntryStore(Clock.system());
        a.projectCache = redis.projectCache();
        a.tokenCache = redis.accessTokenCache(Clock.system());
        a.probes.add(probe(a.hotStore));
    }

    /** Reads the queue counters: one real round trip. */
    private static StoreProbe probe(HotEntryStore hot) {
        return new StoreProbe() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public Result check() {
                try {
                    HotEntryStore.QueueStats stats = hot.stats();
                    return Result.up("queue counters read").withCounts(
                            java.util.Map.of("queued", stats.queued(), "blocked", stats.blocked()));
                } catch (RuntimeException e) {
                    return Result.down(String.valueOf(e.getMessage()));
                }
            }
        };
    }
}

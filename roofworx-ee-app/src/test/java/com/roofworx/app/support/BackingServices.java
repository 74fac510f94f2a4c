package com.roofworx.app.support;

import com.roofworx.sdk.testkit.zoho.DemoData;
import com.roofworx.sdk.testkit.zoho.DuplicateCheck;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * Real services on loopback for the app to run against: a Redis, a PostgreSQL and the Zoho CRM simulator
 * seeded with {@link DemoData}. Started by the tests and by the demo; {@link #close()} stops all three.
 */
public final class BackingServices implements AutoCloseable {
    private static final long START_DEADLINE_MS = 20_000;

    private final RedisServer redis;
    private final int redisPort;
    private EmbeddedPostgres postgres;
    private final ZohoCrmSimulator zoho;
    private final List<String> workers;

    private BackingServices(RedisServer redis, int redisPort, EmbeddedPostgres postgres, ZohoCrmSimulator zoho,
                            List<String> workers) {
        this.redis = redis;
        this.redisPort = redisPort;
        this.postgres = postgres;
        this.zoho = zoho;
        this.workers = workers;
    }

    public static BackingServices start() {
        RedisServer redis = null;
        EmbeddedPostgres postgres = null;
        try {
            int redisPort = freePort();
            redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).setting("save \"\"").build();
            redis.start();
            awaitPort(redisPort);
            postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            ZohoCrmSimulator zoho = ZohoCrmSimulator.start();
            // Unique Entry_UUID only when the request asks for it: the app's own duplicate check is what
            // must keep retries from doubling a record.
            zoho.duplicateCheck(DuplicateCheck.REQUESTED_ONLY);
            List<String> workers = DemoData.seed(zoho);
            return new BackingServices(redis, redisPort, postgres, zoho, workers);
        } catch (IOException e) {
            stopQuietly(redis, postgres);
            throw new UncheckedIOException("could not start the backing services", e);
        } catch (RuntimeException e) {
            stopQuietly(redis, postgres);
            throw e;
        }
    }

    public String redisUri() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    /** Stops PostgreSQL for good (an outage); {@link #close()} then leaves it alone. */
    public void stopPostgres() {
        stopQuietly(null, postgres);
        postgres = null;
    }

    /** Stops Redis (an outage). */
    public void stopRedis() {
        stopQuietly(redis, null);
    }

    public ZohoCrmSimulator zoho() {
        return zoho;
    }

    /** The seeded workers' e-mail addresses. */
    public List<String> workers() {
        return workers;
    }

    @Override
    public void close() {
        zoho.close();
        stopQuietly(redis, postgres);
    }

    private static void stopQuietly(RedisServer redis, EmbeddedPostgres postgres) {
        try {
            if (redis != null && redis.isActive()) {
                redis.stop();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop Redis: " + e.getMessage());
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            System.err.println("could not stop PostgreSQL: " + e.getMessage());
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws IOException {
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("Redis did not open port " + port + " within " + START_DEADLINE_MS + " ms", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Redis", ie);
                }
            }
        }
    }
}

package com.roofworx.sdk.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real Redis server for tests, on a free loopback port, in its own data folder. It runs the redis-server
 * bundled with embedded-redis; where that binary cannot run, a {@code redis-server} on the PATH is used.
 * Other modules' tests (the engine run against Redis) can use it through {@link #adapter}.
 * <pre>
 * try (RedisTestServer redis = RedisTestServer.start(); RedisAdapter adapter = redis.adapter()) {
 *     HotEntryStore hot = adapter.hotEntryStore(clock);
 *     ProjectCache projects = adapter.projectCache();
 * }
 * </pre>
 */
public final class RedisTestServer implements AutoCloseable {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final long START_DEADLINE_MS = 10_000;

    private final int port;
    private final boolean appendOnly;
    private final Path dataDir;
    private RedisServer embedded;
    private Process external;

    private RedisTestServer(boolean appendOnly) throws IOException {
        this.port = freePort();
        this.appendOnly = appendOnly;
        this.dataDir = Files.createTempDirectory("roofworx-redis-");
        launch();
    }

    /** A server without persistence. */
    public static RedisTestServer start() {
        return startServer(false);
    }

    /** A server that logs every write to its append-only file and fsyncs it before answering. */
    public static RedisTestServer startWithAof() {
        return startServer(true);
    }

    private static RedisTestServer startServer(boolean appendOnly) {
        try {
            return new RedisTestServer(appendOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** An adapter on its own connection, with a key prefix no other adapter of this run uses. */
    public RedisAdapter adapter() {
        return RedisAdapter.connect(uri(), RedisAdapterConfig.builder().keyPrefix(freshPrefix()).build());
    }

    public RedisAdapter adapter(RedisAdapterConfig config) {
        return RedisAdapter.connect(uri(), config);
    }

    /** A prefix unique in this JVM, so tests sharing one server never see each other's keys. */
    public static String freshPrefix() {
        return "t" + PREFIXES.incrementAndGet() + ":";
    }

    /** Stops the server (as a crash would, for the client) and starts it again on the same port and folder. */
    public void restart() {
        halt();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills the server with SIGKILL, as a crash or an OOM kill would: nothing is flushed on the way out, so
     * only what Redis had already made durable survives.
     */
    public void crash() {
        RedisClient client = RedisClient.create(uri());
        long pid;
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            pid = connection.sync().info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .map(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("INFO server named no process_id"));
        } finally {
            client.shutdown();
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no process " + pid + " for Redis on port " + port));
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Redis process " + pid + " did not die", e);
        }
        halt();
    }

    /** Starts the server again on the same port and data folder (after {@link #crash()} or {@link #halt()}). */
    public void startAgain() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void halt() {
        try {
            if (embedded != null) {
                embedded.stop();
                embedded = null;
            }
            if (external != null) {
                external.destroy();
                if (!external.waitFor(10, TimeUnit.SECONDS)) {
                    external.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                external = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Redis on port " + port, e);
        }
    }

    @Override
    public void close() {
        halt();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        List<String> settings = new ArrayList<>(List.of("save \"\"", "dir " + dataDir));
        if (appendOnly) {
            settings.add("appendonly yes");
            settings.add("appendfsync always");
        }
        try {
            var builder = RedisServer.newRedisServer().bind("127.0.0.1").port(port);
            settings.forEach(builder::setting);
            embedded = builder.build();
            embedded.start();
        } catch (IOException | RuntimeException e) {
            embedded = null;
            external = startFromPath(settings, e);
        }
        awaitPort();
    }

    /** Debian's redis-server (apt-get install redis-server) when the bundled binary cannot run. */
    private Process startFromPath(List<String> settings, Exception bundledFailure) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--dir", dataDir.toString()));
        if (appendOnly) {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        }
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            e.addSuppressed(bundledFailure);
            throw new IOException("neither the bundled redis-server nor one on the PATH could start", e);
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(10); // bounded poll for a real server's port
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Redis on port " + port, e);
                }
            }
        }
        throw new IOException("Redis did not listen on port " + port + " within " + START_DEADLINE_MS + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

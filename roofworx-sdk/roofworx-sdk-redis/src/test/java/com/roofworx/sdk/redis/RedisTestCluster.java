package com.roofworx.sdk.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis Cluster for tests: {@code masters} masters with {@code replicasPerMaster} replicas each, one
 * {@code redis-server} process per node on loopback ports in 20000-40000 (cluster bus on port + 10000), in a
 * temporary folder. {@link #close()} kills every node and deletes the folder; so does a shutdown hook, in case
 * the JVM ends first. Starting 6 nodes and waiting for {@code cluster_state:ok} takes about a second.
 * <p>
 * It needs Debian's (or any) {@code redis-server} and {@code redis-cli} on the PATH: {@code apt-get install
 * redis-server}. Without them a test is skipped ({@link #assumeAvailable()}), unless the environment variable
 * {@code CI} is set: then it fails, so a CI machine cannot pass by skipping the cluster tests.
 * <pre>
 * try (RedisTestCluster cluster = RedisTestCluster.start(); RedisAdapter adapter = cluster.adapter()) {
 *     HotEntryStore hot = adapter.hotEntryStore(clock);
 * }
 * </pre>
 * Other modules use it through this module's test jar (type {@code test-jar}), plus test-scoped
 * {@code junit-jupiter} and {@code lettuce-core}.
 */
public final class RedisTestCluster implements AutoCloseable {
    /** Short, so a killed master is declared failed and its replica promoted within about 2-3 seconds. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofMillis(1000);
    private static final long READY_DEADLINE_MS = 30_000;
    private static final int MIN_PORT = 20_000;
    private static final int MAX_PORT = 40_000;
    private static final int BUS_OFFSET = 10_000;

    private final Path dir;
    private final Duration nodeTimeout;
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();
    private final List<RedisClusterClient> clients = new ArrayList<>();
    private final Thread cleanup = new Thread(this::killAllAndDelete, "redis-test-cluster-cleanup");

    private RedisTestCluster(Path dir, Duration nodeTimeout) {
        this.dir = dir;
        this.nodeTimeout = nodeTimeout;
    }

    /** 3 masters with one replica each, node timeout {@link #DEFAULT_NODE_TIMEOUT}. */
    public static RedisTestCluster start() {
        return start(3, 1, DEFAULT_NODE_TIMEOUT);
    }

    public static RedisTestCluster start(int masters, int replicasPerMaster, Duration nodeTimeout) {
        if (masters < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters, not " + masters);
        }
        assumeAvailable();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisTestCluster cluster;
            try {
                cluster = new RedisTestCluster(Files.createTempDirectory("roofworx-redis-cluster-"), nodeTimeout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(cluster.cleanup);
            try {
                cluster.launch(masters, replicasPerMaster);
                return cluster;
            } catch (IllegalStateException e) {
                // most likely a port taken between the check and the start: try other ports
                last = e;
                cluster.close();
            }
        }
        throw last;
    }

    /**
     * Skips the calling test when {@code redis-server} or {@code redis-cli} is missing, unless {@code CI} is
     * set: then a missing binary fails the test.
     */
    public static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        for (String binary : List.of("redis-server", "redis-cli")) {
            if (find(binary).isEmpty()) {
                missing.add(binary);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = missing + " not found on the PATH: the Redis Cluster tests need Debian's redis-server"
                + " (apt-get install redis-server)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            throw new IllegalStateException(message + "; CI is set, so this is a failure, not a skip");
        }
        Assumptions.assumeTrue(false, message + "; skipped (set CI=true to fail instead)");
    }

    /** A seed URI for a cluster client (any node will do; the client discovers the rest). */
    public String uri() {
        return "redis://127.0.0.1:" + nodes.keySet().iterator().next();
    }

    /** Every node's port, live or killed, in start order (the first ones began as masters). */
    public List<Integer> ports() {
        return List.copyOf(nodes.keySet());
    }

    /**
     * A cluster client that follows failovers ({@link RedisAdapter#clusterTopologyRefresh()}), rejects
     * commands for a node it is not connected to and times out after {@code commandTimeout}; closed with the
     * cluster.
     */
    public synchronized RedisClusterClient client(Duration commandTimeout) {
        List<RedisURI> seeds = new ArrayList<>();
        for (int port : nodes.keySet()) {
            seeds.add(RedisURI.create("127.0.0.1", port));
        }
        RedisClusterClient client = RedisClusterClient.create(seeds);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(RedisAdapter.clusterTopologyRefresh())
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        clients.add(client);
        return client;
    }

    /** A new cluster connection (command timeout 2 s); closed with the cluster. */
    public StatefulRedisClusterConnection<String, String> connect() {
        return client(RedisAdapterConfig.DEFAULT_COMMAND_TIMEOUT).connect();
    }

    /** An adapter on a connection of its own, slot-safe scripts, a key prefix no other adapter uses. */
    public RedisAdapter adapter() {
        return adapter(RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix())
                .singleSlotScripts(true).build());
    }

    /** An adapter on a connection of its own, with {@code config}'s command timeout. */
    public RedisAdapter adapter(RedisAdapterConfig config) {
        return RedisAdapter.using(client(config.commandTimeout()).connect(), config);
    }

    /** The port of the node that currently serves {@code key}'s slot as master. */
    public int masterPortOf(String key) {
        int slot = SlotHash.getSlot(key);
        for (String line : clusterNodes(livePorts().get(0)).lines().toList()) {
            String[] f = line.split(" ");
            if (!f[2].contains("master") || f[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) {
                    continue; // a slot being migrated
                }
                String[] range = f[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return portOf(f[1]);
                }
            }
        }
        throw new IllegalStateException("no live master serves slot " + slot + " of " + key);
    }

    /** The ports of the nodes that are masters now (by the view of a live node). */
    public List<Integer> masterPorts() {
        List<Integer> masters = new ArrayList<>();
        for (String line : clusterNodes(livePorts().get(0)).lines().toList()) {
            String[] f = line.split(" ");
            if (f[2].contains("master") && !f[2].contains("fail") && f.length > 8) {
                masters.add(portOf(f[1]));
            }
        }
        return masters;
    }

    /**
     * Kills the node on {@code port} with SIGKILL (kill -9): nothing is flushed, clients see their connection
     * drop. Its replica is promoted by the cluster itself after the node timeout.
     */
    public synchronized void kill(int port) {
        Process process = nodes.get(port);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Redis node on port " + port + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every live node reports {@code cluster_state:ok} and every slot is served by a live master:
     * after {@link #kill}, until the replica has been promoted.
     */
    public void awaitHealthy() {
        long deadline = System.currentTimeMillis() + READY_DEADLINE_MS;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            last = health();
            if (last.isEmpty()) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("Redis Cluster not healthy within " + READY_DEADLINE_MS + " ms: " + last);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it does the same work
        }
        killAllAndDelete();
    }

    private synchronized void killAllAndDelete() {
        for (RedisClusterClient client : clients) {
            try {
                client.shutdown(0, 2, TimeUnit.SECONDS);
            } catch (RuntimeException ignored) {
                // best effort: the nodes are killed next
            }
        }
        clients.clear();
        for (Process process : nodes.values()) {
            process.destroyForcibly();
        }
        for (Process process : nodes.values()) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }

    private void launch(int masters, int replicasPerMaster) {
        int count = masters * (1 + replicasPerMaster);
        List<Integer> ports = freePorts(count);
        for (int port : ports) {
            Path nodeDir = dir.resolve(Integer.toString(port));
            try {
                Files.createDirectories(nodeDir);
                Process process = new ProcessBuilder(find("redis-server").orElseThrow(),
                        "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()),
                        "--cluster-replica-validity-factor", "0",
                        // a replica's first sync starts at once, not after the default 5 s wait for more replicas
                        "--repl-diskless-sync-delay", "0",
                        "--save", "", "--appendonly", "no", "--dir", nodeDir.toString())
                        .redirectErrorStream(true).redirectOutput(nodeDir.resolve("redis.log").toFile()).start();
                nodes.put(port, process);
            } catch (IOException e) {
                throw new IllegalStateException("could not start redis-server on port " + port, e);
            }
        }
        for (int port : ports) {
            awaitPing(port);
        }
        List<String> create = new ArrayList<>(List.of(find("redis-cli").orElseThrow(), "--cluster", "create"));
        ports.forEach(port -> create.add("127.0.0.1:" + port));
        create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
        run(create);
        awaitHealthy();
    }

    /** Empty when healthy, otherwise what is not yet. */
    private String health() {
        List<Integer> live = livePorts();
        int covered = 0;
        for (int port : live) {
            String info;
            try {
                info = command(port, "info");
            } catch (RuntimeException e) {
                return "node " + port + ": " + e.getMessage();
            }
            if (!info.contains("cluster_state:ok")) {
                return "node " + port + " not ok";
            }
            if (!info.contains("cluster_known_nodes:" + nodes.size())) {
                return "node " + port + " does not know every node yet";
            }
        }
        for (String line : clusterNodes(live.get(0)).lines().toList()) {
            String[] f = line.split(" ");
            int port = portOf(f[1]);
            if (f[2].contains("master") && f.length > 8) {
                if (!live.contains(port) || f[2].contains("fail")) {
                    return "slots still on failed master " + port;
                }
                for (int i = 8; i < f.length; i++) {
                    if (!f[i].startsWith("[")) {
                        String[] range = f[i].split("-");
                        covered += (range.length > 1 ? Integer.parseInt(range[1]) : Integer.parseInt(range[0]))
                                - Integer.parseInt(range[0]) + 1;
                    }
                }
            } else if (f[2].contains("slave") && live.contains(port)) {
                String replication = replicationInfo(port);
                if (!replication.contains("master_link_status:up")) {
                    return "replica " + port + " not in sync with its master";
                }
            }
        }
        return covered == SlotHash.SLOT_COUNT ? "" : "only " + covered + " slots covered";
    }

    /** The port of a CLUSTER NODES address, {@code ip:port@busport}. */
    private static int portOf(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1, address.indexOf('@')));
    }

    private List<Integer> livePorts() {
        List<Integer> live = new ArrayList<>();
        nodes.forEach((port, process) -> {
            if (process.isAlive()) {
                live.add(port);
            }
        });
        return live;
    }

    private String clusterNodes(int port) {
        return command(port, "nodes");
    }

    private String replicationInfo(int port) {
        return command(port, "replication");
    }

    /** CLUSTER INFO ("info"), CLUSTER NODES ("nodes") or INFO replication ("replication") of one node. */
    private static String command(int port, String what) {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return switch (what) {
                case "info" -> connection.sync().clusterInfo();
                case "nodes" -> connection.sync().clusterNodes();
                default -> connection.sync().info("replication");
            };
        } finally {
            client.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    private void awaitPing(int port) {
        long deadline = System.currentTimeMillis() + READY_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!nodes.get(port).isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + log(port));
            }
            try {
                command(port, "info");
                return;
            } catch (RuntimeException notYet) {
                pause(20);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer: " + log(port));
    }

    private String log(int port) {
        try {
            return Files.readString(dir.resolve(Integer.toString(port)).resolve("redis.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} consecutive ports from a random base whose cluster bus ports are free too. */
    private static List<Integer> freePorts(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = MIN_PORT + random.nextInt(MAX_PORT - MIN_PORT - count);
            List<Integer> ports = new ArrayList<>();
            for (int port = base; port < base + count && free(port) && free(port + BUS_OFFSET); port++) {
                ports.add(port);
            }
            if (ports.size() == count) {
                return ports;
            }
        }
        throw new IllegalStateException("no " + count + " free consecutive ports in " + MIN_PORT + "-" + MAX_PORT);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<String> find(String binary) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin"));
        for (String d : dirs) {
            File file = new File(d, binary);
            if (file.isFile() && file.canExecute()) {
                return Optional.of(file.getAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms); // bounded poll of real processes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.roofworx.sdk.testkit.tls;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis that speaks only TLS (no plain port), with a password for the {@code default} user and an
 * ACL user, as managed Redis services run it: Debian's {@code redis-server} (built with TLS; {@code apt-get
 * install redis-server}) on a free loopback port (on {@code 127.0.0.1} and on {@link #UNNAMED_ADDRESS}), with a {@link TestCertificates certificate made for the
 * test}. Clients are not asked for certificates. {@link #find()} says whether the binary is there, so a test
 * can skip with that message where it is not.
 * <pre>
 * try (TlsRedisServer redis = TlsRedisServer.start(dir, "default-pass", "roofer", "roofer-pass")) {
 *     String uri = "rediss://roofer:roofer-pass@localhost:" + redis.port();  // trust redis.certificates().caCertificate()
 * }
 * </pre>
 */
public final class TlsRedisServer implements AutoCloseable {
    /** A loopback address the server also listens on that its certificate does not name. */
    public static final String UNNAMED_ADDRESS = "127.0.0.2";
    private static final long START_DEADLINE_MS = 10_000;

    private final Path dir;
    private final int port;
    private final TestCertificates certificates;
    private final Process process;

    private TlsRedisServer(Path dir, int port, TestCertificates certificates, Process process) {
        this.dir = dir;
        this.port = port;
        this.certificates = certificates;
        this.process = process;
    }

    /** The {@code redis-server} on the PATH (or in /usr/bin, /usr/local/bin), or why there is none. */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "redis-server"));
            }
        }
        candidates.add(Path.of("/usr/bin/redis-server"));
        candidates.add(Path.of("/usr/local/bin/redis-server"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The message a test skips with when {@link #find()} is empty. */
    public static String missingMessage() {
        return "redis-server with TLS not found on the PATH: install Debian's (apt-get install -y "
                + "--no-install-recommends redis-server); .ci/run installs it";
    }

    /**
     * Starts Redis with TLS only, {@code requirepass defaultPassword} and the ACL user {@code user} /
     * {@code userPassword} with every right; files go to {@code dir}.
     */
    public static TlsRedisServer start(Path dir, String defaultPassword, String user, String userPassword) {
        Path binary = find().orElseThrow(() -> new IllegalStateException(missingMessage()));
        try {
            Files.createDirectories(dir);
            TestCertificates certificates = TestCertificates.create(dir.resolve("certs"));
            int port = freePort();
            // Passwords go in a config file, not the command line, so no process listing shows them.
            Path conf = dir.resolve("redis.conf");
            Files.writeString(conf, String.join("\n",
                    "port 0",
                    "tls-port " + port,
                    "bind 127.0.0.1 " + UNNAMED_ADDRESS,
                    "tls-cert-file " + certificates.serverCertificate(),
                    "tls-key-file " + certificates.serverKey(),
                    "tls-ca-cert-file " + certificates.caCertificate(),
                    "tls-auth-clients no",
                    "save \"\"",
                    "appendonly no",
                    "dir " + dir,
                    "requirepass " + defaultPassword,
                    "user " + user + " on >" + userPassword + " ~* &* +@all",
                    ""));
            Process process = new ProcessBuilder(binary.toString(), conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            TlsRedisServer server = new TlsRedisServer(dir, port, certificates, process);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a TLS Redis in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    public TestCertificates certificates() {
        return certificates;
    }

    /** What the server logged so far. */
    public String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort() throws IOException {
        long deadline = System.currentTimeMillis() + START_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + ": " + log());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(10); // bounded poll for the server's port
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for Redis on port " + port, e);
                }
            }
        }
        close();
        throw new IOException("Redis did not listen on port " + port + " within " + START_DEADLINE_MS + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

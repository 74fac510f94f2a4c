package com.roofworx.app.demo;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the app in a child JVM, configured through a system-properties file: the WAR on the
 * Payara Micro launcher, or an uber-jar that holds both.
 */
public final class PayaraProcess {
    private static final Duration READY_DEADLINE = Duration.ofMinutes(4);

    /** What follows {@code java -jar}: the jar and its Payara Micro options. */
    private final List<String> launch;
    private final Path workDir;
    private final List<String> jvmOptions;
    private Process process;

    public PayaraProcess(Path payaraJar, Path war, int port, Path workDir) {
        this(payaraJar, war, port, workDir, List.of());
    }

    /** @param jvmOptions extra options for Payara's JVM (the HTTP bench's flight recorder, for instance) */
    public PayaraProcess(Path payaraJar, Path war, int port, Path workDir, List<String> jvmOptions) {
        this(List.of(payaraJar.toString(), "--deploy", war.toString(), "--contextroot", "/", "--nocluster"), port,
                workDir, jvmOptions);
    }

    private PayaraProcess(List<String> jarAndOptions, int port, Path workDir, List<String> jvmOptions) {
        this.launch = new ArrayList<>(jarAndOptions);
        this.launch.addAll(List.of("--port", Integer.toString(port), "--rootdir",
                workDir.resolve("payara-root").toString()));
        this.workDir = workDir;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public long pid() {
        return process.pid();
    }

    /**
     * An uber-jar made with {@code --outputUberJar} (it already holds the WAR, its context root and
     * {@code --nocluster}), with more Payara Micro options such as {@code --logProperties}.
     */
    public static PayaraProcess uberJar(Path uberJar, int port, Path workDir, List<String> options) {
        List<String> jarAndOptions = new ArrayList<>();
        jarAndOptions.add(uberJar.toString());
        jarAndOptions.addAll(options);
        return new PayaraProcess(jarAndOptions, port, workDir, List.of());
    }

    public Path log() {
        return workDir.resolve("payara.log");
    }

    public void start(Map<String, String> settings) throws IOException {
        Path props = workDir.resolve("roofworx-demo.properties");
        Properties p = new Properties();
        p.putAll(settings);
        try (Writer out = Files.newBufferedWriter(props)) {
            p.store(out, "Roofworx demo settings (written by the demo launcher; holds demo secrets only)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The JSON-P implementation named, as docs/deploying.md advises: spares a class-path scan per token check.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.addAll(launch);
        command.addAll(List.of("--systemproperties", props.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    /**
     * Polls the readiness endpoint until it answers 200 after Payara said it is ready; fails when Payara exits or
     * the deadline passes. Payara Micro deploys the WAR once while booting and again to apply the context root,
     * with 404s in between: a 200 before its "ready in" line may come from the first of the two deployments.
     */
    public void awaitReady(URI ready) throws InterruptedException {
        // HTTP/1.1 and a hard deadline per poll: while Payara redeploys, a poll can hang past its request
        // timeout (an h2c upgrade answered by a half-deployed server).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log());
            }
            var poll = client.sendAsync(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            try {
                lastStatus = poll.get(6, TimeUnit.SECONDS).statusCode();
                if (lastStatus == 200 && payaraSaysReady()) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                poll.cancel(true);
                // not listening yet, or stuck in the redeploy
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app was not ready within " + READY_DEADLINE + " (last status "
                + lastStatus + "); see " + log());
    }

    private boolean payaraSaysReady() {
        try {
            return Files.readString(log(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(") ready in ");
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks Payara to stop (it shuts down cleanly on SIGTERM), and kills it if it takes too long. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

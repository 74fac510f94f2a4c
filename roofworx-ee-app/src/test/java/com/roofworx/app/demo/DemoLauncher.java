package com.roofworx.app.demo;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.DevTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command demo: starts Redis, PostgreSQL and the Zoho CRM simulator (seeded with demo projects and
 * workers) on loopback, runs the built WAR on Payara Micro against them, and prints tokens and curl lines for
 * the demo users. Ctrl-C stops everything. Run by {@code mvn -Pdemo}; never part of the WAR.
 */
public final class DemoLauncher {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("demo.port", "8080"));
        Path war = Path.of(System.getProperty("demo.war", "target/roofworx.war"));
        Path payaraJar = Path.of(System.getProperty("demo.payaraJar", "target/payara-micro.jar"));
        Path workDir = Path.of(System.getProperty("demo.workDir", "target/demo"));
        requireFile(war, "demo.war");
        requireFile(payaraJar, "demo.payaraJar");
        requireFreePort(port);
        Files.createDirectories(workDir);

        System.out.println("Starting Redis, PostgreSQL and the Zoho CRM simulator on loopback ...");
        BackingServices services = BackingServices.start();
        DevTokens tokens = new DevTokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        settings.put("roofworx.sync.interval", "PT10S");
        PayaraProcess payara = new PayaraProcess(payaraJar, war, port, workDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the demo ...");
            payara.stop();
            services.close();
            stopped.countDown();
        }, "demo-shutdown"));

        System.out.println("Starting Payara Micro on port " + port + " (log: " + payara.log() + ") ...");
        payara.start(settings);
        URI base = URI.create("http://localhost:" + port + "/");
        payara.awaitReady(base.resolve("health/ready"));
        DemoBanner.print(new Api(base, tokens), base, tokens, TOKEN_LIFETIME, settings.get("roofworx.store.cold"));
        stopped.await();
    }

    private static void requireFile(Path file, String property) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(property + " must name an existing file but was " + file.toAbsolutePath());
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("port " + port + " is in use; choose another with "
                    + "-Ddemo.port=<port>", e));
        }
    }
}

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
 * workers) and a development OpenID Connect provider (a page to pick a demo user) on loopback, runs the built
 * WAR on Payara Micro against them, and prints the URL to open, tokens and curl lines for the demo users.
 * Ctrl-C stops everything. Run by {@code mvn -Pdemo}; never part of the WAR.
 */
public final class DemoLauncher {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getProperty("demo.port", "8080"));
        int idpPort = Integer.parseInt(System.getProperty("demo.idpPort", Integer.toString(port + 1)));
        Path war = Path.of(System.getProperty("demo.war", "target/roofworx.war"));
        Path payaraJar = Path.of(System.getProperty("demo.payaraJar", "target/payara-micro.jar"));
        Path workDir = Path.of(System.getProperty("demo.workDir", "target/demo"));
        requireFile(war, "demo.war");
        requireFile(payaraJar, "demo.payaraJar");
        requireFreePort(port);
        requireFreePort(idpPort);
        Files.createDirectories(workDir);

        System.out.println("Starting Redis, PostgreSQL and the Zoho CRM simulator on loopback ...");
        BackingServices services = BackingServices.start();
        URI base = URI.create("http://localhost:" + port + "/");
        DemoIdentityProvider idp = DemoIdentityProvider.start(idpPort, TOKEN_LIFETIME).allowRedirect(base.toString());
        DevTokens tokens = idp.tokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        settings.put("roofworx.sync.interval", "PT10S");
        settings.put("roofworx.client.client-id", DemoIdentityProvider.CLIENT_ID);
        PayaraProcess payara = new PayaraProcess(payaraJar, war, port, workDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the demo ...");
            payara.stop();
            idp.close();
            services.close();
            stopped.countDown();
        }, "demo-shutdown"));

        System.out.println("Starting Payara Micro on port " + port + " (log: " + payara.log() + ") ...");
        payara.start(settings);
        payara.awaitReady(base.resolve("health/ready"));
        DemoBanner.print(new Api(base, tokens), base, tokens, TOKEN_LIFETIME, settings.get("roofworx.store.cold"),
                idp.issuer());
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

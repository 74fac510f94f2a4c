package com.roofworx.app.bench;

import com.roofworx.app.demo.PayaraProcess;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.DevTokens;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app under load: either launched here (Redis, PostgreSQL, the Zoho CRM simulator and the WAR on Payara
 * Micro in its own JVM, as the demo does) or one already running, named by its URL and a worker's token.
 */
final class Target implements AutoCloseable {
    private final URI base;
    private final List<String> tokens;
    private final PayaraProcess payara;
    private final BackingServices services;

    private Target(URI base, List<String> tokens, PayaraProcess payara, BackingServices services) {
        this.base = base;
        this.tokens = tokens;
        this.payara = payara;
        this.services = services;
    }

    static Target running(URI base, String token) {
        return new Target(base, List.of(token), null, null);
    }

    /**
     * Launches the stack with the submit rate limit off (it would answer 429 long before the server is busy) and
     * the default cold linger, so that Zoho sees batches of 100 rather than a call per drain round.
     */
    static Target launch(Path war, Path payaraJar, Path workDir, List<String> jvmOptions) throws Exception {
        Files.createDirectories(workDir);
        BackingServices services = BackingServices.start();
        DevTokens issuer = new DevTokens(DevTokens.ISSUER);
        Map<String, String> settings = AppSettingsFor.of(services, issuer);
        settings.put("roofworx.api.submit-rate", "0");
        settings.put("roofworx.sync.cold-linger", "PT30S");
        int port = freePort();
        PayaraProcess payara = new PayaraProcess(payaraJar, war, port, workDir, jvmOptions);
        URI base = URI.create("http://localhost:" + port + "/");
        try {
            payara.start(settings);
            payara.awaitReady(base.resolve("health/ready"));
        } catch (Exception e) {
            payara.stop();
            services.close();
            throw e;
        }
        List<String> tokens = new ArrayList<>();
        for (String worker : services.workers()) {
            tokens.add(issuer.token(worker, Duration.ofHours(2), "worker"));
        }
        return new Target(base, tokens, payara, services);
    }

    URI base() {
        return base;
    }

    /** Workers' bearer tokens; never printed. */
    List<String> tokens() {
        return tokens;
    }

    /** Payara's process id, for a flight recording; -1 when the app was not launched here. */
    long serverPid() {
        return payara == null ? -1 : payara.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (payara != null) {
            payara.stop();
        }
        if (services != null) {
            services.close();
        }
    }
}

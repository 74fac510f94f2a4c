package com.roofworx.app.browser;

import com.roofworx.app.demo.DemoIdentityProvider;
import com.roofworx.app.demo.PayaraProcess;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed field app for the browser tests, started once for all of them: Redis, PostgreSQL and the Zoho
 * CRM simulator, the demo identity provider, the built WAR on Payara Micro at the context root (as the demo
 * runs it) and a front door that can drop an answer. Stopped when the test run ends.
 */
public final class FieldAppStack implements ExtensionContext.Store.CloseableResource {
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    /** A team's own front end on another origin, allowed to call the API. */
    public static final String CORS_ORIGIN = "https://crew.example.com";

    public final BackingServices services;
    public final DemoIdentityProvider idp;
    public final PayaraProcess payara;
    public final AppFrontDoor frontDoor;
    public final URI base;
    public final Api api;

    private FieldAppStack(BackingServices services, DemoIdentityProvider idp, PayaraProcess payara,
                          AppFrontDoor frontDoor, URI base) {
        this.services = services;
        this.idp = idp;
        this.payara = payara;
        this.frontDoor = frontDoor;
        this.base = base;
        this.api = new Api(base, idp.tokens());
    }

    /** JUnit extension: the shared stack, made by the first browser test class that asks; a parameter. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {
        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == FieldAppStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }

        public static FieldAppStack get(ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(FieldAppStack.class, k -> start(), FieldAppStack.class);
        }
    }

    public static FieldAppStack start() {
        BackingServices services = BackingServices.start();
        DemoIdentityProvider idp = null;
        PayaraProcess payara = null;
        try {
            idp = DemoIdentityProvider.start(0, TOKEN_LIFETIME);
            int port = freePort();
            URI base = URI.create("http://localhost:" + port + "/");
            AppFrontDoor frontDoor = AppFrontDoor.to(base);
            idp.allowRedirect(base.toString()).allowRedirect(frontDoor.base().toString());
            Map<String, String> settings = AppSettingsFor.of(services, idp.tokens());
            settings.put("roofworx.client.client-id", DemoIdentityProvider.CLIENT_ID);
            settings.put("roofworx.cors.allowed-origins", CORS_ORIGIN);
            // Quick sync so the tests watch entries reach both destinations in seconds.
            settings.put("roofworx.sync.interval", "PT1S");
            settings.put("roofworx.sync.backoff-initial", "PT0.1S");
            settings.put("roofworx.sync.backoff-max", "PT0.5S");
            Path work = Files.createDirectories(Path.of("target", "browser-it"));
            payara = new PayaraProcess(Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")),
                    Path.of(System.getProperty("roofworx.war", "target/roofworx.war")), port, work);
            payara.start(settings);
            payara.awaitReady(base.resolve("health/ready"));
            return new FieldAppStack(services, idp, payara, frontDoor, base);
        } catch (IOException e) {
            stop(payara, idp, services);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            stop(payara, idp, services);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            stop(payara, idp, services);
            throw e;
        }
    }

    @Override
    public void close() {
        frontDoor.close();
        stop(payara, idp, services);
    }

    private static void stop(PayaraProcess payara, DemoIdentityProvider idp, BackingServices services) {
        if (payara != null) {
            payara.stop();
        }
        if (idp != null) {
            idp.close();
        }
        services.close();
    }

    /** Rows in PostgreSQL whose notes start with {@code prefix}, and how many distinct ids they have. */
    public long[] rowsWithNotesPrefix(String prefix) throws SQLException {
        try (Connection c = services.postgres().getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT count(*), count(DISTINCT id) FROM roofworx.time_entry WHERE notes LIKE ?")) {
            q.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Records in the simulator's Time_Entries whose Notes start with {@code prefix}. */
    public long zohoRecordsWithNotesPrefix(String prefix) {
        return services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> r.getString("Notes", "").startsWith(prefix)).count();
    }

    /** Distinct entry ids among those records. */
    public long zohoDistinctIdsWithNotesPrefix(String prefix) {
        return services.zoho().records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> r.getString("Notes", "").startsWith(prefix))
                .map(r -> r.getString(ZohoCrmSimulator.ENTRY_UUID, "")).distinct().count();
    }

    private static final Pattern SUBMIT_COUNT = Pattern.compile(
            "^roofworx_http_request_duration_seconds_count\\{([^}]*)\\} ([0-9.eE+]+)$", Pattern.MULTILINE);

    /** How many {@code POST /api/time-entries} the server answered with {@code status} so far. */
    public long submitsAnswered(int status) {
        String text = api.http().get("api/metrics").body();
        long n = 0;
        Matcher m = SUBMIT_COUNT.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("resource=\"TimeEntriesResource.submit\"") && labels.contains("status=\"" + status + "\"")) {
                n += (long) Double.parseDouble(m.group(2));
            }
        }
        return n;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

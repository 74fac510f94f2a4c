package com.roofworx.app.infrastructure;

import com.roofworx.sdk.testkit.tls.TestCertificates;
import com.roofworx.sdk.testkit.tls.TlsRedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The app's Redis and PostgreSQL wiring against services set up as managed ones are: a PostgreSQL that takes
 * its user only over TLS ({@code ssl=on}, a certificate made by the test, password auth, plain connections
 * rejected) reached through a {@code postgres://} URL with {@code sslmode=verify-full}, and a TLS-only Redis
 * with an ACL user reached through {@code rediss://user:pass@host:port} with the CA configured. The health
 * probes, the errors and everything logged (JUL, stdout, stderr) are searched for the passwords.
 */
class ManagedServicesTlsIT {
    private static final String PG_USER = "roofer_app";
    private static final String PG_PASSWORD = "Pg-pass-" + UUID.randomUUID();
    private static final String REDIS_USER = "roofer";
    private static final String REDIS_PASSWORD = "Redis-pass-" + UUID.randomUUID();
    private static final String REDIS_DEFAULT_PASSWORD = "Redis-default-" + UUID.randomUUID();

    private static Path dir;
    private static TestCertificates certs;
    private static EmbeddedPostgres postgres;
    private static TlsRedisServer redis;

    private final List<String> logged = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Handler handler;
    private PrintStream out;
    private PrintStream err;
    private Adapters adapters;

    @BeforeAll
    static void startServices() throws Exception {
        dir = Files.createTempDirectory("roofworx-managed-");
        certs = TestCertificates.create(dir.resolve("pg-certs"));
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.serverCertificate().toString())
                .setServerConfig("ssl_key_file", certs.serverKey().toString())
                .start();
        requirePasswordOverTls();
        assumeTrue(TlsRedisServer.find().isPresent(), TlsRedisServer.missingMessage());
        redis = TlsRedisServer.start(dir.resolve("redis"), REDIS_DEFAULT_PASSWORD, REDIS_USER, REDIS_PASSWORD);
    }

    /** The app's user may log in only with its password and only over TLS, as on a hosted service. */
    private static void requirePasswordOverTls() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + PG_USER + " LOGIN PASSWORD '" + PG_PASSWORD + "'");
            s.execute("GRANT ALL ON DATABASE postgres TO " + PG_USER);
            s.execute("GRANT ALL ON SCHEMA public TO " + PG_USER);
            Path hba;
            try (ResultSet r = s.executeQuery("SHOW hba_file")) {
                r.next();
                hba = Path.of(r.getString(1));
            }
            Files.writeString(hba, "hostnossl all " + PG_USER + " all reject\n"
                    + "hostssl all " + PG_USER + " all scram-sha-256\n" + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** A superuser connection. */
    private static Connection admin() throws SQLException {
        registerDriver();
        return postgres.getPostgresDatabase().getConnection();
    }

    /**
     * The wiring deregisters the driver when its adapters close (as an undeploy must); register it again, for
     * this class and for the other tests of this JVM that find it through DriverManager.
     */
    private static void registerDriver() throws SQLException {
        if (DriverManager.drivers().noneMatch(d -> d instanceof org.postgresql.Driver)) {
            DriverManager.registerDriver(new org.postgresql.Driver());
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void capture() {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        out = System.out;
        err = System.err;
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        adapters = new Adapters();
    }

    @AfterEach
    void release() throws SQLException {
        adapters.close();
        registerDriver();
        System.setOut(out);
        System.setErr(err);
        Logger.getLogger("").removeHandler(handler);
    }

    private String postgresUrl(String password, String sslMode) {
        return "postgres://" + PG_USER + ":" + password + "@localhost:" + postgres.getPort() + "/postgres?sslmode="
                + sslMode + "&sslrootcert=" + certs.caCertificate();
    }

    private String redisUri(String password) {
        return "rediss://" + REDIS_USER + ":" + password + "@localhost:" + redis.port();
    }

    private static Settings settings(Map<String, String> values) {
        return new Settings(name -> Optional.ofNullable(values.get(name)));
    }

    private Settings managed(String pgPassword, String redisPassword) {
        Map<String, String> s = new HashMap<>();
        s.put("roofworx.database.url", postgresUrl(pgPassword, "verify-full"));
        s.put("roofworx.jdbc.schema", "rw_" + Long.toHexString(System.nanoTime()));
        s.put("roofworx.redis.uri", redisUri(redisPassword));
        s.put("roofworx.redis.tls.ca-file", redis.certificates().caCertificate().toString());
        s.put("roofworx.redis.key-prefix", "t" + System.nanoTime() + ":");
        return settings(s);
    }

    /** Everything a person could read: probes, logs, printed output. */
    private String everythingShown() {
        StringBuilder all = new StringBuilder();
        adapters.probes().forEach(p -> all.append(p.name()).append(": ").append(p.check()).append('\n'));
        logged.forEach(all::append);
        all.append(printed.toString(StandardCharsets.UTF_8));
        return all.toString();
    }

    private static String allText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private DataSource pool() {
        return adapters.resources.stream().filter(r -> r instanceof DataSource).map(r -> (DataSource) r)
                .findFirst().orElseThrow();
    }

    @Test
    void bothStoresWorkOverVerifiedTlsAndNoPasswordIsShown() throws Exception {
        Settings settings = managed(PG_PASSWORD, REDIS_PASSWORD);
        RedisWiring.wire(adapters, settings);
        PostgresWiring.wire(adapters, settings);

        assertThat(adapters.probes()).extracting(p -> p.name() + "=" + p.check().up())
                .containsExactly("redis=true", "postgresql=true");
        try (Connection c = pool().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ssl, current_user FROM pg_stat_ssl JOIN pg_stat_activity USING (pid)"
                     + " WHERE pid = pg_backend_pid()")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).as("the app's connection is encrypted").isTrue();
            assertThat(r.getString(2)).isEqualTo(PG_USER);
        }
        assertThat(adapters.warmStore.get("ana@example.com", UUID.randomUUID())).isEmpty();
        assertThat(adapters.hotStore.stats().queued()).isZero();
        String shown = everythingShown();
        assertThat(shown).contains("redis: Result[status=UP");
        assertThat(shown).doesNotContain(PG_PASSWORD).doesNotContain(REDIS_PASSWORD);
    }

    @Test
    void verifyFullRefusesAServerTheGivenCaDoesNotVouchFor() throws Exception {
        Path otherCa = TestCertificates.create(dir.resolve("other-" + System.nanoTime())).caCertificate();
        String url = "postgres://" + PG_USER + ":" + PG_PASSWORD + "@localhost:" + postgres.getPort()
                + "/postgres?sslmode=verify-full&sslrootcert=" + otherCa;

        Throwable failure = catchThrowable(() -> PostgresWiring.wire(adapters,
                settings(Map.of("roofworx.database.url", url))));

        assertThat(failure).isNotNull();
        assertThat(allText(failure)).containsIgnoringCase("certification path").doesNotContain(PG_PASSWORD);
        assertThat(everythingShown()).doesNotContain(PG_PASSWORD);
    }

    @Test
    void withoutTlsThePostgresUserIsRejected() {
        Throwable failure = catchThrowable(() -> PostgresWiring.wire(adapters,
                settings(Map.of("roofworx.database.url", postgresUrl(PG_PASSWORD, "disable")))));

        assertThat(failure).isNotNull();
        assertThat(allText(failure)).contains("no encryption").doesNotContain(PG_PASSWORD);
    }

    @Test
    void wrongPasswordsFailNamingTheReasonButNeitherPassword() {
        String wrongPg = "Wrong-pg-" + UUID.randomUUID();
        String wrongRedis = "Wrong-redis-" + UUID.randomUUID();
        Settings settings = managed(wrongPg, wrongRedis);

        Throwable redisFailure = catchThrowable(() -> RedisWiring.wire(adapters, settings));
        Throwable pgFailure = catchThrowable(() -> PostgresWiring.wire(adapters, settings));

        assertThat(redisFailure).isNotNull();
        assertThat(allText(redisFailure)).contains("WRONGPASS").doesNotContain(wrongRedis).doesNotContain(REDIS_PASSWORD);
        assertThat(pgFailure).isNotNull();
        assertThat(allText(pgFailure)).contains("password authentication failed").doesNotContain(wrongPg)
                .doesNotContain(PG_PASSWORD);
        assertThat(everythingShown()).doesNotContain(wrongPg).doesNotContain(wrongRedis);
    }

    @Test
    void aProbeOfAStoreThatWentAwayShowsNoPassword() throws Exception {
        Settings settings = managed(PG_PASSWORD, REDIS_PASSWORD);
        PostgresWiring.wire(adapters, settings);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + PG_USER + " NOLOGIN");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + PG_USER + "'");
        }
        try {
            StoreProbe.Result result = adapters.probes().get(0).check();
            assertThat(result.up()).isFalse();
            assertThat(result.detail()).doesNotContain(PG_PASSWORD);
            assertThat(everythingShown()).doesNotContain(PG_PASSWORD);
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("ALTER ROLE " + PG_USER + " LOGIN");
            }
        }
    }
}

package com.roofworx.sdk.redis;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.tls.TlsRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapter against a real Redis that speaks only TLS and wants a password, as managed Redis services run:
 * Debian's redis-server with a certificate made by the test, {@code requirepass} for the default user and an
 * ACL user. Certificate checks stay on: the server must chain to the configured CA, and by default also name
 * the host. Passwords never show in an exception or in what the client logs.
 */
class RedisTlsIT {
    private static final String DEFAULT_PASSWORD = "Dflt-pass-7f3a91c2";
    private static final String USER = "roofer";
    private static final String USER_PASSWORD = "Acl-pass-0b5e66d4";
    private static TlsRedisServer redis;
    private static Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        assumeTrue(TlsRedisServer.find().isPresent(), TlsRedisServer.missingMessage());
        dir = Files.createTempDirectory("roofworx-tls-redis-");
        redis = TlsRedisServer.start(dir, DEFAULT_PASSWORD, USER, USER_PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static String uri(String userInfo, String host) {
        return "rediss://" + userInfo + "@" + host + ":" + redis.port();
    }

    private static RedisAdapterConfig.Builder trustingTheTestCa() {
        return RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix())
                .tlsCaCertificates(redis.certificates().caCertificate());
    }

    private static void roundTrip(RedisAdapter adapter) {
        RedisProjectCache cache = adapter.projectCache(new TestClock());
        Project maple = new Project("1001", "Maple St re-roof", "Closed Won", true, "Hendricks", "12 Maple St");
        cache.putUser("ana@example.com", List.of(maple), Duration.ofHours(1), Duration.ofDays(1));
        assertThat(cache.projectsFor("ana@example.com")).contains(List.of(maple));
    }

    @Test
    void anAclUserWorksOverVerifiedTls() {
        try (RedisAdapter adapter = RedisAdapter.connect(uri(USER + ":" + USER_PASSWORD, "localhost"),
                trustingTheTestCa().build())) {
            roundTrip(adapter);
        }
    }

    @Test
    void theDefaultUsersPasswordAloneWorksToo() {
        try (RedisAdapter adapter = RedisAdapter.connect(uri(":" + DEFAULT_PASSWORD, "127.0.0.1"),
                trustingTheTestCa().build())) {
            roundTrip(adapter);
        }
    }

    @Test
    void aServerTheJvmsTrustStoreDoesNotVouchForIsRefused() {
        Throwable failure = catchThrowable(() -> RedisAdapter.connect(uri(USER + ":" + USER_PASSWORD, "localhost"),
                RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix()).build()).close());

        assertThat(failure).isNotNull();
        assertThat(allText(failure)).containsIgnoringCase("certification path").doesNotContain(USER_PASSWORD);
    }

    @Test
    void fullVerificationRefusesAHostTheCertificateDoesNotNameAndCaVerificationAcceptsIt() {
        String unnamed = uri(USER + ":" + USER_PASSWORD, TlsRedisServer.UNNAMED_ADDRESS);

        Throwable failure = catchThrowable(() -> RedisAdapter.connect(unnamed, trustingTheTestCa().build()).close());
        assertThat(failure).isNotNull();
        assertThat(allText(failure)).containsIgnoringCase("subject alternative names").doesNotContain(USER_PASSWORD);

        try (RedisAdapter adapter = RedisAdapter.connect(unnamed, trustingTheTestCa().tlsVerify(RedisTlsVerify.CA).build())) {
            roundTrip(adapter);
        }
    }

    @Test
    void aWrongPasswordFailsWithoutShowingAnyPasswordInTheErrorOrTheLog() {
        String wrong = "Wrong-pass-" + Long.toHexString(System.nanoTime());
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Throwable failure;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            failure = catchThrowable(() -> RedisAdapter.connect(uri(USER + ":" + wrong, "localhost"),
                    trustingTheTestCa().build()).close());
        } finally {
            System.setErr(err);
            System.setOut(out);
        }

        assertThat(failure).isNotNull();
        String text = allText(failure);
        assertThat(text).as("the reason is named").contains("WRONGPASS");
        assertThat(text).doesNotContain(wrong).doesNotContain(USER_PASSWORD).doesNotContain(DEFAULT_PASSWORD);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(wrong).doesNotContain(USER_PASSWORD);
    }

    @Test
    void aMalformedUriIsReportedWithoutItsPassword() {
        for (String malformed : List.of("rediss://" + USER + ":" + USER_PASSWORD + "@localhost:notaport",
                "rediss://" + USER + ":" + USER_PASSWORD + "@local host:6379/x y")) {
            Throwable failure = catchThrowable(() -> RedisAdapter.connect(malformed, trustingTheTestCa().build()).close());
            assertThat(failure).as(malformed).isNotNull();
            assertThat(allText(failure)).doesNotContain(USER_PASSWORD);
        }
    }

    @Test
    void aCaFileThatCannotBeReadIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RedisAdapterConfig.builder().tlsCaCertificates(dir.resolve("missing.pem")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tlsCaCertificates");
    }

    /** The messages and stack trace of the whole cause chain. */
    private static String allText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

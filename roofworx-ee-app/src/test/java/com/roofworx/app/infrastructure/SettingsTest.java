package com.roofworx.app.infrastructure;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings of(Map<String, String> values) {
        return new Settings(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void unsetAndBlankValuesFallBackToTheDefault() {
        Settings s = of(Map.of("roofworx.sync.interval", "  "));
        assertThat(s.duration("roofworx.sync.interval", Duration.ofSeconds(30), false)).hasSeconds(30);
        assertThat(s.text("roofworx.redis.uri", "redis://localhost:6379")).isEqualTo("redis://localhost:6379");
        assertThat(s.integer("roofworx.jdbc.pool-size", 8, 1)).isEqualTo(8);
        assertThat(s.list("roofworx.zoho.active-stages", List.of("Closed Won"))).containsExactly("Closed Won");
    }

    @Test
    void valuesAreParsedStrictly() {
        Settings s = of(Map.of("a", "PT5S", "b", "12", "c", "TRUE", "d", "Won, Active ,", "e", "Memory"));
        assertThat(s.duration("a", Duration.ZERO, false)).hasSeconds(5);
        assertThat(s.integer("b", 0, 1)).isEqualTo(12);
        assertThat(s.flag("c", false)).isTrue();
        assertThat(s.list("d", List.of())).containsExactly("Won", "Active");
        assertThat(s.choice("e", "redis", "redis", "memory")).isEqualTo("memory");
    }

    @Test
    void badValuesFailNamingTheSettingItsEnvironmentVariableAndTheValue() {
        Settings s = of(Map.of("roofworx.sync.interval", "30s", "roofworx.jdbc.pool-size", "0",
                "roofworx.store.hot", "memcached", "roofworx.sync.after-submit", "yes"));
        assertThatThrownBy(() -> s.duration("roofworx.sync.interval", Duration.ofSeconds(30), false))
                .hasMessage("roofworx.sync.interval (env ROOFWORX_SYNC_INTERVAL) must be an ISO-8601 duration "
                        + "such as PT30S but was 30s");
        assertThatThrownBy(() -> s.integer("roofworx.jdbc.pool-size", 8, 1)).hasMessageContaining("must be >= 1 but was 0");
        assertThatThrownBy(() -> s.choice("roofworx.store.hot", "redis", "redis", "memory"))
                .hasMessageContaining("must be one of redis, memory but was memcached");
        assertThatThrownBy(() -> s.flag("roofworx.sync.after-submit", true)).hasMessageContaining("but was yes");
        assertThatThrownBy(() -> s.required("roofworx.zoho.client-id"))
                .hasMessage("roofworx.zoho.client-id (env ROOFWORX_ZOHO_CLIENT_ID) must be set but was not");
    }

    @Test
    void zeroDurationsAreAllowedOnlyWhereZeroMeansOff() {
        Settings s = of(Map.of("x", "PT0S"));
        assertThat(s.duration("x", Duration.ofMinutes(15), true)).isZero();
        assertThatThrownBy(() -> s.duration("x", Duration.ofMinutes(15), false)).hasMessageContaining("must be positive");
    }

    @Test
    void anAppWithoutJwtVerificationRefusesToStart() {
        assertThatThrownBy(() -> StartupChecks.requireJwtVerification(of(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mp.jwt.verify.issuer").hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY");
        assertThatThrownBy(() -> StartupChecks.requireJwtVerification(of(Map.of("mp.jwt.verify.publickey", "MIIB"))))
                .hasMessageContaining("not configured");
        StartupChecks.requireJwtVerification(of(Map.of("mp.jwt.verify.publickey.location", "https://idp/jwks",
                "mp.jwt.verify.issuer", "https://idp")));
    }

    @Test
    void sdkSettingsReachTheSdkConfig() {
        AppSettings app = AppSettings.of(of(Map.of("roofworx.sync.interval", "PT5S", "roofworx.sync.batch-size", "50",
                "roofworx.entries.backdating-window", "P14D")));
        assertThat(app.sdkConfig().syncInterval()).hasSeconds(5);
        assertThat(app.sdkConfig().batchSize()).isEqualTo(50);
        assertThat(app.sdkConfig().backdatingWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(app.hotStore()).isEqualTo("redis");
        assertThat(app.maxBodyBytes()).isEqualTo(16 * 1024);
    }

    @Test
    void theCorrectionWindowReachesTheSdkAndIsWholeDays() {
        assertThat(AppSettings.of(of(Map.of())).sdkConfig().correctionWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(AppSettings.of(of(Map.of("roofworx.corrections.window", "P3D"))).sdkConfig().correctionWindow())
                .isEqualTo(Duration.ofDays(3));
        assertThat(AppSettings.of(of(Map.of("roofworx.corrections.window", "PT0S"))).correctionWindow()).isZero();
        assertThatThrownBy(() -> AppSettings.of(of(Map.of("roofworx.corrections.window", "PT36H"))).sdkConfig())
                .hasMessageContaining("roofworx.corrections.window").hasMessageContaining("ROOFWORX_CORRECTIONS_WINDOW")
                .hasMessageContaining("whole days");
        assertThatThrownBy(() -> AppSettings.of(of(Map.of("roofworx.corrections.window", "a week"))).sdkConfig())
                .hasMessageContaining("roofworx.corrections.window").hasMessageContaining("but was a week");
        assertThatThrownBy(() -> AppSettings.of(of(Map.of("roofworx.corrections.window", "-P1D"))).sdkConfig())
                .hasMessageContaining("must not be negative");
    }

    @Test
    void theVerifiedTokenCacheHasBoundsByDefaultAndRefusesBadOnesAtStart() {
        AppSettings defaults = AppSettings.of(of(Map.of()));
        assertThat(defaults.tokenCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.tokenCacheSize()).isEqualTo(10_000);
        assertThat(defaults.jwtTokenAgeSeconds()).isEmpty();
        assertThat(defaults.jwtInAuthorizationHeader()).isTrue();
        AppSettings set = AppSettings.of(of(Map.of("roofworx.auth.token-cache-ttl", "PT0S",
                "roofworx.auth.token-cache-size", "50", "mp.jwt.verify.token.age", "3600",
                "mp.jwt.token.header", "Cookie")));
        assertThat(set.tokenCacheTtl()).as("off").isZero();
        assertThat(set.tokenCacheSize()).isEqualTo(50);
        assertThat(set.jwtTokenAgeSeconds()).hasValue(3600);
        assertThat(set.jwtInAuthorizationHeader()).isFalse();

        assertThatThrownBy(() -> StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of(
                "roofworx.auth.token-cache-ttl", "300")))))
                .hasMessage("roofworx.auth.token-cache-ttl (env ROOFWORX_AUTH_TOKEN_CACHE_TTL) must be an ISO-8601 "
                        + "duration such as PT30S but was 300");
        assertThatThrownBy(() -> StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of(
                "roofworx.auth.token-cache-ttl", "-PT5M")))))
                .hasMessageContaining("roofworx.auth.token-cache-ttl").hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of(
                "roofworx.auth.token-cache-size", "0")))))
                .hasMessage("roofworx.auth.token-cache-size (env ROOFWORX_AUTH_TOKEN_CACHE_SIZE) must be >= 1 but was 0");
        assertThatThrownBy(() -> StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of(
                "roofworx.auth.token-cache-size", "10k")))))
                .hasMessageContaining("roofworx.auth.token-cache-size").hasMessageContaining("but was 10k");
        assertThatThrownBy(() -> StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of(
                "mp.jwt.verify.clock.skew", "-5")))))
                .hasMessageContaining("mp.jwt.verify.clock.skew").hasMessageContaining("but was -5");
        StartupChecks.checkAuthSettings(AppSettings.of(of(Map.of("roofworx.auth.token-cache-ttl", "PT1M",
                "roofworx.auth.token-cache-size", "1"))));
    }

    @Test
    void memoryProjectsAreReadFromTheirSettings() {
        var source = MemoryWiring.projects(of(Map.of("roofworx.memory.projects", "P1|Maple|Hendricks|12 Maple St;P2|School",
                "roofworx.memory.assignments", "Ana@Example.com=P1,P2")));
        assertThat(source.projectsFor("ana@example.com")).extracting(p -> p.name()).containsExactly("Maple", "School");
        assertThatThrownBy(() -> MemoryWiring.projects(of(Map.of("roofworx.memory.projects", "P1"))))
                .hasMessageContaining("but was P1");
    }
}

package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.app.infrastructure.Settings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web client's shell (size, versioning, service worker, headers) and the CORS policy, without a container. */
class WebClientTest {
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final int SHELL_BUDGET_BYTES = 100 * 1024;

    @Test
    void theShellStaysUnderItsBudgetAndLoadsNothingFromElsewhere() throws IOException {
        Map<String, byte[]> files = shellFiles();
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        System.out.printf("web client shell: %d files, %d bytes uncompressed%n", files.size(), total);
        assertThat(total).isLessThan(SHELL_BUDGET_BYTES);
        assertThat(files).containsKeys("/index.html", "/sw.js", "/manifest.json", "/app/main.js");
        Pattern imports = Pattern.compile("(?:import\\s[^;]*?from\\s*|import\\()\\s*'([^']+)'");
        for (var f : files.entrySet()) {
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            if (f.getKey().endsWith(".js")) {
                Matcher m = imports.matcher(text);
                while (m.find()) {
                    assertThat(m.group(1)).as(f.getKey() + " imports").startsWith(".");
                }
                assertThat(text).as(f.getKey()).doesNotContain("console.log", "localStorage.setItem('rw.tokens'");
            }
            if (f.getKey().endsWith(".html")) {
                assertThat(text).as("no file from another origin").doesNotContain("src=\"http", "href=\"http",
                        "src=\"/", "href=\"/");
            }
        }
    }

    @Test
    void tokensAreKeptInTheTabAndNeverPutInAUrl() throws IOException {
        String auth = Files.readString(WEBAPP.resolve("app/auth.js"));
        assertThat(auth).contains("write(sessionStorage, TOKENS", "code_challenge_method: 'S256'",
                "params.get('state') !== pending.state");
        assertThat(auth).doesNotContain("write(localStorage, TOKENS", "id_token_hint", "searchParams.set('access_token'");
    }

    @Test
    void theVersionNamesTheShellsContent() {
        Map<String, byte[]> files = new TreeMap<>(Map.of("/index.html", bytes("<html>"), "/app/main.js", bytes("a"),
                "/sw.js", bytes("const VERSION = '__SHELL_VERSION__'; const FILES = \"__SHELL_FILES__\";")));
        WebClientShell shell = new WebClientShell(files);
        assertThat(shell.files()).containsExactly("./", "app/main.js", "index.html");
        assertThat(shell.serviceWorker("const VERSION = '__SHELL_VERSION__'; const FILES = \"__SHELL_FILES__\";"))
                .isEqualTo("const VERSION = '" + shell.version() + "'; const FILES = [\"./\", \"app/main.js\", \"index.html\"];");

        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put("/app/main.js", bytes("b"));
        assertThat(new WebClientShell(changed).version()).isNotEqualTo(shell.version());
        Map<String, byte[]> onlyServiceWorker = new TreeMap<>(files);
        onlyServiceWorker.put("/sw.js", bytes("another template"));
        assertThat(new WebClientShell(onlyServiceWorker).version()).isEqualTo(shell.version());
        assertThat(new WebClientShell(new TreeMap<>(files)).version()).isEqualTo(shell.version());
    }

    @Test
    void theApiAndOperationsAreNotPartOfTheShell() {
        assertThat(WebClientShell.isShellPath("/")).isTrue();
        assertThat(WebClientShell.isShellPath("/app/main.js")).isTrue();
        assertThat(WebClientShell.isShellPath("/sw.js")).isTrue();
        for (String path : List.of("/api/projects", "/api", "/health/ready", "/openapi", "/metrics", "/WEB-INF/beans.xml",
                "/META-INF/MANIFEST.MF")) {
            assertThat(WebClientShell.isShellPath(path)).as(path).isFalse();
        }
    }

    @Test
    void thePagesMayCallTheirOwnOriginAndTheIdentityProviderOnly() {
        String csp = WebClientShell.contentSecurityPolicy("https://login.example.com/realms/roofers",
                List.of("https://oauth2.example.net"));
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "connect-src 'self' https://login.example.com https://oauth2.example.net;");
        assertThat(WebClientShell.contentSecurityPolicy(null, List.of())).contains("connect-src 'self';");
        assertThat(WebClientShell.origin("http://localhost:8081")).isEqualTo("http://localhost:8081");
        assertThat(WebClientShell.origin("not a url")).isNull();
    }

    @Test
    void corsIsOffUnlessOriginsAreConfigured() {
        CorsPolicy off = new CorsPolicy(List.of(), Duration.ofMinutes(10));
        assertThat(off.enabled()).isFalse();
        assertThat(off.answerHeaders("https://app.example.com")).isEmpty();
        assertThat(off.preflightHeaders("https://app.example.com", "POST", "authorization")).isNull();
    }

    @Test
    void corsAnswersExactlyTheConfiguredOriginsAndTheApisMethodsAndHeaders() {
        CorsPolicy cors = new CorsPolicy(List.of("https://app.example.com"), Duration.ofMinutes(10));
        assertThat(cors.answerHeaders("https://app.example.com")).containsEntry("Access-Control-Allow-Origin",
                "https://app.example.com").containsEntry("Vary", "Origin").containsKey("Access-Control-Expose-Headers")
                .doesNotContainKey("Access-Control-Allow-Credentials");
        assertThat(cors.answerHeaders("https://evil.example.com")).containsOnlyKeys("Vary");
        assertThat(cors.answerHeaders("https://app.example.com.evil.net")).containsOnlyKeys("Vary");
        assertThat(cors.preflightHeaders("https://app.example.com", "POST", "Authorization, Content-Type"))
                .containsEntry("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                .containsEntry("Access-Control-Max-Age", "600");
        assertThat(cors.preflightHeaders("https://app.example.com", "DELETE", "Authorization, If-Match")).isNotNull();
        assertThat(cors.answerHeaders("https://app.example.com").get("Access-Control-Expose-Headers")).contains("ETag");
        assertThat(cors.preflightHeaders("https://app.example.com", "PATCH", null)).isNull();
        assertThat(cors.preflightHeaders("https://app.example.com", "POST", "x-roofworx-secret")).isNull();
        assertThat(cors.preflightHeaders("https://evil.example.com", "GET", null)).isNull();
        assertThat(CorsPolicy.isPreflight("OPTIONS", "https://app.example.com", "POST")).isTrue();
        assertThat(CorsPolicy.isPreflight("OPTIONS", null, "POST")).isFalse();
    }

    @Test
    void corsAndClientSettingsAreReadStrictly() {
        AppSettings ok = settings(Map.of("roofworx.cors.allowed-origins", "https://a.example.com, http://localhost:3000",
                "mp.jwt.verify.issuer", "https://idp.example.com/", "roofworx.client.client-id", "field"));
        assertThat(ok.corsOrigins()).containsExactly("https://a.example.com", "http://localhost:3000");
        assertThat(ok.clientIssuer()).contains("https://idp.example.com");
        assertThat(ok.clientId()).contains("field");
        assertThat(ok.clientToken()).isEqualTo("access");
        assertThat(ok.clientEnabled()).isTrue();
        for (String bad : List.of("*", "https://a.example.com/", "https://a.example.com/app", "a.example.com")) {
            assertThatThrownBy(() -> settings(Map.of("roofworx.cors.allowed-origins", bad)).corsOrigins())
                    .hasMessageContaining("roofworx.cors.allowed-origins").hasMessageContaining("ROOFWORX_CORS_ALLOWED_ORIGINS");
        }
        assertThatThrownBy(() -> settings(Map.of("roofworx.client.token", "refresh")).clientToken())
                .hasMessageContaining("roofworx.client.token");
    }

    private static AppSettings settings(Map<String, String> values) {
        return AppSettings.of(new Settings(name -> Optional.ofNullable(values.get(name))));
    }

    private static Map<String, byte[]> shellFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(WEBAPP)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = "/" + WEBAPP.relativize(p).toString().replace('\\', '/');
                if (WebClientShell.isShellPath(rel)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

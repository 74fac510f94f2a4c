package com.roofworx.app;

import com.roofworx.app.demo.PayaraProcess;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployer's kit: the uber-jar the {@code uberjar} profile builds ({@code --outputUberJar}) started with
 * {@code java -jar}, against a real Redis, PostgreSQL and the Zoho CRM simulator, logging JSON. Run by that
 * profile only: building and booting the jar takes a minute or two.
 */
class UberJarIT {
    @TempDir
    Path workDir;

    @Test
    void theUberJarServesTheApiAndLogsJson() throws Exception {
        Path uberJar = built("roofworx.uberJar");
        Path jsonLogging = built("roofworx.jsonLogging");
        try (BackingServices services = BackingServices.start()) {
            DevTokens tokens = new DevTokens();
            int port = BackingServices.freePort();
            PayaraProcess payara = PayaraProcess.uberJar(uberJar, port, workDir,
                    List.of("--logProperties", jsonLogging.toString()));
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            try {
                payara.start(AppSettingsFor.of(services, tokens));
                payara.awaitReady(base.resolve("health/ready"));
                Api api = new Api(base, tokens);

                Answer ready = api.http().get("/health/ready");
                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(ready.body()).contains("\"redis\":\"UP\"", "\"postgresql\":\"UP\"");
                Answer projects = api.projects(api.worker(ANA));
                assertThat(projects.status()).as(projects.body()).isEqualTo(200);
                assertThat(projects.array()).isNotEmpty();
                assertThat(api.http().get("api/projects").status()).isEqualTo(401);
                assertThat(api.http().get("api/projects", bearer(tokens.tokenFromIssuer("https://other.example",
                        ANA, "worker"))).status()).isEqualTo(401);

                JsonObject readyRecord = Json.createReader(new StringReader(readyLine(payara.log()))).readObject();
                assertThat(readyRecord.getString("LogMessage")).contains("ready in");
                assertThat(readyRecord).containsKeys("Timestamp", "Level", "LoggerName");
            } finally {
                payara.stop();
            }
        }
    }

    private static Path built(String property) {
        Path file = Path.of(System.getProperty(property, "unset"));
        assertThat(file).as(property + ": run with -Puberjar, which builds it").isRegularFile();
        return file;
    }

    private static String readyLine(Path log) throws java.io.IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(") ready in ")).findFirst()
                .orElseThrow(() -> new AssertionError("no ready line in " + log));
    }
}

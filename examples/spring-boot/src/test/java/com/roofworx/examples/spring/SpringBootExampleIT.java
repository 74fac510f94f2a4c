package com.roofworx.examples.spring;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.redis.RedisTestServer;
import com.roofworx.sdk.testkit.zoho.SimulatedUser;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app as it runs: Spring Boot on a random port, a real Redis, a real PostgreSQL and the Zoho CRM
 * simulator. An entry submitted over HTTP reaches PostgreSQL and Zoho CRM through the scheduled sync.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootExampleIT {
    private static final String WORKER = "anna@example.com";

    private static final RedisTestServer REDIS = RedisTestServer.start();
    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final ZohoCrmSimulator ZOHO = ZohoCrmSimulator.start();
    private static final String DEAL_ID;

    static {
        SimulatedUser anna = ZOHO.addUser(WORKER, "Anna Roofer");
        DEAL_ID = ZOHO.addDeal("Maple St re-roof", "Closed Won", "Maple Holdings", "12 Maple St");
        ZOHO.assign(DEAL_ID, anna.id());
    }

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry registry;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
        properties.add("roofworx.redis-uri", REDIS::uri);
        properties.add("roofworx.key-prefix", RedisTestServer::freshPrefix);
        properties.add("roofworx.sync.interval", () -> "200ms");
        properties.add("roofworx.sync.cold-linger", () -> "0s");
        properties.add("roofworx.zoho.base-url", ZOHO::baseUrl);
        properties.add("roofworx.zoho.client-id", () -> ZohoCrmSimulator.CLIENT_ID);
        properties.add("roofworx.zoho.client-secret", () -> ZohoCrmSimulator.CLIENT_SECRET);
        properties.add("roofworx.zoho.refresh-token", () -> ZohoCrmSimulator.REFRESH_TOKEN);
    }

    @AfterAll
    static void stopServers() throws IOException {
        ZOHO.close();
        POSTGRES.close();
        REDIS.close();
    }

    @Test
    void aSubmittedEntryReachesPostgresAndZoho() {
        ResponseEntity<List<Project>> projects = http.exchange("/api/projects", HttpMethod.GET, asWorker(null),
                new ParameterizedTypeReference<>() { });
        assertThat(projects.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(projects.getBody()).extracting(Project::id).containsExactly(DEAL_ID);

        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = Map.of("id", id.toString(), "projectId", DEAL_ID, "workDate", today.toString(),
                "minutes", 240, "notes", "Tear-off, north slope");
        ResponseEntity<Map<String, Object>> submitted = http.exchange("/api/time-entries", HttpMethod.POST,
                asWorker(body), new ParameterizedTypeReference<>() { });
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submitted.getBody()).containsEntry("id", id.toString());

        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM roofworx.time_entry WHERE id = ?", Integer.class,
                id) == 1);
        eventually(() -> ZOHO.records(ZohoCrmSimulator.TIME_ENTRIES).stream().anyMatch(r -> holds(r, id)));
        assertThat(ZOHO.records(ZohoCrmSimulator.TIME_ENTRIES).stream().filter(r -> holds(r, id))).hasSize(1);

        ResponseEntity<List<Map<String, Object>>> listed = http.exchange("/api/time-entries", HttpMethod.GET,
                asWorker(null), new ParameterizedTypeReference<>() { });
        assertThat(listed.getBody()).extracting(e -> e.get("id")).containsExactly(id.toString());

        assertThat(registry.get("roofworx.entries.submitted").tags("result", "created", "tier", "hot").counter()
                .count()).isEqualTo(1);
        eventually(() -> registry.get("roofworx.sync.lag").tag("destination", "cold").timer().count() == 1);
        assertThat(registry.get("roofworx.sync.queue.depth").gauge().value()).isZero();
    }

    @Test
    void requestsWithoutAWorkerAreRefused() {
        ResponseEntity<String> reply = http.getForEntity("/api/time-entries", String.class);
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static boolean holds(JsonObject record, UUID id) {
        return record.get(ZohoCrmSimulator.ENTRY_UUID) instanceof JsonString s && s.getString().equals(id.toString());
    }

    private static HttpEntity<Object> asWorker(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TimeEntryController.USER_HEADER, WORKER);
        return new HttpEntity<>(body, headers);
    }

    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

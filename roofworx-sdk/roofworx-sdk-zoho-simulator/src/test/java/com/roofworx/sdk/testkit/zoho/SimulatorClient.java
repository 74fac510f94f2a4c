package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare HTTP client for the simulator's tests: raw requests, raw replies. */
final class SimulatorClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ZohoCrmSimulator simulator;

    SimulatorClient(ZohoCrmSimulator simulator) {
        this.simulator = simulator;
    }

    /** An HTTP reply: status, Retry-After header and the JSON body (null when empty). */
    record Reply(int status, String retryAfter, JsonObject body) {
    }

    Reply token(String refreshToken) throws IOException, InterruptedException {
        String form = "grant_type=refresh_token&client_id=" + enc(ZohoCrmSimulator.CLIENT_ID)
                + "&client_secret=" + enc(ZohoCrmSimulator.CLIENT_SECRET) + "&refresh_token=" + enc(refreshToken);
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String accessToken() throws IOException, InterruptedException {
        return token(ZohoCrmSimulator.REFRESH_TOKEN).body().getString("access_token");
    }

    Reply get(String token, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Zoho-oauthtoken " + token);
        }
        return send(request);
    }

    Reply upsert(String token, String module, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/crm/v8/" + module + "/upsert"))
                .header("Authorization", "Zoho-oauthtoken " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = response.body().isBlank() ? null
                : Json.createReader(new StringReader(response.body())).readObject();
        return new Reply(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), body);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.roofworx.sdk.testkit.zoho;

import com.roofworx.sdk.spi.Clock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes every request: the token endpoint, then (after the scripted outages, the token check and the
 * scripted "next N" faults) the records, search, users and upsert endpoints.
 */
final class SimulatorHandler implements HttpHandler {
    private static final String API = "/crm/v8/";

    private final CrmStore store;
    private final TokenService tokens;
    private final RecordReader reader;
    private final UpsertProcessor upserts;
    private final SimulatorFaults faults;
    private final CallCounters counters;
    private final Clock clock;
    private final Supplier<String> baseUrl;

    SimulatorHandler(CrmStore store, TokenService tokens, UpsertProcessor upserts, SimulatorFaults faults,
                     CallCounters counters, Clock clock, Supplier<String> baseUrl) {
        this.store = store;
        this.tokens = tokens;
        this.reader = new RecordReader(store);
        this.upserts = upserts;
        this.faults = faults;
        this.counters = counters;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException e) {
            SimulatorHttp.send(exchange, 500, Replies.error("INTERNAL_ERROR", String.valueOf(e)));
        }
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/oauth/v2/token") && method.equals("POST")) {
            token(exchange);
            return;
        }
        if (!path.startsWith(API)) {
            SimulatorHttp.send(exchange, 404, Replies.error("INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one"));
            return;
        }
        String[] parts = path.substring(API.length()).split("/");
        boolean isUpsert = method.equals("POST") && parts.length == 2 && parts[1].equals("upsert");
        if (isUpsert) {
            counters.upsertRequest(clock.now());
        }
        sleep(faults.takeSlow());
        Optional<Outage> outage = faults.apiOutage(isUpsert);
        if (outage.isPresent()) {
            answer(exchange, outage.get(), Replies.error(outage.get().status() == 429 ? "TOO_MANY_REQUESTS"
                    : "SERVICE_UNAVAILABLE", "scripted outage"));
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        if (faults.takeRateLimited()) {
            counters.rateLimitedReply();
            int retryAfter = faults.retryAfterSeconds();
            if (retryAfter >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
            }
            SimulatorHttp.send(exchange, 429, Replies.error("TOO_MANY_REQUESTS", "too many requests"));
            return;
        }
        if (faults.takeServerError()) {
            SimulatorHttp.send(exchange, 500, Replies.error("INTERNAL_ERROR", "Internal Server Error"));
            return;
        }
        Map<String, String> query = SimulatorHttp.query(exchange);
        if (method.equals("GET") && parts.length == 1 && parts[0].equals("users")) {
            counters.userRead();
            reply(exchange, reader.users(query));
        } else if (method.equals("GET") && parts.length == 1) {
            counters.recordRead();
            reply(exchange, reader.list(parts[0], query));
        } else if (method.equals("GET") && parts.length == 2 && parts[1].equals("search")) {
            counters.search();
            reply(exchange, reader.search(parts[0], query));
        } else if (isUpsert) {
            upsert(exchange, parts[0]);
        } else {
            SimulatorHttp.send(exchange, 404, Replies.error("INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one"));
        }
    }

    private void token(HttpExchange exchange) throws IOException, InterruptedException {
        counters.tokenRequest();
        Map<String, String> form = SimulatorHttp.decodeForm(SimulatorHttp.body(exchange));
        sleep(faults.tokenDelay());
        Optional<Outage> outage = faults.tokenOutage();
        if (outage.isPresent()) {
            // The accounts server's own error pages are not JSON: no body at all is closest.
            answer(exchange, outage.get(), null);
            return;
        }
        if (faults.takeInvalidCode()) {
            SimulatorHttp.send(exchange, 200, jsonError("invalid_code"));
            return;
        }
        Map.Entry<Integer, JsonObject> reply = tokens.mint(form, baseUrl.get(), clock.now());
        if (reply.getValue().containsKey("access_token")) {
            counters.tokenMinted();
        }
        reply(exchange, reply);
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        TokenService.Check check = tokens.check(exchange.getRequestHeaders().getFirst("Authorization"), clock.now());
        JsonObject refusal = null;
        if (check == TokenService.Check.MISSING) {
            refusal = Replies.error("AUTHENTICATION_FAILURE", "Authentication failed");
        } else if (check == TokenService.Check.INVALID || faults.takeInvalidToken()) {
            refusal = Replies.error("INVALID_TOKEN", "invalid oauth token");
        } else if (faults.takeScopeMismatch()) {
            refusal = Replies.error("OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL");
        }
        if (refusal != null) {
            counters.unauthorizedReply();
            SimulatorHttp.send(exchange, 401, refusal);
            return false;
        }
        return true;
    }

    private void upsert(HttpExchange exchange, String module) throws IOException {
        JsonObject body = SimulatorHttp.jsonBody(SimulatorHttp.body(exchange));
        if (body == null) {
            SimulatorHttp.send(exchange, 400, Replies.error("INVALID_DATA", "body is not a JSON object"));
            return;
        }
        counters.upsert(body.containsKey("data") && body.get("data") instanceof jakarta.json.JsonArray a ? a.size() : 0);
        Map.Entry<Integer, JsonObject> reply = upserts.upsert(module, body, clock.now());
        if (faults.takeDropAfterWrite()) {
            // Closing before any response header is sent makes the server drop the connection:
            // the write stays applied and the caller sees the connection end without a reply.
            exchange.close();
            return;
        }
        reply(exchange, reply);
    }

    private void answer(HttpExchange exchange, Outage outage, JsonObject body) throws IOException {
        if (outage.status() == 429) {
            counters.rateLimitedReply();
        }
        if (outage.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(outage.retryAfter().toSeconds()));
        }
        SimulatorHttp.send(exchange, outage.status(), body);
    }

    private static void reply(HttpExchange exchange, Map.Entry<Integer, JsonObject> reply) throws IOException {
        SimulatorHttp.send(exchange, reply.getKey(), reply.getValue());
    }

    private static JsonObject jsonError(String error) {
        return jakarta.json.Json.createObjectBuilder().add("error", error).build();
    }

    private static void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }

    CrmStore store() {
        return store;
    }
}

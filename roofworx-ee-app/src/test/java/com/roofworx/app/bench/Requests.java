package com.roofworx.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The three requests the bench sends, spread over the workers it has tokens for. */
final class Requests {
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final List<String> tokens;
    private final List<String> projects = new ArrayList<>();
    private final AtomicLong next = new AtomicLong();

    Requests(URI base, List<String> tokens) throws IOException, InterruptedException {
        this.base = base;
        this.tokens = tokens;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String token : tokens) {
            String body = client.send(projectsRequest(token), HttpResponse.BodyHandlers.ofString()).body();
            Matcher first = FIRST_ID.matcher(body);
            if (!first.find()) {
                throw new IllegalStateException("a worker of the bench has no project to book to");
            }
            projects.add(first.group(1));
        }
    }

    /** The container's own floor: a health check that touches neither Redis nor PostgreSQL. */
    Supplier<HttpRequest> live() {
        HttpRequest live = HttpRequest.newBuilder(base.resolve("health/live")).GET().build();
        return () -> live;
    }

    Supplier<HttpRequest> projects() {
        return () -> projectsRequest(tokens.get(worker()));
    }

    /** A new entry each time, with its own id, as the field app sends them. */
    Supplier<HttpRequest> submit() {
        return () -> {
            int w = worker();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String json = "{\"id\":\"" + new UUID(random.nextLong(), random.nextLong()) + "\",\"projectId\":\""
                    + projects.get(w) + "\",\"workDate\":\"" + LocalDate.now(ZoneOffset.UTC)
                    + "\",\"minutes\":60,\"notes\":\"Ridge cap and flashing, north side\"}";
            return HttpRequest.newBuilder(base.resolve("api/time-entries"))
                    .header("Authorization", "Bearer " + tokens.get(w)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        };
    }

    private HttpRequest projectsRequest(String token) {
        return HttpRequest.newBuilder(base.resolve("api/projects")).header("Authorization", "Bearer " + token)
                .GET().build();
    }

    private int worker() {
        return (int) (next.getAndIncrement() % tokens.size());
    }
}

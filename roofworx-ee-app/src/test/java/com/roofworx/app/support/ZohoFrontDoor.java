package com.roofworx.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through in front of the Zoho CRM simulator that can make Zoho's token endpoint answer an HTTP error
 * (429, 503) for the next token requests: the simulator scripts faults on API calls only.
 */
public final class ZohoFrontDoor implements AutoCloseable {
    private static final String TOKEN_PATH = "/oauth/v2/token";
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final AtomicInteger failTokens = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger();
    private final AtomicInteger tokenFailuresSent = new AtomicInteger();

    private ZohoFrontDoor(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zoho-front-door");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static ZohoFrontDoor to(String simulatorBaseUrl) {
        try {
            return new ZohoFrontDoor(simulatorBaseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} token requests answer {@code status} (with Retry-After: 1) without reaching Zoho. */
    public void failTokenRequests(int n, int status) {
        failStatus.set(status);
        failTokens.set(n);
    }

    /** Token requests answered with a scripted failure so far. */
    public int tokenFailuresSent() {
        return tokenFailuresSent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals(TOKEN_PATH)
                    && failTokens.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                tokenFailuresSent.incrementAndGet();
                byte[] reply = "{\"error\":\"busy\"}".getBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Retry-After", "1");
                exchange.sendResponseHeaders(failStatus.get(), reply.length);
                exchange.getResponseBody().write(reply);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] reply = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

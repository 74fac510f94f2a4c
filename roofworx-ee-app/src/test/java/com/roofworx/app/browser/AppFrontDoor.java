package com.roofworx.app.browser;

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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through in front of the app, on its own origin, that can lose answers: the next {@code n} submits are
 * forwarded and answered by the app (the entry is stored), then the connection is closed before a byte of the
 * answer reaches the browser, as when a phone's connection drops at the worst moment.
 */
public final class AppFrontDoor implements AutoCloseable {
    private static final String SUBMIT = "/api/time-entries";
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final AtomicInteger dropAnswers = new AtomicInteger();
    private final List<Integer> submitStatuses = new CopyOnWriteArrayList<>();
    private final List<Integer> droppedStatuses = new CopyOnWriteArrayList<>();

    private AppFrontDoor(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "app-front-door");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static AppFrontDoor to(URI target) {
        try {
            return new AppFrontDoor(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The front door's own origin, a different one from the app's: http://localhost:PORT/ */
    public URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** The next {@code n} submits reach the app, but their answers never reach the browser. */
    public void dropNextSubmitAnswers(int n) {
        dropAnswers.set(n);
    }

    /** The app's status for every submit that went through, dropped or not, in order. */
    public List<Integer> submitStatuses() {
        return List.copyOf(submitStatuses);
    }

    /** The app's status for the submits whose answers were dropped. */
    public List<Integer> droppedStatuses() {
        return List.copyOf(droppedStatuses);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean drop = false;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = target.resolve(exchange.getRequestURI().getRawPath().substring(1)
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean submit = "POST".equals(exchange.getRequestMethod()) && SUBMIT.equals(exchange.getRequestURI().getPath());
            if (submit) {
                submitStatuses.add(answer.statusCode());
                drop = dropAnswers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
                if (drop) {
                    droppedStatuses.add(answer.statusCode());
                    return;
                }
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] reply = answer.body();
            boolean empty = reply.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                    || answer.statusCode() == 204 || answer.statusCode() == 304;
            exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : reply.length);
            if (!empty) {
                exchange.getResponseBody().write(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Closing an exchange that sent no headers closes the connection: the browser sees it drop.
            exchange.close();
        }
    }
}

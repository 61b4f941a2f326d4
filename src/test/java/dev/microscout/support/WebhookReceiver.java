package dev.microscout.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: an HTTP server on 127.0.0.1 that records every request (headers, body, when) and
 * answers with the statuses it was told, in order, then 204. It can be started on a port chosen in advance, so that
 * an endpoint can be registered while nothing listens yet.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived; header names in lower case. */
    public record Received(Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free port. */
    public static WebhookReceiver start() {
        return new WebhookReceiver(0).listen();
    }

    /** A receiver for {@code port}, not listening until {@link #listen()}. */
    public static WebhookReceiver onPort(int port) {
        return new WebhookReceiver(port);
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized WebhookReceiver listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("The receiver cannot listen on port " + port, e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(headers, body, Instant.now()));
            exchange.sendResponseHeaders(nextAnswer(), -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    /** The statuses to answer with, in order, before answering 204 again. */
    public synchronized WebhookReceiver answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    private synchronized int nextAnswer() {
        return answers.isEmpty() ? 204 : answers.poll();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    public int port() {
        return server == null ? port : server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until {@code count} requests matching {@code which} arrived, and returns them. */
    public List<Received> await(int count, Predicate<Received> which, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " matching webhook requests within " + timeout + ", got "
                        + matching.size() + " (of " + received.size() + " received)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Requests carrying an event of this type. */
    public static Predicate<Received> ofType(String type) {
        return r -> r.body().contains("\"type\":\"" + type + "\"");
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}

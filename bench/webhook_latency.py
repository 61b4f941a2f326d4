#!/usr/bin/env python3
"""Webhook latency: from the committed change to the receiver's 2xx, at a steady rate of events.

Starts a receiver on 127.0.0.1, registers it for the demo organisation (ADMIN key), then sends
POST /api/v1/webhooks/{id}/test at RATE requests a second for SECONDS: each commits one event to the outbox in
its request's transaction. The receiver answers 204 and notes when each delivery arrived; the latency of an
event is its arrival minus the event's own timestamp (taken inside the committing transaction, so at or before
the commit: the figure errs on the long side). Prints p50, p95, p99 and the maximum.
A service just started queues its first events while it compiles its code: --warmup seconds of events (10 by
default) go first and are reported on a line of their own.
Usage: bench/webhook_latency.py --url http://localhost:PORT --key ADMIN_KEY [--rate 100] [--seconds 30] [--warmup 10]
"""
import argparse
import datetime
import concurrent.futures
import http.client
import http.server
import json
import statistics
import threading
import time
import urllib.parse
import urllib.request

arrivals = {}
lock = threading.Lock()


class Receiver(http.server.BaseHTTPRequestHandler):
    # Keeps connections open, as a real receiver does: a server that closes each one after its answer makes the
    # service's pooled connection fail on its next use.
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        at = time.time()
        with lock:
            arrivals.setdefault(self.headers.get("webhook-id"), (at, body))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def call(url, key, method="GET", body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"X-API-Key": key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


# One kept-alive connection per sending thread: a new connection per request held the sender near 80 a second.
connections = threading.local()


def post_kept_alive(url, key):
    parts = urllib.parse.urlsplit(url)
    for attempt in range(2):
        if getattr(connections, "conn", None) is None:
            connections.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            connections.conn.request("POST", parts.path, headers={"X-API-Key": key, "Content-Length": "0"})
            response = connections.conn.getresponse()
            return json.loads(response.read() or b"null")
        except (http.client.HTTPException, OSError):
            connections.conn.close()
            connections.conn = None
            if attempt == 1:
                raise


def percentile(values, p):
    """The p-th percentile (0–1) of sorted values, by rank."""
    return values[min(len(values) - 1, int(len(values) * p))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--rate", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=10, help="seconds of events sent first and reported apart")
    a = parser.parse_args()

    class Server(http.server.ThreadingHTTPServer):
        # The default backlog of 5 refuses connections when deliveries arrive in bursts; a refused delivery is retried
        # seconds later and would be measured as the receiver's fault.
        request_queue_size = 256
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook = call(a.url + "/api/v1/webhooks", a.key, "POST",
                {"url": f"http://127.0.0.1:{server.server_port}/hooks", "events": ["import.completed"],
                 "description": "latency bench"})
    hook_id = hook["webhook"]["id"]

    def occurred(body):
        stamp = json.loads(body)["timestamp"]
        return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()

    def phase(seconds):
        """Sends RATE events a second for SECONDS and waits for them: {messageId: when the client had its answer}."""
        committed = {}
        start = time.time() + 0.5

        def send(i):
            due = start + i / a.rate
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            answer = post_kept_alive(f"{a.url}/api/v1/webhooks/{hook_id}/test", a.key)
            return answer, time.time()

        with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
            for answer, at in pool.map(send, range(a.rate * seconds)):
                committed[answer.get("messageId") or answer.get("webhookId") or json.dumps(answer)] = at
        sent_for = time.time() - start
        deadline = time.time() + 60
        while time.time() < deadline:
            with lock:
                if all(m in arrivals for m in committed):
                    break
            time.sleep(0.2)
        return committed, sent_for

    # A service just started compiles its code while the first events arrive: those queue for a few seconds. The
    # warm-up phase is reported on its own line; the figures that count are the steady ones after it.
    if a.warmup > 0:
        warm, _ = phase(a.warmup)
        early = sorted((arrivals[m][0] - occurred(arrivals[m][1])) * 1000 for m in warm if m in arrivals)
        if early:
            print(f"warm-up, {len(warm)} events over {a.warmup} s from a fresh start: p50 {percentile(early, 0.5):.0f} ms, "
                  f"p95 {percentile(early, 0.95):.0f} ms, max {early[-1]:.0f} ms (not counted below)")
    committed, sent_for = phase(a.seconds)
    total = len(committed)
    # From the event's own time (stamped in the transaction that commits it, so at or before the commit) to arrival.
    latencies = sorted((arrivals[m][0] - occurred(arrivals[m][1])) * 1000 for m in committed if m in arrivals)
    missing = len(committed) - len(latencies)
    # Deliveries that needed more than one attempt, and why: a slow tail is either the service or the receiver.
    retried, reasons, page = 0, {}, 0
    # Where the time goes: from the event's stamp to the first attempt (the commit and the dispatcher picking the
    # delivery up), from the attempt to arrival (the send and the receiver), and from the stamp to the response the
    # client got (the request's own tail after the stamp, its commit included).
    to_attempt, to_arrival, to_response = [], [], []
    while True:
        deliveries = call(f"{a.url}/api/v1/webhooks/{hook_id}/deliveries?size=100&page={page}", a.key)
        for d in deliveries["items"]:
            m = d["messageId"]
            if m in arrivals and m in committed and d["attempts"]:
                stamp = occurred(arrivals[m][1])
                attempted = datetime.datetime.fromisoformat(d["attempts"][0]["attemptedAt"].replace("Z", "+00:00")).timestamp()
                to_attempt.append((attempted - stamp) * 1000)
                to_arrival.append((arrivals[m][0] - attempted) * 1000)
                to_response.append((committed[m] - stamp) * 1000)
            if len(d["attempts"]) > 1:
                retried += 1
                for attempt in d["attempts"][:-1]:
                    reason = attempt.get("error") or str(attempt.get("statusCode"))
                    reasons[reason] = reasons.get(reason, 0) + 1
        page += 1
        if page * 100 >= deliveries["total"]:
            break
    call(f"{a.url}/api/v1/webhooks/{hook_id}", a.key, "DELETE")

    print(f"{total} test events in {sent_for:.1f} s ({total / sent_for:.0f}/s); received {len(latencies)}, missing {missing}")
    print(f"commit to receipt: p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
          f"p99 {percentile(latencies, 0.99):.0f} ms, max {latencies[-1]:.0f} ms, mean {statistics.mean(latencies):.0f} ms")

    def spread(values):
        values = sorted(values)
        return f"p50 {percentile(values, 0.5):.0f} ms, p95 {percentile(values, 0.95):.0f} ms" if values else "none"

    print(f"  stamp to first attempt: {spread(to_attempt)}; attempt to arrival: {spread(to_arrival)}; "
          f"stamp to the client's response: {spread(to_response)}")
    print(f"deliveries retried, the warm-up's included: {retried}" + (f" (failed attempts: {reasons})" if reasons else ""))


if __name__ == "__main__":
    main()

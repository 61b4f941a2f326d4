#!/usr/bin/env python3
"""Recomputation of one channel after a batch of 50 posts, measured at the service.

Sends a 50-post batch to each of N channels of a running Microscout (one at a time, as a CRM sync does),
then reads the service's own timer of the recomputation (microscout_metrics_recompute_seconds) from
/q/metrics, and the client-side latency of the whole request (validation, upsert of 50 posts,
recomputation, response).

    python3 bench/metrics_recompute.py --url http://localhost:8080 --key msk_... [--channels 300]
"""
import argparse
import datetime
import json
import random
import statistics
import time
import urllib.request


def call(url, key, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"X-API-Key": key, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req) as resp:
        return resp.status, resp.read()


def channel_ids(base, key, wanted):
    ids, page = [], 0
    while len(ids) < wanted:
        _, body = call(f"{base}/api/v1/influencers?size=100&page={page}", key)
        items = json.loads(body)["items"]
        if not items:
            break
        ids += [c["id"] for i in items for c in i["channels"]]
        page += 1
    return ids[:wanted]


def batch(rng, run):
    now = datetime.datetime.now(datetime.timezone.utc)
    posts = []
    for i in range(50):
        likes = int(rng.lognormvariate(6, 1))
        posts.append({
            "externalId": f"bench-{run}-{i}",
            "postedAt": (now - datetime.timedelta(days=rng.uniform(0, 89), seconds=60)).isoformat(),
            "format": rng.choice(["PHOTO", "CAROUSEL", "REEL", "VIDEO"]),
            "sponsored": rng.random() < 0.15,
            "views": likes * rng.randint(5, 20), "reach": likes * rng.randint(3, 10),
            "likes": likes, "comments": max(0, int(likes * rng.uniform(0.01, 0.05))),
            "saves": int(likes * 0.1), "shares": int(likes * 0.04), "linkClicks": int(likes * 0.02), "dms": int(likes * 0.01),
            "tags": ["bench"],
        })
    return {"posts": posts}


def prometheus(base):
    with urllib.request.urlopen(f"{base}/q/metrics") as resp:
        lines = resp.read().decode().splitlines()
    return {l.split(" ")[0]: float(l.split(" ")[1]) for l in lines if l.startswith("microscout_metrics_recompute_seconds")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--key", required=True)
    parser.add_argument("--channels", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(20261123)
    ids = channel_ids(args.url, args.key, args.channels)
    warm = ids[: max(1, len(ids) // 10)]
    for cid in warm:  # warm-up: JIT, connection pool, caches
        call(f"{args.url}/api/v1/channels/{cid}/posts", args.key, "POST", batch(rng, "warm"))
    before = prometheus(args.url)
    latencies = []
    for cid in ids:
        started = time.perf_counter()
        status, _ = call(f"{args.url}/api/v1/channels/{cid}/posts", args.key, "POST", batch(rng, "run"))
        latencies.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
    after = prometheus(args.url)
    count = after["microscout_metrics_recompute_seconds_count"] - before.get("microscout_metrics_recompute_seconds_count", 0)
    total = after["microscout_metrics_recompute_seconds_sum"] - before.get("microscout_metrics_recompute_seconds_sum", 0)
    q = {k.split('quantile="')[1].split('"')[0]: v * 1000 for k, v in after.items() if "quantile" in k}
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    print(f"channels: {len(ids)} batches of 50 posts (after {len(warm)} warm-up batches)")
    print(f"recompute at the service: mean {total / count * 1000:.2f} ms over {int(count)}; "
          f"p50 {q.get('0.5', float('nan')):.2f} ms, p95 {q.get('0.95', float('nan')):.2f} ms, p99 {q.get('0.99', float('nan')):.2f} ms "
          f"(Micrometer's decaying window)")
    print(f"whole request (50-post upsert + recompute), client side: p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, "
          f"max {latencies[-1]:.1f} ms, mean {statistics.mean(latencies):.1f} ms")


if __name__ == "__main__":
    main()

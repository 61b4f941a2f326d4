#!/usr/bin/env python3
"""The raw-SQL floor of the ranked search, and the report that sets the service beside it.

    search_floor.py prepare --briefs bench/briefs --out DIR
        Writes DIR/briefs.ndjson (one brief per line, for wrk) and DIR/floor-NN.sql: for each brief the statement
        the service runs to rank it, with its parameters written in, for pgbench. Reads the niche taxonomy and the
        peer baselines with psql (connection from the PG* environment variables).

    search_floor.py agree --dir DIR --url URL --key KEY
        Sends every brief to the service and checks that its page lists the same channels, in the same order,
        as the floor's statement: the floor measures the service's own ranking, not a look-alike.

    search_floor.py report --wrk FILE --pgbench-out FILE --pgbench-logs PREFIX [--out FILE]
        Prints throughput and p50/p95/p99 of the service (wrk) and of the floor (pgbench), and their ratio.

The statement follows SearchPlan (perf/FLOOR.md's design): one index-only range scan of search_entry_scan per
top-level niche of the brief, the score as inline arithmetic (0.4 nicheFit + 0.35 engagementPercentile +
0.25 reputation; the percentile by width_bucket over the peer group's thresholds), the best k = 25 rows, then
one per influencer, a page of 20, the count of matching channels (for a brief of one top-level niche from the counts
kept per range, as the service reads it; FLOOR_TOTAL=rows counts the rows instead, as the service did before V21)
and the rows kept. A probe of the rows with the
highest engagement rates sets the rate below which no channel can reach the top k, and the scan starts there.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import urllib.request

WEIGHTS = {"nicheFit": 0.4, "engagement": 0.35, "reputation": 0.25}
PLATFORMS = ["INSTAGRAM", "TIKTOK", "YOUTUBE", "X", "FACEBOOK"]
PARENT_SHARE, GRANDPARENT_SHARE = 0.5, 0.25


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1"], input=sql,
                         check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def unit_vector(niches, parent):
    """The brief's niche vector expanded over the taxonomy and scaled to length 1, as NicheFit does."""
    expanded = {}
    for slug, weight in niches.items():
        expanded[slug] = expanded.get(slug, 0) + weight
        up = parent.get(slug)
        if up:
            expanded[up] = expanded.get(up, 0) + weight * PARENT_SHARE
            grand = parent.get(up)
            if grand:
                expanded[grand] = expanded.get(grand, 0) + weight * GRANDPARENT_SHARE
    length = sum(w * w for w in expanded.values()) ** 0.5
    return {slug: w / length for slug, w in expanded.items() if w > 0}


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def floor_query(brief, taxonomy, baselines):
    """The statement SearchPlan builds for a brief of this benchmark's kind (niches, one platform, tier and country,
    minAuthenticity, page and size; no audience, price, keywords or weights), with its parameters written in as
    literals of the types the service binds. Keep it in step with src/main/java/dev/microscout/discovery/SearchPlan.java:
    `search_floor.py agree` checks that both rank every brief alike."""
    parent = {slug: p for slug, (p, _, _, _) in taxonomy.items()}
    mask = {slug: (1 << int(bit)) if bit else 0 for slug, (_, _, _, bit) in taxonomy.items()}
    platforms, tiers, countries = brief.get("platforms") or [], brief.get("tiers") or ["MICRO"], brief.get("countries") or []
    page, size = brief.get("page", 0), brief.get("size", 20)
    offset, k = page * size, page * size + size + max(5, size // 4)
    peers = [(p, t) for p in (platforms or PLATFORMS) for t in tiers if (p, t) in baselines]
    def count(p, t):
        return len(baselines[(p, t)].strip("{}").split(","))
    def group(p, t):
        return peers.index((p, t))
    def bucket(p, t):
        return (f"width_bucket(s.engagement_rate * (1 - 1e-12), (select group_{group(p, t)} from peer_rates))::float8"
                f" / (select count_{group(p, t)} from peer_rates)")
    if not peers:
        engagement = "0::float8"
    elif len(peers) == 1 and len(platforms) == 1 and len(tiers) == 1:
        engagement = f"case when s.sample_too_small then 0 else coalesce({bucket(*peers[0])}, 0) end"
    else:
        engagement = "case when s.sample_too_small or s.engagement_rate is null then 0" + "".join(
            f" when s.platform = '{p}' and s.tier = '{t}' then {bucket(p, t)}" for p, t in peers) + " else 0 end"
    by_root = {}
    for slug, weight in unit_vector({n["niche"]: n["weight"] for n in brief["niches"]}, parent).items():
        _, root, position, _ = taxonomy[slug]
        by_root.setdefault(root, {})[position] = weight
    w = WEIGHTS
    score = f"{w['nicheFit']!r} * niche_fit + {w['engagement']!r} * engagement + {w['reputation']!r} * reputation + 0.0 * coalesce(audience_fit, 0)"
    def whole_root(root, weights):
        # The brief weighs the root and every niche under it is a child or grandchild: niche fit filters nothing.
        depth = lambda slug: 0 if parent.get(slug) is None else 1 + depth(parent[slug])
        return weights.get(0, 0) > 0 and all(depth(s) <= 2 for s, (_, r, _, _) in taxonomy.items() if r == root)
    def scan(root, weights, branch=None, count_only=False):
        fit = "(" + " + ".join(f"coalesce(s.niche_vec[{pos + 1}], 0) * {w!r}" for pos, w in sorted(weights.items())) + ")"
        where = f" where s.root_niche = {quote(root)}::varchar"
        if branch:
            where += f" and s.platform = {quote(branch[0])}::varchar and s.tier = {quote(branch[1])}::varchar and s.country = {quote(branch[2])}::varchar"
        else:
            if platforms:
                where += f" and s.platform {one_of(platforms)}"
            where += f" and s.tier {one_of(tiers)}"
            if countries:
                where += f" and s.country {one_of(countries)}"
        if brief.get("minAuthenticity") is not None:
            where += f" and s.authenticity >= {int(brief['minAuthenticity'])}"
        if not whole_root(root, weights):
            where += f" and {fit} > 0"
        if count_only:
            return f"select s.channel_id from search_entry s{where}"
        return f"""select s.channel_id, s.influencer_id, s.platform, s.tier, s.engagement_rate, s.sample_too_small, s.reputation,
       s.authenticity, s.followers, s.rate_currency, s.rate_price, {engagement} as engagement, null::float8 as audience_fit,
       null::float8 as nearness, null::float8 as overlap, {fit} as niche_fit from search_entry s{where}"""
    roots = sorted(by_root.items())
    masked = all(mask[root] for root, _ in roots)
    def range_counts(root):
        # The counts kept per range (search_count) at the brief's authenticity level, and the changes not folded yet.
        level = max(0, min(101, int(brief.get("minAuthenticity") or 0)))
        conditions = [f"root_niche = {quote(root)}::varchar"]
        if platforms:
            conditions.append(f"platform {one_of(platforms)}")
        conditions.append(f"tier {one_of(tiers)}")
        if countries:
            conditions.append(f"country {one_of(countries)}")
        where = lambda a: " and ".join(f"{a}.{c}" for c in conditions)
        changed = where("d") + (f" and d.authenticity >= {level}" if level > 0 else "")
        return (f"((select coalesce(sum(c.at_least[{level + 1}]), 0) from search_count c where {where('c')})"
                f" + (select coalesce(sum(d.delta), 0) from search_count_change d where {changed}))")
    if len(roots) == 1 and whole_root(*roots[0]) and os.environ.get("FLOOR_TOTAL") != "rows":
        # As SearchPlan.countedByRange: every filter of these briefs is a range column.
        total = range_counts(roots[0][0])
    elif len(roots) == 1:
        total = f"(select count(*) from ({scan(*roots[0], count_only=True)}) n)"
    elif masked and all(whole_root(root, weights) for root, weights in roots):
        # Each channel counted under the first of the brief's roots it has.
        terms = []
        for i, (root, weights) in enumerate(roots):
            earlier = "" if i == 0 else f" and (s.root_mask & {sum(mask[r] for r, _ in roots[:i])}) = 0"
            terms.append(f"(select count(*) from ({scan(root, weights, count_only=True)}{earlier}) n)")
        total = "(" + "\n + ".join(terms) + ")"
    else:
        total = "(select count(*) from (" + "\n union\n".join(scan(r, ws, count_only=True) for r, ws in roots) + ") n)"
    # The peer groups' thresholds, read from peer_baseline once per statement.
    peer_rates = ""
    if peers:
        columns = ", ".join(f"b{i}.sorted_rates[1:] as group_{i}, cardinality(b{i}.sorted_rates) as count_{i}" for i in range(len(peers)))
        joins = "".join(f" left join peer_baseline b{i} on b{i}.platform = {quote(p)} and b{i}.tier = {quote(t)}"
                        for i, (p, t) in enumerate(peers))
        peer_rates = f"peer_rates as (select {columns} from (select 1) one{joins}),\n"
    text = f"with {peer_rates}counted as (select {total} as total),\n"
    branches = [(r, (p, t, c)) for r in roots for p in platforms for t in tiers for c in countries]
    cut = ""
    rated = [(p, t) for p, t in peers if count(p, t) > 0]
    if rated and platforms and countries and len(branches) <= 16 and w["engagement"] > 0:
        per_range = max(2 * k, 10 * k // len(branches))
        probes = [f"select channel_id, {score} as score from ({scan(root, weights, branch)} order by s.rank_rate desc limit (select greatest({per_range}, total / {16 * len(branches)}) from counted)) b"
                  for (root, weights), branch in branches]
        def rate(reach):
            # The rate a channel needs when niche fit can add at most reach (1, or one root's share of the brief).
            others = w["nicheFit"] * reach + w["reputation"] + 0.0
            needed = f"(t.score - 1e-9 - {others!r}) / {w['engagement']!r}"
            least = ", ".join(f"((select group_{group(*g)} from peer_rates))[least((select count_{group(*g)} from peer_rates), "
                              f"greatest(1, ceil({needed} * (select count_{group(*g)} from peer_rates) - 1e-9)::int))]"
                              for g in rated)
            return f"case when t.score is null or {needed} <= 0 then -2::float8 else coalesce(least({least}) * (1 - 1e-9), -2::float8) end"
        rates = [rate(1.0) + " as rate"]
        if len(roots) > 1 and masked:
            rates += [rate(sum(v * v for v in weights.values()) ** 0.5) + f" as rate_{i}" for i, (_, weights) in enumerate(roots)]
        text += ("probe as (select channel_id, max(score) as score from (" + "\n union all\n".join(probes) + ") p group by channel_id),\n"
                 f"cut as (select {', '.join(rates)}"
                 f" from (select 1) one left join (select score from probe order by score desc offset {k - 1} limit 1) t on true),\n")
        cut = " and s.rank_rate >= (select rate from cut)"
    union_all = "\n union all\n"
    columns = ("channel_id, influencer_id, platform, tier, engagement_rate, sample_too_small, reputation, authenticity, "
               "followers, rate_currency, rate_price, engagement, audience_fit, nearness, overlap")
    def others(root):
        return sum(mask[r] for r, _ in roots if r != root)
    if len(roots) == 1:
        merged = scan(*roots[0]) + cut
    else:
        # Channels with rows under only one of the brief's roots pass straight through; the others are grouped.
        alone = [scan(root, weights) + (f" and s.rank_rate >= (select rate_{i} from cut)" if cut else "")
                 + f" and (s.root_mask & {others(root)}) = 0" for i, (root, weights) in enumerate(roots)] if masked else []
        shared = [scan(root, weights) + cut + (f" and (s.root_mask & {others(root)}) <> 0" if masked else "") for root, weights in roots]
        merged = union_all.join(alone + [f"select {columns}, sum(niche_fit) as niche_fit from ({union_all.join(shared)}) parts group by {columns}"])
    order = "score desc, engagement_rate desc nulls last, channel_id"
    # The page's rows with what their explanations show (handle, names, niches, sample size, reviews), as the
    # service reads them in the same statement.
    return text + f"""top as (select c.*, {score} as score from ({merged}) c order by {order} limit {k}),
picked as (select top.*, row_number() over (partition by influencer_id order by {order}) as rn from top),
page as (select picked.*, (select total from counted) as total, (select count(*) from top) as kept
  from picked where rn = 1 order by {order} offset {offset} limit {size})
select page.*, d.* from page cross join lateral (
    select c.handle, null::text as audience, i.display_name, i.country, i.city, coalesce(m.posts_in_window, 0) as posts_in_window,
           (select r.review_count from influencer_reputation r where r.influencer_id = i.id) as review_count,
           (select json_object_agg(n.niche_slug, n.weight)::text from influencer_niche n where n.influencer_id = i.id) as niches
      from channel c join influencer i on i.id = c.influencer_id left join channel_metrics m on m.channel_id = c.id
     where c.id = page.channel_id) d
 order by {order};
"""


def array(values):
    return quote("{" + ",".join(values) + "}") + "::varchar[]"


def one_of(values):
    """A column among values, as SearchPlan.oneOf writes it: by equality when there is one."""
    return f"= {quote(values[0])}::varchar" if len(values) == 1 else f"= any({array(values)})"


def prepare(args):
    taxonomy = {slug: (p or None, root, int(pos), bit or None)
                for slug, p, root, pos, bit in psql("select slug, parent_slug, root_slug, position, root_bit from niche")}
    baselines = {(p, t): rates for p, t, rates in psql("select platform, tier, sorted_rates from peer_baseline")}
    os.makedirs(args.out, exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "floor-*.sql")):
        os.remove(old)
    files = sorted(glob.glob(os.path.join(args.briefs, "*.json")))
    totals = []
    with open(os.path.join(args.out, "briefs.ndjson"), "w") as ndjson:
        for number, path in enumerate(files, 1):
            with open(path) as f:
                brief = json.load(f)
            ndjson.write(json.dumps(brief, separators=(",", ":")) + "\n")
            query = floor_query(brief, taxonomy, baselines)
            with open(os.path.join(args.out, f"floor-{number:02d}.sql"), "w") as sql:
                sql.write(f"-- {os.path.basename(path)}\n" + query)
            rows = psql(query)
            # total: the channels matching the brief; each row ends with total, kept and the eight detail columns
            totals.append(int(rows[0][-10]) if rows else 0)
    totals.sort()
    print(f"{len(files)} briefs, floor queries in {args.out}; matching creators per brief: "
          f"min {totals[0]}, median {totals[len(totals) // 2]}, max {totals[-1]}")


def agree(args):
    with open(os.path.join(args.dir, "briefs.ndjson")) as f:
        briefs = [line for line in f if line.strip()]
    differing = []
    for number, brief in enumerate(briefs, 1):
        request = urllib.request.Request(args.url, data=brief.encode(), method="POST",
                                         headers={"X-API-Key": args.key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            service = [r["channel"]["id"] for r in json.load(response)["results"]]
        with open(os.path.join(args.dir, f"floor-{number:02d}.sql")) as f:
            floor = [row[0] for row in psql(f.read())]
        if service != floor:
            differing.append(number)
    if differing:
        print(f"the floor's statement and the service rank briefs {differing} differently: "
              "bring floor_query in step with SearchPlan")
        sys.exit(1)
    print(f"the floor's statement and the service return the same first page for all {len(briefs)} briefs")


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def floor_figures(pgbench_out, log_prefix):
    latencies = []
    for path in glob.glob(log_prefix + ".*"):
        with open(path) as f:
            latencies += [int(line.split()[2]) / 1000 for line in f if line.strip()]
    latencies.sort()
    tps, failed = None, None
    with open(pgbench_out) as f:
        for line in f:
            if line.startswith("tps = "):
                tps = float(line.split()[2])
            elif line.startswith("number of failed transactions: "):
                failed = int(line.split()[4])
    return {"rate": tps, "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99), "count": len(latencies), "errors": failed}


def service_figures(wrk_out):
    """The line search.lua's done() prints: requests, seconds, errors, latency percentiles in microseconds."""
    with open(wrk_out) as f:
        for line in f:
            if line.startswith("search.lua "):
                fields = dict(kv.split("=") for kv in line.split()[1:])
                seconds = float(fields["seconds"])
                return {"rate": int(fields["requests"]) / seconds, "p50": int(fields["p50"]) / 1000,
                        "p95": int(fields["p95"]) / 1000, "p99": int(fields["p99"]) / 1000,
                        "count": int(fields["requests"]), "errors": int(fields["errors"])}
    return None


def report(args):
    floor = floor_figures(args.pgbench_out, args.pgbench_logs)
    service = service_figures(args.wrk) if args.wrk and os.path.exists(args.wrk) else None
    lines = ["| | searches/s | p50 ms | p95 ms | p99 ms | requests | errors |", "|---|---|---|---|---|---|---|"]
    for name, f in (("service (HTTP, wrk)", service), ("floor (SQL, pgbench)", floor)):
        if f is None:
            lines.append(f"| {name} | not measured | | | | | |")
        else:
            lines.append(f"| {name} | {f['rate']:.0f} | {f['p50']:.1f} | {f['p95']:.1f} | {f['p99']:.1f} | {f['count']} | {f['errors']} |")
    if service and floor["rate"]:
        lines.append("")
        lines.append(f"Service against the floor (target: within 1.5x): throughput {floor['rate'] / service['rate']:.2f}x lower, "
                     f"p50 {service['p50'] / floor['p50']:.2f}x, p95 {service['p95'] / floor['p95']:.2f}x, "
                     f"p99 {service['p99'] / floor['p99']:.2f}x the floor's")
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    if service is None or service["errors"] or floor["errors"] != 0:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--briefs", default="bench/briefs")
    p.add_argument("--out", required=True)
    p.set_defaults(run=prepare)
    a = sub.add_parser("agree")
    a.add_argument("--dir", required=True)
    a.add_argument("--url", required=True)
    a.add_argument("--key", required=True)
    a.set_defaults(run=agree)
    r = sub.add_parser("report")
    r.add_argument("--wrk")
    r.add_argument("--pgbench-out", required=True)
    r.add_argument("--pgbench-logs", required=True)
    r.add_argument("--out")
    r.set_defaults(run=report)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()

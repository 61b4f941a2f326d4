#!/usr/bin/env python3
"""Writes import files for the bulk-import benchmark, streaming (constant memory whatever their size).

  influencers OUT LINES [--prefix P]                  one line per channel, profile repeated, creators by ref
                                                      (P before every handle and ref: a second file of new creators)
  posts OUT LINES --handles FILE [--per-channel N]    posts of the channels listed in FILE (platform,handle per line)
  big OUT BYTES                                       a snapshots CSV of about BYTES bytes (for the memory check)

The influencer file also writes OUT.handles: the platform and handle of every channel, for the posts file.
The distributions follow bench/generate.sql loosely: tiers by a log-normal follower count, Indonesian and
neighbouring countries, niches from the seeded taxonomy, about 1.43 channels per creator.
"""
import argparse
import datetime
import math
import random

PLATFORMS = ["INSTAGRAM", "TIKTOK", "YOUTUBE", "X", "FACEBOOK"]
COUNTRIES = ["ID"] * 6 + ["MY", "SG", "TH", "PH", "VN"]
CITIES = {"ID": ["Jakarta", "Bandung", "Surabaya", "Medan", "Yogyakarta"], "MY": ["Kuala Lumpur"], "SG": ["Singapore"],
          "TH": ["Bangkok"], "PH": ["Manila"], "VN": ["Hanoi"]}
NICHES = ["skincare", "makeup", "haircare", "baking", "street-food", "healthy-eating", "modest-fashion", "streetwear",
          "batik", "handmade", "woodwork", "gadgets", "gaming", "fitness", "travel", "parenting", "finance", "education",
          "home", "pets", "music", "comedy"]
FORMATS = ["PHOTO", "CAROUSEL", "VIDEO", "REEL", "SHORT", "STORY"]


def influencers(out, lines, seed=1, prefix=""):
    rnd = random.Random(seed)
    written = 0
    creator = 0
    with open(out, "w", encoding="utf-8", newline="") as f, open(out + ".handles", "w", encoding="utf-8") as handles:
        f.write("ref,displayName,bio,country,city,languages,niches,rateCurrency,ratePerPost,platform,handle,followers,"
                "following,verified,genderShares,ageShares,countryShares\n")
        while written < lines:
            creator += 1
            country = rnd.choice(COUNTRIES)
            niche_count = rnd.choice([1, 1, 2, 3])
            niches = rnd.sample(NICHES, niche_count)
            weights = [round(rnd.uniform(0.2, 1.0), 2) for _ in niches]
            niche_cell = "|".join(f"{n}:{w}" for n, w in zip(niches, weights))
            rate = rnd.random() < 0.6
            profile = (f"{prefix}bench-{creator},Creator {creator},\"Content about {niches[0]}, daily\",{country},"
                       f"{rnd.choice(CITIES[country])},id|en,{niche_cell},"
                       + (f"IDR,{rnd.randrange(100, 20000) * 1000}" if rate else ",") )
            # 65 % one channel, 27 % two, 8 % three: 1.43 channels per creator, as in bench/generate.sql.
            draw = rnd.random()
            channels = 1 if draw < 0.65 else 2 if draw < 0.92 else 3
            for platform in rnd.sample(PLATFORMS, min(channels, len(PLATFORMS))):
                if written >= lines:
                    break
                followers = int(min(5e7, math.exp(rnd.gauss(9.6, 1.5))))
                female = round(rnd.uniform(0.2, 0.8), 2)
                handle = f"{prefix}b{creator}.{platform[:2].lower()}"
                f.write(f"{profile},{platform},{handle},{followers},{rnd.randrange(0, 3000)},{str(rnd.random() < 0.05).lower()},"
                        f"female:{female}|male:{round(1 - female - 0.01, 2)},18-24:0.4|25-34:0.35,{country}:0.8\n")
                handles.write(f"{platform},{handle}\n")
                written += 1


def posts(out, lines, handles_file, per_channel, seed=2):
    rnd = random.Random(seed)
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as f, open(handles_file, encoding="utf-8") as handles:
        f.write("platform,handle,externalId,postedAt,format,sponsored,views,reach,likes,comments,saves,shares,linkClicks,dms,tags\n")
        for channel in handles:
            platform, handle = channel.strip().split(",")
            base = rnd.randrange(50, 5000)
            for k in range(per_channel):
                if written >= lines:
                    return
                at = (now - datetime.timedelta(days=k * 4 + 1, minutes=rnd.randrange(0, 600))).isoformat().replace("+00:00", "Z")
                likes = int(base * rnd.uniform(0.5, 1.5))
                views = likes * rnd.randrange(8, 30)
                f.write(f"{platform},{handle},p{k},{at},{rnd.choice(FORMATS)},{str(rnd.random() < 0.1).lower()},{views},"
                        f"{int(views * 0.8)},{likes},{likes // rnd.randrange(15, 60)},{likes // 10},{likes // 30},"
                        f"{likes // 50},{likes // 100},{rnd.choice(NICHES)}|daily\n")
                written += 1
            if written >= lines:
                return


def big(out, size):
    line = "INSTAGRAM,nobody.{:09d},2026-11-20,12345\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write("platform,handle,date,followers\n")
        written = 0
        i = 0
        block = []
        while written < size:
            text = line.format(i)
            block.append(text)
            written += len(text)
            i += 1
            if len(block) == 10000:
                f.write("".join(block))
                block = []
        f.write("".join(block))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("influencers")
    p.add_argument("out")
    p.add_argument("lines", type=int)
    p.add_argument("--prefix", default="")
    p = sub.add_parser("posts")
    p.add_argument("out")
    p.add_argument("lines", type=int)
    p.add_argument("--handles", required=True)
    p.add_argument("--per-channel", type=int, default=20)
    p = sub.add_parser("big")
    p.add_argument("out")
    p.add_argument("bytes", type=int)
    a = parser.parse_args()
    if a.what == "influencers":
        influencers(a.out, a.lines, prefix=a.prefix)
    elif a.what == "posts":
        posts(a.out, a.lines, a.handles, a.per_channel)
    else:
        big(a.out, a.bytes)


if __name__ == "__main__":
    main()

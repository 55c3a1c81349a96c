#!/usr/bin/env python3
"""
Re-runs a published double-random draw (双随机抽取) independently of Shijian.

Written from the description of `shijian-draw-v1` in draw.ts only, with the
Python standard library, so anyone can check a published result:

    curl -s https://<portal>/api/public/inspections/draws/<id> > draw.json
    python3 reference-rerun.py draw.json

It prints whether the inputs still hash to the published digest and whether the
targets and inspectors it draws equal the published ones.
"""
import hashlib
import hmac
import json
import sys

TIERS = ["high", "elevated", "general", "low"]


class Stream:
    """Blocks HMAC-SHA256(seed, "label:i"), read as big-endian unsigned 32-bit integers."""

    def __init__(self, seed: bytes, label: str):
        self.seed, self.label, self.buf, self.counter = seed, label, b"", 0

    def u32(self) -> int:
        if len(self.buf) < 4:
            self.buf += hmac.new(self.seed, f"{self.label}:{self.counter}".encode(), hashlib.sha256).digest()
            self.counter += 1
        value, self.buf = int.from_bytes(self.buf[:4], "big"), self.buf[4:]
        return value

    def below(self, n: int) -> int:
        limit = 2**32 - (2**32 % n)
        while True:
            u = self.u32()
            if u < limit:
                return u % n


def shuffled_prefix(items, stream, k):
    a, n, i = list(items), len(items), 0
    while i < k and i < n - 1:
        j = i + stream.below(n - i)
        a[i], a[j] = a[j], a[i]
        i += 1
    return a[: min(k, n)]


def canonical(value) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def rerun(published: dict):
    seed = bytes.fromhex(published["seed"])
    p, inputs = published["parameters"], published["inputs"]
    candidates = sorted({c["enterpriseId"]: c for c in reversed(inputs["candidates"])}.values(), key=lambda c: c["enterpriseId"])
    inspectors = sorted({i["userId"]: i for i in reversed(inputs["inspectors"])}.values(), key=lambda i: i["userId"])
    conflicts = sorted({(c["inspectorUserId"], c["enterpriseId"]) for c in inputs["conflicts"]})
    canonical_inputs = {
        "candidates": [{"enterpriseId": c["enterpriseId"], "regionCode": c["regionCode"], "tier": c["tier"]} for c in candidates],
        "inspectors": [{"userId": i["userId"], "regionCode": i["regionCode"]} for i in inspectors],
        "conflicts": [{"inspectorUserId": a, "enterpriseId": b} for a, b in conflicts],
    }
    digest = hashlib.sha256(canonical({"inputs": canonical_inputs, "parameters": p}).encode()).hexdigest()

    chosen = []
    if p["mode"] == "ratio":
        for tier in TIERS:
            pool = [c for c in candidates if c["tier"] == tier]
            b = round(p["ratios"][tier] * 10000)
            k = min(len(pool), (b * len(pool) + 9999) // 10000) if b > 0 else 0
            if k:
                chosen += shuffled_prefix(pool, Stream(seed, f"targets:{tier}"), k)
    else:
        chosen = shuffled_prefix(candidates, Stream(seed, "targets"), p["count"])

    roster = shuffled_prefix(inspectors, Stream(seed, "inspectors"), len(inspectors))
    load = {i["userId"]: 0 for i in roster}
    conflicted = set(conflicts)
    targets = []
    for position, t in enumerate(chosen):
        eligible = [
            i for i in roster
            if (i["userId"], t["enterpriseId"]) not in conflicted and not (p["excludeOwnCounty"] and i["regionCode"] == t["regionCode"])
        ]
        if len(eligible) < p["inspectorsPerTarget"]:
            raise SystemExit(f"refused: too few inspectors for {t['enterpriseId']}")
        picked = sorted(eligible, key=lambda i: load[i["userId"]])[: p["inspectorsPerTarget"]]
        for i in picked:
            load[i["userId"]] += 1
        targets.append((position, t["enterpriseId"], [i["userId"] for i in picked]))
    return digest, targets


if __name__ == "__main__":
    published = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
    digest, targets = rerun(published)
    expected = [(t["position"], t["enterpriseId"], t["inspectorUserIds"]) for t in published["targets"]]
    print("inputs digest matches:", digest == published["inputsSha256"])
    print("targets and inspectors match:", targets == expected)
    sys.exit(0 if digest == published["inputsSha256"] and targets == expected else 1)

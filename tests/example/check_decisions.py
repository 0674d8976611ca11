#!/usr/bin/env python3
"""What issue 12 asks of the example site, checked on a built site.

    check_decisions.py PUBLIC

- every school of the low group has, for each direction where its level is
  low, at least one recommendation about that direction and at least one
  partner school in it;
- every recommendation has a reason, in site.json and on the school's page;
- every measure tied to an indicator has a verdict;
- the decisions page lists every problem zone and every school that moved
  between groups (when the page exists in the build).
Exit 1 listing every failure.
"""
import html
import json
import re
import sys
from pathlib import Path


def main():
    public = Path(sys.argv[1])
    site = json.loads((public / "data" / "site.json").read_text(encoding="utf-8"))
    latest = site["latest_year"]
    failures = []
    checked = {"low_directions": 0, "recommendations": 0, "verdicts": 0, "zones": 0, "moves": 0}
    by_year = {y["year"]: y for y in site["by_year"]}
    for y in site["by_year"]:
        year = y["year"]
        prefix = "" if year == latest else f"{year}/"
        for s in y["schools"]:
            recs = s["recommendations"]
            for r in recs:
                checked["recommendations"] += 1
                if not r["reason"].strip():
                    failures.append(f"{year} {s['id']}: {r['rule_id']} has no reason")
            if s["group"] == "low":
                partners = {p["direction"]: p["schools"] for p in s["partners"]}
                for d in s["direction_levels"]:
                    if d["level"] != "low":
                        continue
                    checked["low_directions"] += 1
                    if not any(r["direction"] == d["direction"] for r in recs):
                        failures.append(f"{year} {s['id']}: no recommendation for the weak direction {d['direction']}")
                    if not partners.get(d["direction"]):
                        failures.append(f"{year} {s['id']}: no partner for the weak direction {d['direction']}")
            page = public / prefix / "schools" / s["id"] / "index.html"
            text = page.read_text(encoding="utf-8")
            articles = re.findall(r'<article class="recommendation[^"]*" data-rule="([^"]+)">(.*?)</article>', text, re.S)
            if len(articles) != len(recs):
                failures.append(f"{page}: {len(articles)} recommendations shown, site.json has {len(recs)}")
            for rule, body in articles:
                m = re.search(r'<p class="reason"><strong>[^<]+</strong>\s*([^<]+)</p>', body)
                if not m or not m.group(1).strip():
                    failures.append(f"{page}: {rule} shows no reason")
        table = y["measure_effects"]
        effects = [dict(zip(table["fields"], row)) for row in table["rows"]]
        for e in effects:
            if e["indicator"]:
                checked["verdicts"] += 1
                if not e["verdict"]:
                    failures.append(f"{year}: measure {e['measure']} ({e['indicator']}) has no verdict")
        measures_with_indicator = sum(1 for m in y["measures"] if m["indicator"])
        effects_with_indicator = sum(1 for e in effects if e["indicator"])
        if measures_with_indicator != effects_with_indicator:
            failures.append(f"{year}: {measures_with_indicator} measures name an indicator, {effects_with_indicator} are judged")
        decisions = public / prefix / "decisions" / "index.html"
        if decisions.exists():
            text = html.unescape(decisions.read_text(encoding="utf-8"))
            titles = {i["id"]: i["title"] for i in site["indicators"]}
            for z in y["problem_zones"]:
                checked["zones"] += 1
                if titles[z["indicator"]] not in text:
                    failures.append(f"{decisions}: problem zone {z['indicator']} not listed")
            before = by_year.get(year - 1)
            if before:
                old = {s["id"]: s["group"] for s in before["schools"]}
                for s in y["schools"]:
                    if old.get(s["id"]) and s["group"] and old[s["id"]] != s["group"]:
                        checked["moves"] += 1
                        if f'schools/{s["id"]}/' not in text:
                            failures.append(f"{decisions}: the group change of {s['id']} is not listed")
        else:
            failures.append(f"{decisions} is missing")
    for f in failures:
        print("FAIL", f)
    print("checked: " + ", ".join(f"{k} {v}" for k, v in checked.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

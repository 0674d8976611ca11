"""Writes the Hugo comparison site's content from the open data monsite
published (PUBLIC/data/schools.csv and indicators.csv): one page per school
and year, at /schools/<id>/ for the latest year and /<year>/schools/<id>/ for
the earlier ones -- the school pages monsite makes -- each with the school's
indicator values, levels, numerators, denominators, its cluster's and the
municipality's values and its history over the years, as JSON front matter.
    hugo_content.py PUBLIC HUGO_SITE_DIR      (prints the number of pages)"""
import csv
import json
import os
import shutil
import sys

public, site = sys.argv[1], sys.argv[2]
data = os.path.join(public, "data")
with open(os.path.join(data, "schools.csv"), encoding="utf-8-sig") as f:
    schools = list(csv.DictReader(f))
values = {}
with open(os.path.join(data, "indicators.csv"), encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        values[(r["year"], r["scope"], r["entity_id"], r["indicator_id"])] = r
indicator_ids = sorted({k[3] for k in values})
years = sorted({s["year"] for s in schools})
latest = years[-1]

content = os.path.join(site, "content")
shutil.rmtree(content, ignore_errors=True)
pages = 0
for s in schools:
    y = s["year"]
    rows = []
    for ind in indicator_ids:
        r = values.get((y, "school", s["school_id"], ind))
        if r is None:
            continue
        prev = values.get((str(int(y) - 1), "school", s["school_id"], ind))
        rows.append({"id": ind, "value": r["value"], "numerator": r["numerator"], "denominator": r["denominator"],
                     "level": r["level"], "cluster": values.get((y, "cluster", s["cluster"], ind), {}).get("value", ""),
                     "municipality": values.get((y, "municipality", "municipality", ind), {}).get("value", ""),
                     "previous": prev["value"] if prev else ""})
    history = [{"id": ind, "values": [values.get((yy, "school", s["school_id"], ind), {}).get("value", "")
                                      for yy in years]} for ind in indicator_ids]
    front = {"title": s["name"], "year": y, "school_id": s["school_id"], "name": s["name"], "type": s["type"],
             "cluster": s["cluster"], "composite": s["composite"] or None, "group": s["group"], "rank": s["rank"],
             "years": years, "indicators": rows, "history": history}
    if y == latest:
        targets = [(os.path.join(content, "schools"), f"/schools/{s['school_id']}/")]
    else:
        targets = [(os.path.join(content, y, "schools"), f"/{y}/schools/{s['school_id']}/")]
    for folder, url in targets:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, s["school_id"] + ".md"), "w", encoding="utf-8") as out:
            json.dump(dict(front, url=url), out, ensure_ascii=False)
            out.write("\n")
        pages += 1
print(pages)

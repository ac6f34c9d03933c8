import json, sys
sys.path.insert(0, "/tmp/probe11/gen")
from spec import FINDINGS, EXTRAS, PREFIX
rows = []
ok = True
for f, pre in PREFIX.items():
    out = json.load(open(f"/tmp/probe11/out_{f}.json"))
    finds = out["files"][0]["findings"]
    spec = dict(FINDINGS[f])
    for x in finds:
        key = (x["line"], x["column"], x["step"])
        if key not in spec:
            print("UNLABELLED", f, key, x["latex"]); ok = False; continue
        lab, why = spec.pop(key)
        rows.append({"id": f"{pre}-{key[0]}-{key[1]}-{key[2]}", "file": f, "line": key[0], "latex": x["latex"],
                     "label": lab, "why": why,
                     "finding": {"line": x["line"], "column": x["column"], "step": x["step"],
                                 "verdict": x["verdict"], "code": x["code"]},
                     "message": x["message"]})
    for k in spec:
        print("SPEC WITHOUT FINDING", f, k); ok = False
    for (line, k, latex, lab, why) in EXTRAS[f]:
        rows.append({"id": f"{pre}-{line}-x{k}", "file": f, "line": line, "latex": latex, "label": lab,
                     "why": why, "finding": None, "message": None})
rows.sort(key=lambda r: (list(PREFIX).index(r["file"]), r["line"], r["finding"]["column"] if r["finding"] else 10**6, r["id"]))
json.dump(rows, open("/tmp/probe11/labels.json", "w"), indent=1, ensure_ascii=False)

# labels.md and counts
def cat(r):
    v = r["finding"]["verdict"] if r["finding"] else None
    return v
md = ["# Labels", "", "One row per mathdoc finding and per claim without a finding. `—` = no finding.", ""]
counts = {}
for f in list(PREFIX) + ["all"]:
    counts[f] = dict(steps=0, correct=0, mistakes=0, nac=0, fa=0, caught=0, mverified=0, munchecked=0, mnone=0,
                     cverified=0, cunchecked=0, cnone=0)
for r in rows:
    for f in (r["file"], "all"):
        c = counts[f]; v = cat(r); c["steps"] += 1
        if r["label"] == "correct":
            c["correct"] += 1
            if v in ("wrong", "layout"): c["fa"] += 1
            elif v == "verified": c["cverified"] += 1
            elif v is None: c["cnone"] += 1
            else: c["cunchecked"] += 1
        elif r["label"] == "MISTAKE":
            c["mistakes"] += 1
            if v in ("wrong", "layout"): c["caught"] += 1
            elif v == "verified": c["mverified"] += 1
            elif v is None: c["mnone"] += 1
            else: c["munchecked"] += 1
        else:
            c["nac"] += 1
            if v in ("wrong", "layout"): c["fa"] += 1
for f in PREFIX:
    md += [f"## {f}", "", "| line | latex | label | verdict | code | why |", "|---|---|---|---|---|---|"]
    for r in rows:
        if r["file"] != f: continue
        fd = r["finding"]
        lt = r["latex"].replace("|", "\\|")
        md.append(f"| {r['line']}" + (f":{fd['column']} s{fd['step']}" if fd else "") +
                  f" | `{lt}` | {r['label']} | {fd['verdict'] if fd else '—'} | {fd['code'] if fd else '—'} | {r['why'].replace('|', '/')} |")
    md.append("")
open("/tmp/probe11/labels.md", "w").write("\n".join(md))
print("| file | steps | correct | mistakes | not-a-claim | false alarms | mistakes caught | mistakes verified | mistakes unchecked / no finding | correct verified | correct unchecked / no finding |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for f, c in counts.items():
    name = "**all**" if f == "all" else f
    print(f"| {name} | {c['steps']} | {c['correct']} | {c['mistakes']} | {c['nac']} | {c['fa']} | {c['caught']} | {c['mverified']} | {c['munchecked']} / {c['mnone']} | {c['cverified']} | {c['cunchecked']} / {c['cnone']} |")
print("ok" if ok else "PROBLEMS")

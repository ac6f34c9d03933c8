import json, sys
sys.path.insert(0, "/tmp/probe11")
import sympy as sp
import check_labels as cl
rows = json.load(open("/tmp/probe11/labels.json"))
bad = 0
for r in rows:
    if r["label"] != "correct": continue
    res = cl.CHECKS[r["id"]]()
    lhs, rhs = res[0], res[1]; pts = res[2] if len(res) > 2 else None
    pert = sp.Rational(1, 3)
    rhs2 = rhs + pert * sp.ones(*rhs.shape) if isinstance(rhs, sp.MatrixBase) else rhs + pert
    if cl.equal(lhs, rhs2, pts):
        bad += 1; print("FLIP NOT DETECTED", r["id"])
print("flip failures:", bad)

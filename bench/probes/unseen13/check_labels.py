"""Recompute every correct / MISTAKE label with SymPy.

The hand translations of each claim (left side as a SymPy computation, e.g. diff(...), and the
right side as written in the note) live in gen/spec_*.py; gen/build.py joins them to the findings.
A row passes when (correct and lhs - rhs == 0) or (MISTAKE and lhs - rhs != 0). Zero is decided by
simplify() and confirmed at random points; nonzero needs a point where they differ by > 1e-8.
Then a perturbation test adds 1/3 to the right side of every correct row (to each entry of a matrix)
and checks that the difference is detected."""
HERE = __import__('os').path.dirname(__import__('os').path.abspath(__file__))
import json, random, sys
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), 'gen'))
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    import build
from sympy import Matrix, MatrixBase, simplify, Rational, N, zoo, nan, oo
random.seed(13)

def entries(e):
    return list(e) if isinstance(e, MatrixBase) else [e]

def is_zero(diffexpr):
    for e in entries(diffexpr):
        fs = sorted(e.free_symbols, key=str)
        ok = False
        for _ in range(4):
            pt = {s_: Rational(random.randint(15, 85), 100) for s_ in fs}
            val = N(e.subs(pt), 30)
            if val.has(zoo, nan, oo):
                continue
            if abs(complex(val)) > 1e-8:
                return False
            ok = True
        if not ok:
            if simplify(e) != 0:
                return False
    return True

rows = build.out
labels = {r['id']: r for r in json.load(open(HERE + '/labels.json'))}
n = bad = 0
for r in rows:
    lab = labels[r['id']]['label']
    if lab not in ('correct', 'MISTAKE'):
        continue
    lhs, rhs = r['_check']
    if lhs is None:
        print('NO CHECK', r['id']); bad += 1; continue
    dz = is_zero(lhs - rhs)
    n += 1
    if (lab == 'correct') != dz:
        bad += 1
        print('DISAGREE', r['id'], lab, r['latex'][:80])
print(f'{n} labels checked with SymPy, {bad} disagreements')
pn = pd = 0
for r in rows:
    if labels[r['id']]['label'] != 'correct':
        continue
    lhs, rhs = r['_check']
    third = Rational(1, 3)
    pert = rhs.applyfunc(lambda q: q + third) if isinstance(rhs, MatrixBase) else rhs + third
    pn += 1
    if not is_zero(lhs - pert):
        pd += 1
    else:
        print('PERTURBATION NOT DETECTED', r['id'])
print(f'perturbation test: {pd} of {pn} correct rows with +1/3 on the right side detected')

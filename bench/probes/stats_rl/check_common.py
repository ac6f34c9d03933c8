"""Helpers for check_labels.py (SymPy checks of every labelled relation)."""
import json, random
import sympy as sp

random.seed(12345)
S = sp.S

def _rand_points(syms, ranges, k=6):
    pts = []
    for _ in range(k):
        pt = {}
        for s in syms:
            lo, hi = ranges.get(s, ranges.get(str(s), (0.15, 0.85)))
            pt[s] = sp.Rational(random.randint(int(lo * 1000), int(hi * 1000)), 1000)
        pts.append(pt)
    return pts

def same(a, b, ranges=None, tol=1e-9):
    """True iff a == b identically (symbolic simplify, else numeric at random points)."""
    ranges = ranges or {}
    a, b = sp.sympify(a), sp.sympify(b)
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        if not (isinstance(a, sp.MatrixBase) and isinstance(b, sp.MatrixBase)):
            return False
        if a.shape != b.shape:
            return False
        return all(same(x, y, ranges, tol) for x, y in zip(a, b))
    d = a - b
    try:
        if sp.simplify(d) == 0:
            return True
    except Exception:
        pass
    # replace derivatives and undefined-function applications by fresh symbols for numeric testing
    from sympy.core.function import AppliedUndef
    reps = {}
    for k_, obj in enumerate(sorted(d.atoms(sp.Derivative), key=str)):
        reps[obj] = sp.Symbol(f'_D{k_}')
    d = d.xreplace(reps); a = a.xreplace(reps)
    reps2 = {obj: sp.Symbol(f'_F{k_}') for k_, obj in enumerate(sorted(d.atoms(AppliedUndef), key=str))}
    d = d.xreplace(reps2); a = a.xreplace(reps2)
    syms = sorted(d.free_symbols, key=str)
    for pt in _rand_points(syms, ranges):
        val = complex(sp.N(d.subs(pt), 30))
        if abs(val) > tol * max(1.0, abs(complex(sp.N(a.subs(pt), 30)))):
            return False
    return True

def identically_zero(e, ranges=None):
    return same(e, 0, ranges)

def sym_vec(name, n):
    return sp.Matrix(n, 1, lambda i, j: sp.Symbol(f"{name}{i+1}", real=True))

def sym_mat(name, r, c):
    return sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i+1}{j+1}", real=True))

def grad(f, v):
    return sp.Matrix([sp.diff(f, vi) for vi in v])

def jac(u, v):  # numerator layout: rows = entries of u
    return sp.Matrix(len(u), len(v), lambda i, j: sp.diff(u[i], v[j]))

def hess(f, v):
    return sp.Matrix(len(v), len(v), lambda i, j: sp.diff(f, v[i], v[j]))

def softmax(z):
    e = [sp.exp(zi) for zi in z]
    s = sum(e)
    return sp.Matrix([ei / s for ei in e])

def sigm(u):
    return 1 / (1 + sp.exp(-u))

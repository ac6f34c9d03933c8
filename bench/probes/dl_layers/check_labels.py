"""Check every label of labels_spec.py with SymPy.

Each check returns True when the relation holds (for `correct` / `MISTAKE` rows) and, for
`not-a-claim` rows, True when the relation is confirmed not to be an identity (a definition, a
condition, an update rule or an inequality that fails for some values).  A label agrees when
    correct     -> holds
    MISTAKE     -> not holds
    not-a-claim -> confirmed not an identity
Scalars are compared symbolically (simplify) and at random rational points; sums at n = 1..4
(or 2..4 where n = 1 is degenerate); matrix claims with generic symbolic entries at two
different size triples.  Prints how many elementary comparisons were run.
"""
import itertools
import random
import sys

import sympy as sp
from sympy import Matrix, Rational, exp, log, sqrt, tanh, erf, pi, KroneckerDelta as KD

from labels_spec import R

random.seed(12345)
NCMP = 0  # elementary comparisons run


# ------------------------------------------------------------------ helpers
def rnd(positive=False, unit=False):
    if unit:
        return Rational(random.randint(1, 9), 10)
    if positive:
        return Rational(random.randint(2, 40), random.randint(7, 13))
    v = Rational(random.randint(-30, 30), random.randint(7, 13))
    return v if v != 0 else Rational(1, 3)


def point(syms, pos=(), unit=()):
    pos, unit = set(pos), set(unit)
    return {s: rnd(positive=s in pos, unit=s in unit) for s in syms}


def free(*exprs):
    out = set()
    for e in exprs:
        if isinstance(e, sp.MatrixBase):
            for x in e:
                out |= sp.sympify(x).free_symbols
        else:
            out |= sp.sympify(e).free_symbols
    return out


def same(a, b, pos=(), unit=(), trials=5, sym=True):
    """Scalar or matrix equality: shapes, then symbolic simplify, then random points."""
    global NCMP
    NCMP += 1
    a_m, b_m = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
    if a_m or b_m:
        if not (a_m and b_m) or a.shape != b.shape:
            return False
        d = a - b
    else:
        d = sp.sympify(a) - sp.sympify(b)
    syms = sorted(free(d), key=str)
    if sym:
        try:
            z = sp.simplify(d)
            if (isinstance(z, sp.MatrixBase) and z.is_zero_matrix) or z == 0:
                return True
        except Exception:
            pass
    for _ in range(trials):
        p = point(syms, pos, unit)
        vals = d.subs(p) if not isinstance(d, sp.MatrixBase) else d.subs(p)
        entries = list(vals) if isinstance(vals, sp.MatrixBase) else [vals]
        for e in entries:
            v = complex(sp.N(e, 40))
            if abs(v) > 1e-20:
                return False
    return True


def vec(name, n):
    return Matrix([sp.Symbol(f"{name}{i+1}") for i in range(n)])


def mat(name, r, c):
    return Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i+1}_{j+1}"))


def grad(f, X):
    """gradient of a scalar, arranged like X (column vector or matrix)"""
    return X.applyfunc(lambda x: sp.diff(f, x))


def jac_num(y, x):
    """numerator layout: entry (i, j) = dy_i / dx_j; y, x column vectors or scalars"""
    y = Matrix([y]) if not isinstance(y, sp.MatrixBase) else y
    return Matrix(len(y), len(x), lambda i, j: sp.diff(y[i], x[j]))


def sig(t):
    return 1 / (1 + exp(-t))


def ones(n):
    return sp.ones(n, 1)


def not_identity(lhs, rhs, pos=()):
    """True when lhs = rhs fails at some random point (so it is a condition, not an identity)."""
    return not same(lhs, rhs, pos=pos, sym=False)


CH = {}


def chk(i):
    def deco(f):
        CH[i] = f
        return f
    return deco


z, a, t, w, u, b, v, c, y, q = sp.symbols("z a t w u b v c y q")
al, be, lam, eta, eps, T = sp.symbols("alpha beta lambda eta epsilon T")
yh = sp.Symbol("yhat")

# ================================================================== linear_activations.md
SIZES2 = [(2, 3, 4), (3, 2, 2)]


@chk("L1-01")
def _():
    return all(same(grad((vec("a", n).T * vec("x", n))[0], vec("x", n)), vec("a", n)) for n in (2, 3))


@chk("L1-02")
def _():
    out = []
    for n in (2, 3):
        x, A = vec("x", n), mat("A", n, n)
        out.append(same(grad((x.T * A * x)[0], x), (A + A.T) * x))
    return all(out)


@chk("L1-03")
def _():
    out = []
    for n in (2, 3):
        x = vec("x", n)
        A = Matrix(n, n, lambda i, j: sp.Symbol(f"S{min(i, j)}{max(i, j)}"))
        out.append(same(grad((x.T * A * x)[0], x), 2 * A * x))
    return all(out)


@chk("L1-04")
def _():
    return all(same(grad((vec("x", n).T * vec("x", n))[0], vec("x", n)), 2 * vec("x", n)) for n in (2, 3))


@chk("L1-05")
def _():
    out = []
    for m, n in ((2, 3), (2, 2)):
        B, x = mat("B", m, n), vec("x", n)
        den = jac_num(B * x, x).T  # denominator layout: (i, j) = dy_j/dx_i
        out.append(same(den, B))
    return all(out)


@chk("L1-06")
def _():
    n, d, k = 2, 2, 2
    X, W, bb = mat("X", n, d), mat("W", d, k), vec("b", k)
    Y = X * W + ones(n) * bb.T
    G = mat("G", n, k)
    L = sum(Yij ** 3 for Yij in Y)
    dLdY = Matrix(n, k, lambda i, j: 3 * Y[i, j] ** 2)
    return not_identity(G, dLdY)


def linear_layer(n, d, k):
    X, W, bb, C = mat("X", n, d), mat("W", d, k), vec("b", k), mat("C", n, k)
    Y = X * W + ones(n) * bb.T
    L = sum(C[i, j] * Y[i, j] + Y[i, j] ** 3 / 3 for i in range(n) for j in range(k))
    G = Matrix(n, k, lambda i, j: C[i, j] + Y[i, j] ** 2)  # dL/dY
    return X, W, bb, L, G


@chk("L1-07")
def _():
    out = []
    for n, d, k in SIZES2:
        X, W, bb, L, G = linear_layer(n, d, k)
        out.append(same(grad(L, W), X.T * G, sym=False))
    return all(out)


@chk("L1-08")
def _():
    out = []
    for n, d, k in SIZES2:
        X, W, bb, L, G = linear_layer(n, d, k)
        out.append(same(grad(L, X), G * W.T, sym=False))
    return all(out)


@chk("L1-09")
def _():
    out = []
    for n, d, k in SIZES2:
        X, W, bb, L, G = linear_layer(n, d, k)
        out.append(same(grad(L, bb), G.T * ones(n), sym=False))
    return all(out)


def sq_err(n, d, k):
    X, W, Tm = mat("X", n, d), mat("W", d, k), mat("T", n, k)
    E = X * W - Tm
    return X, W, Tm, E, sum(e ** 2 for e in E) / 2


@chk("L1-10")
def _():
    out = []
    for n, d, k in SIZES2:
        X, W, Tm, E, L = sq_err(n, d, k)
        out.append(same(grad(L, W), X.T * E))
    return all(out)


@chk("L1-11")
def _():
    out = []
    for n, d, k in SIZES2 + [(2, 2, 2)]:
        X, W, Tm, E, L = sq_err(n, d, k)
        if W.T.shape[1] != E.shape[0]:
            out.append(False)  # W^T (k x d) times (n x k) does not conform
            continue
        out.append(same(grad(L, X), W.T * E))
    return all(out)


@chk("L1-12")
def _():
    out = []
    for n, d, k in SIZES2:
        X, W = mat("X", n, d), mat("W", d, k)
        out.append(same(grad((W.T * X.T * X * W).trace(), W), 2 * X.T * X * W))
    return all(out)


@chk("L1-13")
def _():
    out = []
    for d, k in ((2, 3), (3, 2)):
        W, x, bb = mat("W", d, k), vec("x", d), vec("b", k)
        yv = W.T * x + bb
        out.append(same(jac_num(yv, x).T, W))
    return all(out)


@chk("L1-14")
def _():
    out = []
    for d, k in ((2, 3), (3, 2)):
        W, x, bb = mat("W", d, k), vec("x", d), vec("b", k)
        out.append(same(jac_num(W.T * x + bb, bb).T, sp.eye(k)))
    return all(out)


@chk("L1-15")
def _(): return same(sp.diff(sig(z), z), exp(-z) / (1 + exp(-z)) ** 2)
@chk("L1-16")
def _(): return same(exp(-z) / (1 + exp(-z)) ** 2, sig(z) * (1 - sig(z)))
@chk("L1-17")
def _(): return same(sp.diff(sig(z), z).subs(z, 0), Rational(1, 4))
@chk("L1-18")
def _(): return same(sp.diff(tanh(z), z), sp.sech(z) ** 2)
@chk("L1-19")
def _(): return same(sp.sech(z) ** 2, 1 - tanh(z) ** 2)
@chk("L1-20")
def _(): return same(sp.diff(tanh(z), z), 4 * (sig(2 * z) * (1 - sig(2 * z))))
@chk("L1-21")
def _(): return same(sp.diff(log(1 + exp(z)), z), exp(z) / (1 + exp(z)))
@chk("L1-22")
def _(): return same(exp(z) / (1 + exp(z)), sig(z))
@chk("L1-23")
def _(): return same(sp.diff(z * sig(z), z), sig(z) + z * sig(z) * (1 - sig(z)))
@chk("L1-24")
def _(): return same(sp.diff(z * sig(z), z).subs(z, 0), Rational(1, 2))
@chk("L1-25")
def _(): return same(sp.diff(z * sig(be * z), z), sig(be * z) + z * sig(be * z) * (1 - sig(be * z)))


Phi = (1 + erf(z / sqrt(2))) / 2
phi = exp(-z ** 2 / 2) / sqrt(2 * pi)


@chk("L1-26")
def _(): return same(sp.diff(Phi, z), phi)
@chk("L1-27")
def _(): return same(sp.diff(phi, z), z * phi)
@chk("L1-28")
def _(): return same(sp.diff(z * Phi, z), Phi + z * phi)


@chk("L1-29")
def _():
    global NCMP
    dr = sp.diff(sp.Max(0, z), z)
    ok = True
    for _ in range(4):
        p, m = rnd(positive=True), -rnd(positive=True)
        NCMP += 2
        ok &= dr.subs(z, p) == 1 and dr.subs(z, m) == 0
    return bool(ok)


@chk("L1-30")
def _():
    global NCMP
    dr = sp.diff(sp.Max(al * z, z), z)
    ok = True
    for _ in range(5):
        zz, aa = -rnd(positive=True), rnd(unit=True)
        NCMP += 1
        ok &= sp.simplify(dr.subs({z: zz, al: aa}) - aa) == 0
    return bool(ok)


def ridge(n, d):
    X, wv, yv = mat("X", n, d), vec("w", d), vec("y", n)
    rows = [X[i, :].T for i in range(n)]
    L = sum(((r.T * wv)[0] - yv[i]) ** 2 for i, r in enumerate(rows)) / n + lam / 2 * (wv.T * wv)[0]
    S = sum((((r.T * wv)[0] - yv[i]) * r for i, r in enumerate(rows)), sp.zeros(d, 1)) * 2 / n + lam * wv
    return X, wv, yv, L, S


@chk("L1-31")
def _():
    return all(same(grad(ridge(n, d)[3], ridge(n, d)[1]), ridge(n, d)[4]) for n in (1, 2, 3, 4) for d in (2, 3))


@chk("L1-32")
def _():
    out = []
    for n in (1, 2, 3, 4):
        for d in (2, 3):
            X, wv, yv, L, S = ridge(n, d)
            out.append(same(S, 2 * X.T * (X * wv - yv) / n + lam * wv))
    return all(out)


@chk("L1-33")
def _(): return same(sp.diff((yh - y) ** 2, yh), 2 * (yh - y))


@chk("L1-34")
def _():
    return all(same(grad(lam * (vec("w", d).T * vec("w", d))[0], vec("w", d)), lam * vec("w", d)) for d in (2, 3))


@chk("L1-35")
def _():
    X, wv, yv, L, S = ridge(2, 2)
    return not_identity(wv, wv - eta * grad(L, wv))


@chk("L1-36")
def _():
    X, wv, yv, L, S = ridge(2, 2)
    return not_identity(grad(L, wv), sp.zeros(2, 1))


@chk("L1-37")
def _():
    out = []
    for d in (1, 2, 3, 4):
        wv = vec("w", d)
        for j in range(d):
            out.append(same(sp.diff(lam / 2 * sum(wi ** 2 for wi in wv), wv[j]), lam * wv[j]))
    return all(out)


# ================================================================== softmax_ce_zh.md
def softmax(zv, temp=1):
    e = [exp(zi / temp) for zi in zv]
    S = sum(e)
    return [ei / S for ei in e], e, S


@chk("Z2-01")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        for i, j in itertools.product(range(K), repeat=2):
            out.append(same(sp.diff(s[i], zv[j]), (KD(i, j) * e[i] * S - e[i] * e[j]) / S ** 2))
    return all(out)


@chk("Z2-02")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        for i, j in itertools.product(range(K), repeat=2):
            out.append(same((KD(i, j) * e[i] * S - e[i] * e[j]) / S ** 2, s[i] * (KD(i, j) - s[j])))
    return all(out)


@chk("Z2-03")
def _():
    out = []
    for K in (2, 3, 4):
        zv = vec("z", K)
        s, _, _ = softmax(zv)
        out += [same(sp.diff(s[i], zv[i]), s[i] * (1 - s[i])) for i in range(K)]
    return all(out)


@chk("Z2-04")
def _():
    out = []
    for K in (2, 3, 4):
        zv = vec("z", K)
        s, _, _ = softmax(zv)
        out += [same(sp.diff(s[i], zv[j]), -s[i] * s[j]) for i in range(K) for j in range(K) if i != j]
    return all(out)


@chk("Z2-05")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, _, _ = softmax(zv)
        sv = Matrix(s)
        out.append(same(jac_num(sv, zv), sp.diag(*s) - sv * sv.T))
    return all(out)


z1, z2, z3 = sp.symbols("z1 z2 z3")
s1_2 = exp(z1) / (exp(z1) + exp(z2))


@chk("Z2-06")
def _(): return same(sp.diff(s1_2, z2), -exp(z1 + z2) / (exp(z1) + exp(z2)) ** 2)
@chk("Z2-07")
def _(): return same(sp.diff(s1_2, z1), exp(z1) * exp(z2) / (exp(z1) + exp(z2)))
@chk("Z2-08")
def _(): return same(sp.diff(s1_2, z1).subs({z1: 0, z2: log(3)}), Rational(3, 16))


@chk("Z2-09")
def _():
    out = []
    for K in (2, 3, 4):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        out += [same(sp.diff(log(S), zv[j]), e[j] / S) for j in range(K)]
    return all(out)


@chk("Z2-10")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        out += [same(e[j] / S, s[j]) for j in range(K)]
    return all(out)


@chk("Z2-11")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        out.append(same(jac_num(log(S), zv), Matrix(s)))  # numerator layout: 1 x K row
    return all(out)


@chk("Z2-12")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, _, _ = softmax(zv)
        out += [same(sp.diff(log(s[i]), zv[j]), KD(i, j) - s[j]) for i in range(K) for j in range(K)]
    return all(out)


@chk("Z2-13")
def _():
    out = []
    for K in (2, 3):
        zv = vec("z", K)
        s, _, _ = softmax(zv, T)
        out += [same(sp.diff(s[i], zv[j]), s[i] * (KD(i, j) - s[j]) / T, pos=[T]) for i in range(K) for j in range(K)]
    return all(out)


def ce(K, simplex=True):
    zv, yv = vec("z", K), vec("y", K)
    if simplex:
        yv[K - 1] = 1 - sum(yv[:K - 1])
    s, _, _ = softmax(zv)
    L = -sum(yv[i] * log(s[i]) for i in range(K))
    return zv, yv, s, L


@chk("Z2-14")
def _():
    out = []
    for K in (2, 3):
        zv, yv, s, L = ce(K, simplex=False)
        sv = sp.symbols(f"S1:{K+1}")
        Ls = -sum(yv[i] * log(sv[i]) for i in range(K))
        for j in range(K):
            rhs = sum(sp.diff(Ls, sv[i]).subs(dict(zip(sv, s))) * sp.diff(s[i], zv[j]) for i in range(K))
            out.append(same(sp.diff(L, zv[j]), rhs))
    return all(out)


@chk("Z2-15")
def _():
    out = []
    for K in (2, 3):
        zv, yv, s, L = ce(K, simplex=False)
        for j in range(K):
            lhs = sum((-yv[i] / s[i]) * sp.diff(s[i], zv[j]) for i in range(K))
            out.append(same(lhs, sum((-yv[i] / s[i]) * s[i] * (KD(i, j) - s[j]) for i in range(K))))
    return all(out)


@chk("Z2-16")
def _():
    out = []
    for K in (2, 3, 4):
        zv, yv, s, L = ce(K, simplex=False)
        for j in range(K):
            out.append(same(sum((-yv[i] / s[i]) * s[i] * (KD(i, j) - s[j]) for i in range(K)), -yv[j] + s[j] * sum(yv)))
    return all(out)


@chk("Z2-17")
def _():
    out = []
    for K in (2, 3, 4):
        zv, yv, s, L = ce(K, simplex=True)  # sum y_i = 1, as the note assumes
        out += [same(-yv[j] + s[j] * sum(yv), s[j] - yv[j]) for j in range(K)]
    return all(out)


@chk("Z2-18")
def _():
    out = []
    for K in (2, 3):
        zv, yv, s, L = ce(K)
        out.append(same(grad(L, zv), Matrix(s) - yv))
    return all(out)


@chk("Z2-19")
def _():
    out = []
    for K in (2, 3):
        zv, yv, s, L = ce(K)
        out.append(same(jac_num(L, zv), (Matrix(s) - yv).T))
    return all(out)


@chk("Z2-20")
def _():
    out = []
    for K in (2, 3, 4):
        zv = vec("z", K)
        s, e, S = softmax(zv)
        for cc in range(K):
            L = -zv[cc] + log(S)
            out += [same(sp.diff(L, zv[j]), s[j] - KD(j, cc)) for j in range(K)]
    return all(out)


@chk("Z2-21")
def _():
    out = []
    for N, K in ((2, 2), (3, 2), (2, 3)):
        Z, Y = mat("Z", N, K), mat("Y", N, K)
        for nn in range(N):
            Y[nn, K - 1] = 1 - sum(Y[nn, :K - 1])
        Ls, Srows = [], []
        for nn in range(N):
            s, _, _ = softmax(list(Z[nn, :]))
            Srows.append(s)
            Ls.append(-sum(Y[nn, i] * log(s[i]) for i in range(K)))
        Lm = sum(Ls) / N
        out.append(same(grad(Lm, Z), Matrix(Srows) - Y))
    return all(out)


ell = -y * log(sig(t)) - (1 - y) * log(1 - sig(t))
st = sig(t)


@chk("Z2-22")
def _(): return same(sp.diff(sig(t), t), sig(t) * (1 - sig(t)))
@chk("Z2-23")
def _(): return same(sp.diff(ell, t), -y / st * st * (1 - st) + (1 - y) / (1 - st) * st * (1 - st))
@chk("Z2-24")
def _(): return same(-y / st * st * (1 - st) + (1 - y) / (1 - st) * st * (1 - st), -y * (1 - st) + (1 - y) * st)
@chk("Z2-25")
def _(): return same(-y * (1 - st) + (1 - y) * st, st - y)


def logreg1(d):
    wv, xv = vec("w", d), vec("x", d)
    tt = (wv.T * xv)[0]
    return wv, xv, tt, ell.subs(t, tt)


@chk("Z2-26")
def _():
    return all(same(jac_num(logreg1(d)[2], logreg1(d)[0]), logreg1(d)[1].T) for d in (2, 3))


@chk("Z2-27")
def _():
    out = []
    for d in (2, 3):
        wv, xv, tt, L = logreg1(d)
        out.append(same(jac_num(L, wv), (sig(tt) - y) * xv.T))
    return all(out)


@chk("Z2-28")
def _():
    out = []
    for d in (2, 3):
        wv, xv, tt, L = logreg1(d)
        out.append(same(grad(L, wv), (sig(tt) - y) * xv))
    return all(out)


def logreg_point(yy):
    wv, xv, tt, L = logreg1(2)
    g = grad(L, wv).subs({y: yy, xv[0]: 1, xv[1]: 2}).subs({wv[0]: 0, wv[1]: 0})
    return g


@chk("Z2-29")
def _(): return same(logreg_point(1), Matrix([-Rational(1, 2), -1]))
@chk("Z2-30")
def _(): return same(logreg_point(0), Matrix([Rational(1, 2), 2]))


@chk("Z2-31")
def _():
    zv, yv, s, L = ce(3)
    return not_identity(grad(L, zv), sp.zeros(3, 1))


@chk("Z2-32")
def _():
    zv, yv, s, L = ce(3)
    return not_identity(zv, zv - eta * grad(L, zv))


@chk("Z2-33")
def _():
    out = []
    for K in (2, 3, 4):
        zv = vec("z", K)
        s, _, _ = softmax(zv)
        out += [same(sp.diff(sum(s), zv[j]), 0) for j in range(K)]
    return all(out)


# ================================================================== rnn_bptt.ipynb
h0, x1, x2, x3 = sp.symbols("h0 x1 x2 x3")
A1, A2, H1, H2 = sp.symbols("A1 A2 H1 H2")
a1 = w * h0 + u * x1 + b
h1 = tanh(a1)
a2 = w * h1 + u * x2 + b
h2 = tanh(a2)
yhat = v * h2 + c
L_rnn = (yhat - y) ** 2 / 2
h3 = tanh(w * h2 + u * x3 + b)
d2 = (yhat - y) * v * (1 - h2 ** 2)
d1 = d2 * w * (1 - h1 ** 2)
L_of_a2 = ((v * tanh(A2) + c) - y) ** 2 / 2
L_of_a1 = ((v * tanh(w * tanh(A1) + u * x2 + b) + c) - y) ** 2 / 2
L_of_h1 = ((v * tanh(w * H1 + u * x2 + b) + c) - y) ** 2 / 2


@chk("N-01")
def _(): return same(sp.diff(tanh(a), a), 1 - tanh(a) ** 2)
@chk("N-02")
def _(): return same(sp.diff(tanh(a), a).subs(a, 0), 1)
@chk("N-03")
def _(): return same(sp.diff(tanh(A2), A2), 1 - tanh(A2) ** 2)
@chk("N-04")
def _(): return same(1 - tanh(a2) ** 2, 1 - h2 ** 2)  # h_2 = tanh a_2 by definition
@chk("N-05")
def _(): return same(sp.diff(w * H1 + u * x2 + b, H1), w)
@chk("N-06")
def _(): return same(sp.diff(w * H1 + u * x2 + b, w), H1)  # direct dependence (h_1 held fixed)
@chk("N-07")
def _(): return same(sp.diff(a1, w), h0)
@chk("N-08")
def _(): return same(sp.diff(w * H1 + u * x2 + b, u), x2)
@chk("N-09")
def _(): return same(sp.diff(a1, u), x1)
@chk("N-10")
def _(): return same(sp.diff((yh - y) ** 2 / 2, yh), yh - y)
@chk("N-11")
def _(): return same(sp.diff(L_rnn, v), (yhat - y) * h2, sym=False)
@chk("N-12")
def _(): return same(sp.diff(L_rnn, c), yhat - y, sym=False)
@chk("N-13")
def _(): return same(sp.diff(((v * H2 + c) - y) ** 2 / 2, H2), ((v * H2 + c) - y) * v)


@chk("N-14")
def _():
    dt = sp.Symbol("delta_t")
    return not_identity(dt, sp.diff(L_of_a2, A2))


@chk("N-15")
def _():
    return not_identity(sp.Symbol("delta_2"), sp.diff(L_of_a2, A2))


@chk("N-16")
def _():
    return same(sp.diff(L_of_a2, A2), ((v * tanh(A2) + c) - y) * v * (1 - tanh(A2) ** 2))


@chk("N-17")
def _():
    return not_identity(sp.Symbol("delta_1"), sp.diff(L_of_a1, A1))


@chk("N-18")
def _():
    lhs = sp.diff(L_of_a1, A1)
    # delta_2 and h_1 written as functions of a_1 (symbol A1)
    rhs = ((v * tanh(w * tanh(A1) + u * x2 + b) + c - y) * v * (1 - tanh(w * tanh(A1) + u * x2 + b) ** 2)) * w * (1 - tanh(A1) ** 2)
    return same(lhs, rhs, sym=False)


@chk("N-19")
def _(): return same(sp.diff(L_rnn, w), d2 * h1 + d1 * h0, sym=False)
@chk("N-20")
def _(): return same(sp.diff(L_rnn, u), d2 * x2 + d1 * x1, sym=False)
@chk("N-21")
def _(): return same(sp.diff(L_rnn, b), d2 + d1, sym=False)
@chk("N-22")
def _(): return same(sp.diff(h2, w), (1 - h2 ** 2) * (h1 + w * sp.diff(h1, w)), sym=False)
@chk("N-23")
def _(): return same(sp.diff(h1, w), (1 - h1 ** 2) * h0, sym=False)


@chk("N-24")
def _():
    dLdh2 = sp.diff(((v * H2 + c) - y) ** 2 / 2, H2).subs(H2, h2)
    return same(sp.diff(L_rnn, w), dLdh2 * sp.diff(h2, w), sym=False)


@chk("N-25")
def _(): return same(sp.diff(L_rnn, w), (yhat - y) * v * (1 - h2 ** 2) * (h1 + w * (1 - h1 ** 2) * h0), sym=False)
@chk("N-26")
def _(): return same(sp.diff(L_rnn, u), (yhat - y) * v * (1 - h2 ** 2) * (x2 + w * (1 - h1 ** 2) * x1), sym=False)
@chk("N-27")
def _(): return same(sp.diff(L_rnn, b), (yhat - y) * v * (1 - h2 ** 2) * (1 + (1 - h1 ** 2)), sym=False)


@chk("N-28")
def _():
    h2_of_H1 = tanh(w * H1 + u * x2 + b)
    d2_H1 = ((v * h2_of_H1 + c) - y) * v * (1 - h2_of_H1 ** 2)
    return same(sp.diff(L_of_h1, H1), d2_H1 * w, sym=False)


@chk("N-29")
def _(): return same(d2 * w, (yhat - y) * v * (1 - h2 ** 2) * w)
@chk("N-30")
def _(): return same(sp.diff(L_rnn, h0), d1 * w, sym=False)
@chk("N-31")
def _(): return same(sp.diff(L_rnn, x1), d1 * u, sym=False)
@chk("N-32")
def _(): return same(d1 * u, (yhat - y) * v * (1 - h2 ** 2) * w * u, sym=False)
@chk("N-33")
def _(): return same(sp.diff(L_rnn, w).subs(h0, 0), ((yhat - y) * v * (1 - h2 ** 2) * h1).subs(h0, 0), sym=False)


h2_H1 = tanh(w * H1 + u * x2 + b)
h3_H1 = tanh(w * h2_H1 + u * x3 + b)


@chk("N-34")
def _():
    dh3dh2 = sp.diff(tanh(w * H2 + u * x3 + b), H2).subs(H2, h2_H1)
    return same(sp.diff(h3_H1, H1), dh3dh2 * sp.diff(h2_H1, H1), sym=False)


@chk("N-35")
def _():
    return same(sp.diff(h3_H1, H1), w ** 2 * (1 - h3_H1 ** 2) * (1 - H1 ** 2), sym=False)


def rnn_step(Wm, Um, hp, xv):
    return (Wm * hp + Um * xv).applyfunc(tanh)


@chk("N-36")
def _():
    out = []
    for m, p in ((2, 3), (3, 2)):
        Wm, Um, hp, xv = mat("W", m, m), mat("U", m, p), vec("g", m), vec("x", p)
        hv = rnn_step(Wm, Um, hp, xv)
        out.append(same(jac_num(hv, hp), sp.diag(*[1 - hi ** 2 for hi in hv]) * Wm, sym=False))
    return all(out)


@chk("N-37")
def _():
    out = []
    for m, p in ((2, 3), (2, 2)):
        Wm, Um, hp, xv = mat("W", m, m), mat("U", m, p), vec("g", m), vec("x", p)
        hv = rnn_step(Wm, Um, hp, xv)
        out.append(same(jac_num(hv, xv), Um.T * sp.diag(*[1 - hi ** 2 for hi in hv]), sym=False))
    return all(out)


@chk("N-38")
def _():
    out = []
    for m, p in ((2, 1), (2, 2)):
        Wm, Um, hz, xa, xb = mat("W", m, m), mat("U", m, p), vec("g", m), vec("x", p), vec("e", p)
        hv1 = rnn_step(Wm, Um, hz, xa)
        hv2 = rnn_step(Wm, Um, hv1, xb)
        D = lambda hv: sp.diag(*[1 - hi ** 2 for hi in hv])
        out.append(same(jac_num(hv2, hz), D(hv2) * Wm * D(hv1) * Wm, sym=False, trials=3))
    return all(out)


def rnn_weight_grads(m, p):
    Wm, Um, hz, xa, xb, cc = mat("W", m, m), mat("U", m, p), vec("g", m), vec("x", p), vec("e", p), vec("c", m)
    a1v = Wm * hz + Um * xa
    hv1 = a1v.applyfunc(tanh)
    a2v = Wm * hv1 + Um * xb
    hv2 = a2v.applyfunc(tanh)
    L = sum(cc[i] * hv2[i] + hv2[i] ** 2 / 2 for i in range(m))
    gh2 = Matrix([cc[i] + hv2[i] for i in range(m)])
    dl2 = Matrix([(1 - hv2[i] ** 2) * gh2[i] for i in range(m)])
    back = Wm.T * dl2
    dl1 = Matrix([(1 - hv1[i] ** 2) * back[i] for i in range(m)])
    return Wm, Um, hz, hv1, xa, xb, L, dl1, dl2


@chk("N-39")
def _():
    Wm, Um, hz, hv1, xa, xb, L, dl1, dl2 = rnn_weight_grads(2, 1)
    return not_identity(vec("delta", 2), dl2)


@chk("N-40")
def _():
    out = []
    for m, p in ((2, 1), (2, 3)):
        Wm, Um, hz, hv1, xa, xb, L, dl1, dl2 = rnn_weight_grads(m, p)
        out.append(same(grad(L, Wm), dl1 * hz.T + dl2 * hv1.T, sym=False, trials=3))
    return all(out)


@chk("N-41")
def _():
    out = []
    for m, p in ((2, 1), (2, 2)):
        Wm, Um, hz, hv1, xa, xb, L, dl1, dl2 = rnn_weight_grads(m, p)
        out.append(same(grad(L, Um), xa * dl1.T + xb * dl2.T, sym=False, trials=3))
    return all(out)


@chk("N-42")
def _():
    Wm, Um, hz, hv1, xa, xb, L, dl1, dl2 = rnn_weight_grads(2, 1)
    return not_identity(grad(L, Wm), sp.zeros(2, 2))


@chk("N-43")
def _():
    global NCMP
    Wm, Um, hz, hv1, xa, xb, L, dl1, dl2 = rnn_weight_grads(2, 1)
    G = grad(L, Wm)
    p = point(sorted(free(G), key=str))
    nrm = sp.sqrt(sum(gi ** 2 for gi in G.subs(p)))
    NCMP += 1
    nv = sp.N(nrm)
    # ||grad|| > tau holds for tau = ||grad||/2 and fails for tau = ||grad|| + 1: a condition on tau, not an identity
    return bool((nv > nv / 2) and not (nv > nv + 1))


# ================================================================== normalization.tex
def bn(m):
    xs = vec("x", m)
    gm, bt = sp.symbols("gamma beta")
    mu = sum(xs) / m
    var = sum((xi - mu) ** 2 for xi in xs) / m
    xh = [(xi - mu) / sqrt(var + eps) for xi in xs]
    yv = [gm * h + bt for h in xh]
    return xs, gm, bt, mu, var, xh, yv


@chk("T-01")
def _():
    out = []
    for m in (2, 3):
        xs, gm, bt, mu, var, xh, yv = bn(m)
        out += [same(sp.diff(yv[i], gm), xh[i], pos=[eps]) for i in range(m)]
    return all(out)


@chk("T-02")
def _():
    out = []
    for m in (2, 3):
        xs, gm, bt, mu, var, xh, yv = bn(m)
        out += [same(sp.diff(yv[i], bt), 1) for i in range(m)]
    return all(out)


def bn_loss(m):
    xs, gm, bt, mu, var, xh, yv = bn(m)
    cc = vec("c", m)
    L = sum(cc[i] * yv[i] + yv[i] ** 3 / 3 for i in range(m))
    g = [cc[i] + yv[i] ** 2 for i in range(m)]
    return xs, gm, bt, mu, var, xh, yv, L, g


@chk("T-03")
def _():
    xs, gm, bt, mu, var, xh, yv, L, g = bn_loss(2)
    return not_identity(sp.Symbol("g_1"), g[0], pos=[eps])


@chk("T-04")
def _():
    out = []
    for m in (2, 3):
        xs, gm, bt, mu, var, xh, yv, L, g = bn_loss(m)
        out.append(same(sp.diff(L, gm), sum(g[i] * xh[i] for i in range(m)), pos=[eps], sym=False))
    return all(out)


@chk("T-05")
def _():
    out = []
    for m in (2, 3):
        xs, gm, bt, mu, var, xh, yv, L, g = bn_loss(m)
        out.append(same(sp.diff(L, bt), sum(g), pos=[eps], sym=False))
    return all(out)


@chk("T-06")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs, gm, bt, mu, var, xh, yv = bn(m)
        out += [same(sp.diff(mu, xs[j]), Rational(1, m)) for j in range(m)]
    return all(out)


def var_chain(m):
    xs, gm, bt, mu, var, xh, yv = bn(m)
    s1 = [2 * sum((xs[i] - mu) * (KD(i, j) - Rational(1, m)) for i in range(m)) / m for j in range(m)]
    s2 = [2 * (xs[j] - mu) / m - 2 * sum(xi - mu for xi in xs) / m ** 2 for j in range(m)]
    s3 = [2 * (xs[j] - mu) / m for j in range(m)]
    return xs, var, s1, s2, s3


@chk("T-07")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs, var, s1, s2, s3 = var_chain(m)
        out += [same(sp.diff(var, xs[j]), s1[j]) for j in range(m)]
    return all(out)


@chk("T-08")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs, var, s1, s2, s3 = var_chain(m)
        out += [same(s1[j], s2[j]) for j in range(m)]
    return all(out)


@chk("T-09")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs, var, s1, s2, s3 = var_chain(m)
        out += [same(s2[j], s3[j]) for j in range(m)]
    return all(out)


MU, S2, XI = sp.symbols("MU S2 XI")
xh_node = (XI - MU) / sqrt(S2 + eps)


@chk("T-10")
def _(): return same(sp.diff(xh_node, S2), -Rational(1, 2) * (XI - MU) * (S2 + eps) ** Rational(-3, 2), pos=[S2, eps])
@chk("T-11")
def _(): return same(sp.diff(xh_node, MU), -1 / sqrt(S2 + eps), pos=[S2, eps])
@chk("T-12")
def _(): return same(sp.diff(xh_node, XI), 1 / sqrt(S2 + eps), pos=[S2, eps])


@chk("T-13")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs = vec("x", m)
        s2 = sum((xi - MU) ** 2 for xi in xs) / m
        out.append(same(sp.diff(s2, MU), -2 * sum(xi - MU for xi in xs) / m))
    return all(out)


@chk("T-14")
def _():
    out = []
    for m in (1, 2, 3, 4):
        xs = vec("x", m)
        mu = sum(xs) / m
        out.append(same(-2 * sum(xi - mu for xi in xs) / m, 0))
    return all(out)


@chk("T-15")
def _():
    out = []
    for m in (2, 3):
        xs, gm, bt, mu, var, xh, yv, L, g = bn_loss(m)
        for j in range(m):
            rhs = gm / (m * sqrt(var + eps)) * (m * g[j] - sum(g) - xh[j] * sum(g[i] * xh[i] for i in range(m)))
            out.append(same(sp.diff(L, xs[j]), rhs, pos=[eps], sym=False))
    return all(out)


def bn2():
    xs, gm, bt, mu, var, xh, yv = bn(2)
    return xs, xh


@chk("T-16")
def _():
    xs, xh = bn2()
    x_1, x_2 = xs
    # the inline formula for xhat_1 agrees with the definition:
    ok = same(xh[0], (x_1 - x_2) / sqrt((x_1 - x_2) ** 2 + 4 * eps), pos=[eps], sym=False)
    return ok and same(sp.diff(xh[0], x_1), 4 * eps / ((x_1 - x_2) ** 2 + 4 * eps) ** Rational(3, 2), pos=[eps], sym=False)


@chk("T-17")
def _():
    xs, xh = bn2()
    x_1, x_2 = xs
    return same(sp.diff(xh[0], x_2), 4 * eps / ((x_1 - x_2) ** 2 + 4 * eps) ** Rational(3, 2), pos=[eps], sym=False)


def ln(n):
    xv = vec("x", n)
    gv, bv = vec("gam", n), vec("bet", n)
    mu = (ones(n).T * xv)[0] / n
    dev = xv - mu * ones(n)
    vv = (dev.T * dev)[0] / n
    s = sqrt(vv + eps)
    xh = dev / s
    yv = Matrix([gv[i] * xh[i] + bv[i] for i in range(n)])
    return xv, gv, bv, mu, dev, vv, s, xh, yv


@chk("T-18")
def _():
    return all(same(jac_num(ln(n)[3], ln(n)[0]), ones(n).T / n) for n in (2, 3))


@chk("T-19")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, mu, dev, vv, s, xh, yv = ln(n)
        out.append(same(jac_num(vv, xv), 2 * dev.T / n))
    return all(out)


@chk("T-20")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, mu, dev, vv, s, xh, yv = ln(n)
        out.append(same(jac_num(s, xv), dev.T / (2 * n * s), pos=[eps], sym=False))
    return all(out)


def ln_J(n):
    xv, gv, bv, mu, dev, vv, s, xh, yv = ln(n)
    J = (sp.eye(n) - ones(n) * ones(n).T / n - xh * xh.T / n) / s
    return xv, gv, bv, s, xh, yv, J


@chk("T-21")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        out.append(same(jac_num(xh, xv), J, pos=[eps], sym=False))
    return all(out)


@chk("T-22")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        out.append(same(jac_num(xh, xv) * ones(n), sp.zeros(n, 1), pos=[eps], sym=False))
    return all(out)


@chk("T-23")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        out.append(same(jac_num(yv, gv), sp.diag(*list(xh)), pos=[eps], sym=False))
    return all(out)


@chk("T-24")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        out.append(same(jac_num(yv, bv), sp.eye(n)))
    return all(out)


@chk("T-25")
def _():
    out = []
    for n in (2, 3):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        out.append(same(jac_num(yv, xv), sp.diag(*list(gv)) * jac_num(xh, xv), pos=[eps], sym=False))
    return all(out)


@chk("T-26")
def _():
    out = []
    for n, k in ((2, 3), (2, 2)):
        Wm, yv, cv = mat("W", k, n), vec("y", n), vec("c", k)
        out.append(same(jac_num(Wm * yv + cv, yv), Wm.T))
    return all(out)


@chk("T-27")
def _():
    out = []
    for n, k in ((2, 3), (3, 2)):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        Wm, cv, dv = mat("W", k, n), vec("c", k), vec("d", k)
        zv = Wm * yv + cv
        L = sum(dv[i] * zv[i] + zv[i] ** 3 / 3 for i in range(k))
        Zs = vec("Z", k)
        Lz = sum(dv[i] * Zs[i] + Zs[i] ** 3 / 3 for i in range(k))
        dLdz = jac_num(Lz, Zs).subs(dict(zip(Zs, zv)))
        Ys = vec("Y", n)
        dzdy = jac_num(Wm * Ys + cv, Ys)
        out.append(same(jac_num(L, xv), dLdz * dzdy * jac_num(yv, xv), pos=[eps], sym=False, trials=3))
    return all(out)


@chk("T-28")
def _():
    out = []
    for n, k in ((2, 3), (3, 2)):
        xv, gv, bv, s, xh, yv, J = ln_J(n)
        Wm, cv = mat("W", k, n), vec("c", k)
        out.append(same(jac_num(Wm * yv + cv, xv), Wm * sp.diag(*list(gv)) * J, pos=[eps], sym=False, trials=3))
    return all(out)


def rms(n):
    xv, gv = vec("x", n), vec("g", n)
    r = sqrt(sum(xi ** 2 for xi in xv) / n + eps)
    yv = Matrix([gv[i] * xv[i] / r for i in range(n)])
    return xv, gv, r, yv


@chk("T-29")
def _():
    out = []
    for n in (1, 2, 3, 4):
        xv, gv, r, yv = rms(n)
        out += [same(sp.diff(r, xv[j]), xv[j] / (n * r), pos=[eps]) for j in range(n)]
    return all(out)


@chk("T-30")
def _():
    out = []
    for n in (2, 3):
        xv, gv, r, yv = rms(n)
        out.append(same(jac_num(r, xv), xv.T / r, pos=[eps], sym=False))
    return all(out)


@chk("T-31")
def _():
    out = []
    for n in (2, 3):
        xv, gv, r, yv = rms(n)
        out += [same(sp.diff(yv[i], xv[j]), gv[i] * (KD(i, j) / r - xv[i] * xv[j] / (n * r ** 3)), pos=[eps], sym=False)
                for i in range(n) for j in range(n)]
    return all(out)


@chk("T-32")
def _():
    out = []
    for n in (2, 3):
        xv, gv, r, yv = rms(n)
        out.append(same(jac_num(yv, xv), sp.diag(*list(gv)) * (sp.eye(n) - xv * xv.T / (n * r ** 2)) / r, pos=[eps], sym=False))
    return all(out)


@chk("T-33")
def _():
    x = sp.Symbol("x")
    return same(sp.diff(x / sqrt(x ** 2 + eps), x), eps / (x ** 2 + eps) ** Rational(3, 2), pos=[eps])


@chk("T-34")
def _():
    out = []
    for n in (1, 2, 3, 4):
        xv, gv, r, yv = rms(n)
        out.append(same(sum(xv[j] * sp.diff(r, xv[j]) for j in range(n)), r - eps / r, pos=[eps]))
    return all(out)


@chk("T-35")
def _():
    xs, gm, bt, mu, var, xh, yv, L, g = bn_loss(2)
    return not_identity(sp.diff(L, gm), 0, pos=[eps])


# ================================================================== attention.rst
@chk("A-01")
def _():
    out = []
    for d in (2, 3):
        qv, kv = vec("q", d), vec("k", d)
        out.append(same(grad((qv.T * kv)[0] / sqrt(d), qv), kv / sqrt(d)))
    return all(out)


@chk("A-02")
def _():
    out = []
    for d in (2, 3):
        qv, kv = vec("q", d), vec("k", d)
        out.append(same(grad((qv.T * kv)[0] / sqrt(d), kv), qv / sqrt(d)))
    return all(out)


@chk("A-03")
def _():
    out = []
    for d in (2, 3):
        for nk in (1, 2):
            qv, Kr = vec("q", d), mat("k", nk, d)  # row j of Kr is k_j, entry (j, l) = k_{jl}
            for j in range(nk):
                sj = sum(qv[l] * Kr[j, l] for l in range(d)) / sqrt(d)
                out += [same(sp.diff(sj, qv[l]), Kr[j, l] / sqrt(d)) for l in range(d)]
    return all(out)


@chk("A-04")
def _():
    D = sp.Symbol("D", positive=True)
    out = []
    for n in (2, 3):
        qv, kv = vec("q", n), vec("k", n)
        qk = (qv.T * kv)[0]
        out.append(same(sp.diff(qk / sqrt(D), D), -qk / (2 * D ** Rational(3, 2))))
    return all(out)


def worked():
    qv, kv = vec("q", 4), vec("k", 4)
    sv = (qv.T * kv)[0] / 2  # d = 4
    at = {qv[0]: 1, qv[1]: 0, qv[2]: 2, qv[3]: 0, kv[0]: 0, kv[1]: 1, kv[2]: 1, kv[3]: 3}
    assert sv.subs(at) == 1
    return qv, kv, sv, at


@chk("A-05")
def _():
    qv, kv, sv, at = worked()
    return same(grad(sv, qv).subs(at), Matrix([0, Rational(1, 2), Rational(1, 2), Rational(3, 2)]))


@chk("A-06")
def _():
    qv, kv, sv, at = worked()
    return same(grad(sv, kv).subs(at), Matrix([1, 0, 2, 0]))


@chk("A-07")
def _():
    out = []
    for n in (2, 3):
        sv = vec("s", n)
        al_, _, _ = softmax(sv)
        out += [same(sp.diff(al_[j], sv[l]), al_[j] * (KD(j, l) - al_[l])) for j in range(n) for l in range(n)]
    return all(out)


def attn(n, d):
    qv = vec("q", d)
    ks = [vec(f"k{j+1}_", d) for j in range(n)]
    vs = list(vec("v", n))
    s = [(qv.T * kj)[0] / sqrt(d) for kj in ks]
    alpha, _, _ = softmax(s)
    o = sum(alpha[j] * vs[j] for j in range(n))
    return qv, ks, vs, s, alpha, o


@chk("A-08")
def _():
    out = []
    for n, d in ((2, 2), (3, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        Ss = vec("S", n)
        alS, _, _ = softmax(Ss)
        sub = dict(zip(Ss, s))
        for j in range(n):
            rhs = sum((sp.diff(alS[j], Ss[l]).subs(sub) * grad(s[l], qv) for l in range(n)), sp.zeros(d, 1))
            out.append(same(grad(alpha[j], qv), rhs, sym=False))
    return all(out)


@chk("A-09")
def _():
    out = []
    for n, d in ((2, 2), (3, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        Ss = vec("S", n)
        alS, _, _ = softmax(Ss)
        sub = dict(zip(Ss, s))
        for j in range(n):
            lhs = sum((sp.diff(alS[j], Ss[l]).subs(sub) * grad(s[l], qv) for l in range(n)), sp.zeros(d, 1))
            rhs = sum((alpha[j] * (KD(j, l) - alpha[l]) * ks[l] / sqrt(d) for l in range(n)), sp.zeros(d, 1))
            out.append(same(lhs, rhs, sym=False))
    return all(out)


@chk("A-10")
def _():
    out = []
    for n, d in ((2, 2), (3, 2), (4, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        for j in range(n):
            lhs = sum((alpha[j] * (KD(j, l) - alpha[l]) * ks[l] / sqrt(d) for l in range(n)), sp.zeros(d, 1))
            rhs = alpha[j] / sqrt(d) * (ks[j] - sum((alpha[l] * ks[l] for l in range(n)), sp.zeros(d, 1)))
            out.append(same(lhs, rhs, sym=False))
    return all(out)


@chk("A-11")
def _():
    out = []
    for n, d in ((2, 2), (3, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        out += [same(sp.diff(o, vs[j]), alpha[j], sym=False) for j in range(n)]
    return all(out)


@chk("A-12")
def _():
    out = []
    for n, d in ((2, 2), (3, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        rhs = sum((alpha[j] * (vs[j] - o) * ks[j] for j in range(n)), sp.zeros(d, 1)) / sqrt(d)
        out.append(same(grad(o, qv), rhs, sym=False))
    return all(out)


@chk("A-13")
def _():
    out = []
    for n, d in ((2, 2), (3, 2)):
        qv, ks, vs, s, alpha, o = attn(n, d)
        out += [same(grad(o, ks[j]), alpha[j] / sqrt(d) * (vs[j] - o) * qv, sym=False) for j in range(n)]
    return all(out)


k1, k2 = sp.symbols("k1 k2")
alpha1 = exp(q * k1) / (exp(q * k1) + exp(q * k2))


@chk("A-14")
def _():
    return same(alpha1, sig(q * (k1 - k2))) and same(sp.diff(alpha1, q), sp.diff(sig(q * (k1 - k2)), q))


@chk("A-15")
def _(): return same(sp.diff(sig(q * (k1 - k2)), q), alpha1 * (1 - alpha1))
@chk("A-16")
def _(): return same(sp.diff(alpha1, q).subs(q, 0), (k1 - k2) / 4)


def scores(n, m, d):
    Q, K, C = mat("Q", n, d), mat("K", m, d), mat("C", n, m)
    S = Q * K.T / sqrt(d)
    L = sum(C[i, j] * S[i, j] + S[i, j] ** 3 / 3 for i in range(n) for j in range(m))
    G = Matrix(n, m, lambda i, j: C[i, j] + S[i, j] ** 2)
    return Q, K, C, S, L, G


SZ_ATT = [(2, 3, 2), (3, 2, 4)]


@chk("A-17")
def _():
    Q, K, C, S, L, G = scores(2, 2, 2)
    return not_identity(mat("G", 2, 2), G)


@chk("A-18")
def _():
    return all(same(grad(scores(*sz)[4], scores(*sz)[0]), scores(*sz)[5] * scores(*sz)[1] / sqrt(sz[2]), sym=False) for sz in SZ_ATT)


@chk("A-19")
def _():
    out = []
    for sz in SZ_ATT + [(2, 2, 2)]:
        Q, K, C, S, L, G = scores(*sz)
        if Q.T.shape[1] != G.shape[0]:
            out.append(False)
            continue
        out.append(same(grad(L, K), Q.T * G / sqrt(sz[2]), sym=False))
    return all(out)


@chk("A-20")
def _():
    return all(same(grad((mat("C", n, m).T * mat("Q", n, d) * mat("K", m, d).T).trace(), mat("Q", n, d)), mat("C", n, m) * mat("K", m, d))
               for n, m, d in SZ_ATT)


@chk("A-21")
def _():
    return all(same(grad((mat("C", n, m).T * mat("Q", n, d) * mat("K", m, d).T).trace(), mat("K", m, d)), mat("C", n, m).T * mat("Q", n, d))
               for n, m, d in SZ_ATT)


def av(n, m, dv):
    A, V, D = mat("A", n, m), mat("V", m, dv), mat("D", n, dv)
    O = A * V
    L = sum(D[i, j] * O[i, j] + O[i, j] ** 3 / 3 for i in range(n) for j in range(dv))
    dLdO = Matrix(n, dv, lambda i, j: D[i, j] + O[i, j] ** 2)
    return A, V, O, L, dLdO


@chk("A-22")
def _():
    return all(same(grad(av(*sz)[3], av(*sz)[1]), av(*sz)[0].T * av(*sz)[4]) for sz in ((2, 3, 2), (3, 2, 1)))


@chk("A-23")
def _():
    return all(same(grad(av(*sz)[3], av(*sz)[0]), av(*sz)[4] * av(*sz)[1].T) for sz in ((2, 3, 2), (3, 2, 1)))


@chk("A-24")
def _():
    out = []
    for n, m in ((1, 2), (2, 3)):
        S, C = mat("S", n, m), mat("C", n, m)
        A = Matrix([softmax(list(S[i, :]))[0] for i in range(n)])
        As = mat("P", n, m)
        Lp = sum(C[i, j] * As[i, j] + As[i, j] ** 3 / 3 for i in range(n) for j in range(m))
        sub = {As[i, j]: A[i, j] for i in range(n) for j in range(m)}
        L = Lp.subs(sub)
        dLdA = grad(Lp, As).subs(sub)
        for i in range(n):
            for l in range(m):
                rhs = A[i, l] * (dLdA[i, l] - sum(dLdA[i, j] * A[i, j] for j in range(m)))
                out.append(same(sp.diff(L, S[i, l]), rhs, sym=False))
    return all(out)


def selfatt(d, p):
    WQ, WK, xv = mat("WQ", d, p), mat("WK", d, p), vec("x", p)
    s = (xv.T * WQ.T * WK * xv)[0] / sqrt(d)
    return WQ, WK, xv, s


SZ_SA = [(2, 3), (3, 2)]


@chk("A-25")
def _():
    return all(same(grad(selfatt(*sz)[3], selfatt(*sz)[2]),
                    (selfatt(*sz)[0].T * selfatt(*sz)[1] + selfatt(*sz)[1].T * selfatt(*sz)[0]) * selfatt(*sz)[2] / sqrt(sz[0]))
               for sz in SZ_SA)


@chk("A-26")
def _():
    return all(same(grad(selfatt(*sz)[3], selfatt(*sz)[0]), selfatt(*sz)[1] * selfatt(*sz)[2] * selfatt(*sz)[2].T / sqrt(sz[0]))
               for sz in SZ_SA)


@chk("A-27")
def _():
    return all(same(grad(selfatt(*sz)[3], selfatt(*sz)[1]), selfatt(*sz)[2] * selfatt(*sz)[2].T * selfatt(*sz)[0].T / sqrt(sz[0]))
               for sz in SZ_SA + [(2, 2)])


@chk("A-28")
def _():
    WQ, WK, xv, s = selfatt(2, 2)
    L = (s - 1) ** 2
    return not_identity(grad(L, WQ), sp.zeros(2, 2))


# ================================================================== conv_logreg.qmd
def conv(n, k, stride=1, bias=True):
    xs, ws = sp.symbols(f"x0:{n}"), sp.symbols(f"w0:{k}")
    bb = sp.Symbol("b") if bias else 0
    nout = (n - k) // stride + 1
    ys = [sum(ws[j] * xs[stride * i + j] for j in range(k)) + bb for i in range(nout)]
    cc = sp.symbols(f"c0:{nout}")
    L = sum(cc[i] * ys[i] + ys[i] ** 3 / 3 for i in range(nout))
    g = [cc[i] + ys[i] ** 2 for i in range(nout)]
    return xs, ws, bb, ys, L, g, nout


CONV_SIZES = [(4, 2), (5, 3), (6, 3)]


@chk("Q-01")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        out += [same(sp.diff(ys[i], ws[j]), xs[i + j]) for i in range(no) for j in range(k)]
    return all(out)


@chk("Q-02")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        out += [same(sp.diff(ys[i], bb), 1) for i in range(no)]
    return all(out)


@chk("Q-03")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        out += [same(sp.diff(ys[i], xs[mm]), ws[mm - i] if 0 <= mm - i <= k - 1 else 0) for i in range(no) for mm in range(n)]
    return all(out)


@chk("Q-04")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        out += [same(sp.diff(L, ws[j]), sum(g[i] * xs[i + j] for i in range(n - k + 1))) for j in range(k)]
    return all(out)


@chk("Q-05")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        out.append(same(sp.diff(L, bb), sum(g)))
    return all(out)


@chk("Q-06")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        for mm in range(n):
            rhs = sum(g[i] * ws[mm - i] for i in range(max(0, mm - k + 1), min(mm, n - k) + 1))
            out.append(same(sp.diff(L, xs[mm]), rhs))
    return all(out)


C42 = conv(4, 2, bias=False)
xs42, ws42, _b, ys42, L42, g42, _n = C42


@chk("Q-07")
def _(): return same(sp.diff(L42, ws42[0]), g42[0] * xs42[0] + g42[1] * xs42[1] + g42[2] * xs42[2])
@chk("Q-08")
def _(): return same(sp.diff(L42, ws42[1]), g42[0] * xs42[1] + g42[1] * xs42[2] + g42[2] * xs42[3])
@chk("Q-09")
def _(): return same(sp.diff(L42, xs42[0]), g42[0] * ws42[0])
@chk("Q-10")
def _(): return same(sp.diff(L42, xs42[1]), g42[0] * ws42[1] + g42[1] * ws42[0])
@chk("Q-11")
def _(): return same(sp.diff(L42, xs42[2]), g42[1] * ws42[0] + g42[2] * ws42[1])
@chk("Q-12")
def _(): return same(sp.diff(L42, xs42[3]), g42[2] * ws42[1])


@chk("Q-13")
def _():
    return same(sp.diff(sum(ws42[0] * xs42[i] + ws42[1] * xs42[i + 1] for i in range(3)), ws42[1]), xs42[1] + xs42[2] + xs42[3])


@chk("Q-14")
def _():
    out = []
    for n, k in CONV_SIZES:
        xs, ws, bb, ys, L, g, no = conv(n, k)
        ts = sp.symbols(f"t0:{no}")
        L2 = sum((ys[i] - ts[i]) ** 2 for i in range(no)) / 2
        out += [same(sp.diff(L2, ws[j]), sum((ys[i] - ts[i]) * xs[i + j] for i in range(no))) for j in range(k)]
    return all(out)


@chk("Q-15")
def _():
    out = []
    for n, k in ((5, 2), (7, 3)):
        xs, ws, bb, ys, L, g, no = conv(n, k, stride=2, bias=False)
        out += [same(sp.diff(ys[i], xs[mm]), ws[mm - 2 * i]) for i in range(no) for mm in range(n) if 0 <= mm - 2 * i <= k - 1]
    return all(out)


@chk("Q-16")
def _():
    out = []
    for n, k in ((7, 3), (9, 3)):
        xs, ws, bb, ys, L, g, no = conv(n, k, stride=2, bias=False)
        for j in range(k):
            terms = [g[i] * xs[i + 2 * j] for i in range(no) if i + 2 * j < n]
            out.append(same(sp.diff(L, ws[j]), sum(terms)))
    return all(out)


@chk("Q-17")
def _(): return same(sp.diff(sig(t), t), sig(t) * (1 - sig(t)))


@chk("Q-18")
def _():
    out = []
    for d in (2, 3):
        wv, xv = vec("w", d), vec("x", d)
        tt = (xv.T * wv)[0]
        out.append(same(grad(log(sig(tt)), wv), (1 - sig(tt)) * xv))
    return all(out)


def nll(n, d, lamb=0):
    X, wv, yv = mat("X", n, d), vec("w", d), vec("y", n)
    rows = [X[i, :].T for i in range(n)]
    ts = [(r.T * wv)[0] for r in rows]
    J = -sum(yv[i] * log(sig(ts[i])) + (1 - yv[i]) * log(1 - sig(ts[i])) for i in range(n))
    sv = Matrix([sig(ti) for ti in ts])
    Sd = sp.diag(*[sig(ti) * (1 - sig(ti)) for ti in ts])
    return X, wv, yv, rows, ts, J, sv, Sd


def hess(f, wv):
    return Matrix(len(wv), len(wv), lambda i, j: sp.diff(f, wv[i], wv[j]))


NLL_SIZES = [(1, 2), (2, 2), (3, 2), (2, 3)]


@chk("Q-19")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        rhs = sum(((sig(ts[i]) - yv[i]) * rows[i] for i in range(n)), sp.zeros(d, 1))
        out.append(same(grad(J, wv), rhs, sym=False))
    return all(out)


@chk("Q-20")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        lhs = sum(((sig(ts[i]) - yv[i]) * rows[i] for i in range(n)), sp.zeros(d, 1))
        out.append(same(lhs, X.T * (sv - yv)))
    return all(out)


@chk("Q-21")
def _():
    out = []
    for n, d in NLL_SIZES[:3]:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        rhs = sum((sig(ts[i]) * (1 - sig(ts[i])) * rows[i] * rows[i].T for i in range(n)), sp.zeros(d, d))
        out.append(same(hess(J, wv), rhs, sym=False))
    return all(out)


@chk("Q-22")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        lhs = sum((sig(ts[i]) * (1 - sig(ts[i])) * rows[i] * rows[i].T for i in range(n)), sp.zeros(d, d))
        out.append(same(lhs, X.T * Sd * X, sym=False))
    return all(out)


@chk("Q-23")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        out.append(same(grad(J / n, wv), X.T * (sv - yv) / n, sym=False))
    return all(out)


@chk("Q-24")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        out.append(same(grad(-J, wv), X.T * (sv - yv), sym=False))
    return all(out)


@chk("Q-25")
def _():
    out = []
    for n, d in NLL_SIZES:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        out.append(same(grad(J + lam / 2 * (wv.T * wv)[0], wv), X.T * (sv - yv) + lam * wv, sym=False))
    return all(out)


@chk("Q-26")
def _():
    out = []
    for n, d in NLL_SIZES[:3]:
        X, wv, yv, rows, ts, J, sv, Sd = nll(n, d)
        out.append(same(hess(J + lam / 2 * (wv.T * wv)[0], wv), X.T * Sd * X + lam * sp.eye(d), sym=False))
    return all(out)


@chk("Q-27")
def _():
    X, wv, yv, rows, ts, J, sv, Sd = nll(2, 2)
    return not_identity(grad(J, wv), sp.zeros(2, 1))


@chk("Q-28")
def _():
    X, wv, yv, rows, ts, J, sv, Sd = nll(2, 2)
    global NCMP
    # evaluate at a random point first, then invert the numeric Hessian
    H, g = hess(J, wv), grad(J, wv)
    p = point(sorted(free(H, g), key=str))
    Hn, gn = H.subs(p).evalf(30), g.subs(p).evalf(30)
    step = Hn.inv() * gn
    NCMP += 1
    return max(abs(complex(e)) for e in step) > 1e-12  # w != w - H^{-1} grad at this point


J1 = -log(sig(2 * w))


@chk("Q-29")
def _(): return same(sp.diff(J1, w), -2 * (1 - sig(2 * w)))
@chk("Q-30")
def _(): return same(sp.diff(J1, w).subs(w, 0), -2 * (1 - sig(0)))
@chk("Q-31")
def _(): return same(-2 * (1 - sig(0)), -1)
@chk("Q-32")
def _(): return same(sp.diff(J1, w, 2), 2 * sig(2 * w) * (1 - sig(2 * w)))
@chk("Q-33")
def _(): return same(sp.diff(J1, w, 2).subs(w, 0), Rational(1, 2))


# ------------------------------------------------------------------ run
def main():
    ids = [r["id"] for r in R]
    missing = [i for i in ids if i not in CH]
    extra = [i for i in CH if i not in ids]
    if missing or extra:
        print("missing checks:", missing, "extra checks:", extra)
        sys.exit(2)
    bad = []
    for r in R:
        res = bool(CH[r["id"]]())
        want = True  # correct -> holds; MISTAKE -> check returns holds=False; nac -> confirmed True
        if r["label"] == "correct":
            ok = res is True
        elif r["label"] == "MISTAKE":
            ok = res is False
        else:
            ok = res is True
        if not ok:
            bad.append((r["id"], r["label"], res))
        print(f"{r['id']:6} {r['label']:12} check={'holds' if r['label'] != 'not-a-claim' and res else ('fails' if r['label'] != 'not-a-claim' else 'not an identity' if res else 'IDENTITY?')}  {'ok' if ok else 'DISAGREE'}")
    print(f"\n{len(R)} labelled rows, {NCMP} elementary SymPy comparisons, {len(bad)} disagreements")
    for b_ in bad:
        print("DISAGREE:", b_)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

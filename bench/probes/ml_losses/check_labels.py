"""Check every label of the ml_losses probe set with SymPy.

Each row has a check function.  For a row labelled `correct` the check confirms
the claim; for `MISTAKE` it confirms that the claim fails AND that the value in
the `why` column holds; for `not-a-claim` it confirms that the relation is not an
identity (it only holds at particular points / is an equation or definition).
Run:  /work/main/.venv/bin/python check_labels.py
"""
import json
import random
import sys

import sympy as sp
from sympy import (Rational, exp, log, sqrt, tanh, sin, cos, Abs, Max, sign,
                   Matrix, symbols, diff, simplify, eye, zeros)

random.seed(7)
NCHECKS = 0
FAIL = []


def rnd(pos=False, lo=-2, hi=2):
    v = Rational(random.randint(1, 97), 37) * (1 if pos else random.choice([-1, 1]))
    return v


def zero_at_random(expr, syms, pos=(), n=6, cond=None, tol=1e-25):
    """True if expr vanishes at n random points (satisfying cond)."""
    done = 0
    tries = 0
    while done < n and tries < 500:
        tries += 1
        sub = {s: rnd(pos=(s in pos)) for s in syms}
        if cond is not None and not bool(cond.subs(sub)):
            continue
        v = sp.N(expr.subs(sub), 40)
        if not v.is_finite:
            continue
        if abs(complex(v)) > tol:
            return False
        done += 1
    assert done == n, "could not sample points"
    return True


def same(lhs, rhs, syms, pos=(), cond=None):
    SUB[0] += 1
    d = sp.simplify(lhs - rhs)
    if d == 0:
        return True
    return zero_at_random(lhs - rhs, syms, pos, cond=cond)


def differ(lhs, rhs, syms, pos=(), cond=None):
    SUB[0] += 1
    return not zero_at_random(lhs - rhs, syms, pos, n=4, cond=cond)


def mat_same(A, B):
    SUB[0] += 1
    if A.shape != B.shape:
        return False
    return all(sp.simplify(sp.expand(a - b)) == 0 for a, b in zip(A, B))


def msym(name, r, c):
    return Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i}{j}"))


def vsym(name, n):
    return Matrix(n, 1, lambda i, j: sp.Symbol(f"{name}{i}"))


def grad(f, X):
    """Denominator layout: same shape as X."""
    return Matrix(X.shape[0], X.shape[1], lambda i, j: sp.diff(f, X[i, j]))


def jac_den(u, x):
    """d u / d x in denominator layout: entry (i, j) = d u_j / d x_i."""
    return Matrix(len(x), len(u), lambda i, j: sp.diff(u[j], x[i]))


ROWS = []
SUB = [0]


def row(id, file, line, step, latex, label, why, check):
    ROWS.append(dict(id=id, file=file, line=line, step=step, latex=latex,
                     label=label, why=why, check=check))


# ---------------------------------------------------------------- file 1
F1 = "losses_gradients.md"
t, z, y, T, a, b, s, r, dl, p, g = symbols("t z y T a b s r delta p gamma", real=True)
sig = lambda u: 1 / (1 + exp(-u))
ell = log(1 + exp(z)) - y * z

row("L01", F1, 24, 1, r"\frac{d}{dt}\,\sigma(t) = \frac{e^{-t}}{(1+e^{-t})^{2}}", "correct",
    "sigma' = e^{-t}/(1+e^{-t})^2", lambda: same(diff(sig(t), t), exp(-t) / (1 + exp(-t))**2, [t]))
row("L02", F1, 24, 2, r"\frac{e^{-t}}{(1+e^{-t})^{2}} = \sigma(t)\bigl(1-\sigma(t)\bigr)", "correct",
    "algebra with sigma = 1/(1+e^{-t})", lambda: same(exp(-t) / (1 + exp(-t))**2, sig(t) * (1 - sig(t)), [t]))
row("L03", F1, 27, 1, r"\frac{d}{dt}\log\sigma(t) = 1-\sigma(t)", "correct", "d log sigma = 1 - sigma",
    lambda: same(diff(log(sig(t)), t), 1 - sig(t), [t]))
u = sp.Function("u")
row("L04", F1, 29, 1, r"u'(t) = u(t)\bigl(1-u(t)\bigr)", "not-a-claim",
    "logistic ODE to be solved (sigma solves it)",
    lambda: sp.simplify(diff(sig(t), t) - sig(t) * (1 - sig(t))) == 0 and
    differ(diff(t**2, t), t**2 * (1 - t**2), [t]))  # an ODE: not satisfied by every u
row("L05", F1, 45, 1, r"&= \frac{\partial}{\partial z}\Bigl[\log(1+e^{z}) - yz\Bigr]", "correct",
    "restates the loss", lambda: same(ell, log(1 + exp(z)) - y * z, [z, y]) and
    same(-y * log(sig(z)) - (1 - y) * log(1 - sig(z)), ell, [z, y]))
row("L06", F1, 46, 2, r"= \frac{e^{z}}{1+e^{z}} - y", "correct", "",
    lambda: same(diff(ell, z), exp(z) / (1 + exp(z)) - y, [z, y]))
row("L07", F1, 47, 3, r"= \sigma(z) - y", "correct", "",
    lambda: same(exp(z) / (1 + exp(z)) - y, sig(z) - y, [z, y]))
row("L08", F1, 51, 1, r"\dfrac{\partial^2 \ell}{\partial z^2} = \sigma(z)\bigl(1-\sigma(z)\bigr)", "correct", "",
    lambda: same(diff(ell, z, 2), sig(z) * (1 - sig(z)), [z, y]))
row("L09", F1, 53, 1, r"\frac{\partial \ell}{\partial z} = 0", "not-a-claim",
    "equation (no finite solution for y=1)",
    lambda: differ(diff(ell, z), 0, [z, y]) and sp.solve(sp.Eq(diff(ell, z).subs(y, 1), 0), z) == [])
l1 = log(1 + exp(-z)); l0 = log(1 + exp(z))
row("L10", F1, 57, 1, r"\ell_1'(0) = -\frac{1}{2}", "correct", "",
    lambda: sp.simplify(diff(l1, z).subs(z, 0) + Rational(1, 2)) == 0)
row("L11", F1, 58, 1, r"\ell_1'(2) = -\frac{1}{1+e^{2}}", "correct", "",
    lambda: sp.simplify(diff(l1, z).subs(z, 2) + 1 / (1 + exp(2))) == 0)
row("L12", F1, 59, 1, r"\ell_0'(z) = \frac{1}{1+e^{z}}", "MISTAKE", "correct: e^{z}/(1+e^{z}) = sigma(z)",
    lambda: differ(diff(l0, z), 1 / (1 + exp(z)), [z]) and same(diff(l0, z), exp(z) / (1 + exp(z)), [z]))


def softmax_checks(temp):
    ok = True
    for K in (2, 3, 4):
        zs = symbols(f"z1:{K + 1}", real=True)
        den = sum(exp(zk / temp) for zk in zs)
        ps = [exp(zk / temp) / den for zk in zs]
        for i in range(K):
            for j in range(K):
                ok &= same(diff(ps[i], zs[j]), ps[i] * ((1 if i == j else 0) - ps[j]) / temp,
                           list(zs) + ([temp] if temp != 1 else []), pos=(temp,))
    return ok


def ce_grad_check():
    ok = True
    for K in (2, 3, 4):
        zs = symbols(f"z1:{K + 1}", real=True)
        den = sum(exp(zk) for zk in zs)
        ps = [exp(zk) / den for zk in zs]
        for c in range(K):
            yv = [1 if k == c else 0 for k in range(K)]
            L = -sum(yv[k] * log(ps[k]) for k in range(K))
            for j in range(K):
                ok &= same(diff(L, zs[j]), ps[j] - yv[j], list(zs))
    return ok


row("L13", F1, 67, 1, r"\frac{\partial p_i}{\partial z_j} = p_i\,(\delta_{ij} - p_j)", "correct",
    "softmax Jacobian (checked K=2,3,4)", lambda: softmax_checks(1))
row("L14", F1, 70, 1, r"\frac{\partial L}{\partial z_j} = p_j - y_j", "correct",
    "one-hot y (checked K=2,3,4, every class)", ce_grad_check)
z1, z2, z3 = symbols("z_1 z_2 z_3", real=True)
p1 = exp(z1) / (exp(z1) + exp(z2))
row("L15", F1, 76, 1, r"\frac{\partial p_1}{\partial z_1} = \frac{e^{z_1}e^{z_2}}", "correct", "",
    lambda: same(diff(p1, z1), exp(z1) * exp(z2) / (exp(z1) + exp(z2))**2, [z1, z2]))
row("L16", F1, 78, 1, r"\frac{\partial p_1}{\partial z_2} = -\frac{e^{z_1+z_2}}", "correct", "",
    lambda: same(diff(p1, z2), -exp(z1 + z2) / (exp(z1) + exp(z2))**2, [z1, z2]))
S3 = exp(z1) + exp(z2) + exp(z3)
L3 = -z1 + log(S3)
row("L17", F1, 84, 1, r"\frac{\partial L}{\partial z_2} = \frac{e^{z_2}}{e^{z_1}+e^{z_2}+e^{z_3}}", "correct", "",
    lambda: same(diff(L3, z2), exp(z2) / S3, [z1, z2, z3]))
row("L18", F1, 86, 1, r"\frac{\partial L}{\partial z_1} = \frac{e^{z_1}}{e^{z_1}+e^{z_2}+e^{z_3}} + 1", "MISTAKE",
    "correct: e^{z_1}/(sum) - 1 (sign of the -z_1 term)",
    lambda: differ(diff(L3, z1), exp(z1) / S3 + 1, [z1, z2, z3]) and same(diff(L3, z1), exp(z1) / S3 - 1, [z1, z2, z3]))
row("L19", F1, 95, 1, r"\frac{\partial p_i}{\partial z_j} = \frac{1}{T}\,p_i\,(\delta_{ij}-p_j)", "correct",
    "checked K=2,3,4", lambda: softmax_checks(T))
q = exp(a / T) / (exp(a / T) + exp(b / T))
row("L20", F1, 99, 1, r"\frac{\partial q}{\partial a} = \frac{1}{T}\,q(1-q)", "correct", "",
    lambda: same(diff(q, a), q * (1 - q) / T, [a, b, T], pos=(T,)))
row("L21", F1, 100, 1, r"\frac{\partial q}{\partial b} = \frac{1}{T}\,q(1-q)", "MISTAKE",
    "correct: -(1/T) q(1-q)",
    lambda: differ(diff(q, b), q * (1 - q) / T, [a, b, T], pos=(T,)) and same(diff(q, b), -q * (1 - q) / T, [a, b, T], pos=(T,)))
row("L22", F1, 104, 1, r"\frac{\partial q}{\partial T} = -\frac{a-b}{T^{2}}\,q\,(1-q)", "correct", "",
    lambda: same(diff(q, T), -(a - b) / T**2 * q * (1 - q), [a, b, T], pos=(T,)))
yy = symbols("y_pm")
h = Max(0, 1 - yy * s)


def hinge_check(region_lt):
    ok = True
    for yv in (-1, 1):
        hv = sp.Piecewise((1 - yv * s, yv * s < 1), (0, True))
        assert all(hv.subs(s, v) == Max(0, 1 - yv * v) for v in (-2, 0, Rational(1, 2), 3))
        n_ok = 0
        while n_ok < 4:
            sv = rnd()
            if (yv * sv < 1) != region_lt or yv * sv == 1:
                continue
            dv = diff(hv, s).subs(s, sv)
            ok &= dv == (-yv if region_lt else 0)
            n_ok += 1
    return ok


row("L23", F1, 113, 1, r"\frac{dh}{ds} = -y", "correct", "for ys<1 (y=+-1)", lambda: hinge_check(True))
row("L24", F1, 113, 1, r"\frac{dh}{ds} = 0", "correct", "for ys>1 (y=+-1)", lambda: hinge_check(False))
h1 = sp.Piecewise((1 - s, s < 1), (0, True))
row("L25", F1, 117, 1, r"\partial h(1) = [-1, 0]", "correct",
    "subdifferential at the kink = [left derivative, right derivative]",
    lambda: (1 - s).subs(s, 1) == 0 and h1.subs(s, 1) == 0 and  # continuous kink at s = 1
    sp.limit(((1 - (1 + t)) - 0) / t, t, 0, "-") == -1 and      # left branch 1 - s
    sp.limit((0 - 0) / t, t, 0, "+") == 0)                         # right branch 0


def sqhinge():
    ok = True
    for yv in (-1, 1):
        h2 = sp.Piecewise((0, yv * s >= 1), ((1 - yv * s)**2, True))
        for _ in range(6):
            sv = rnd()
            if yv * sv == 1:
                continue
            lhs = diff(h2, s).subs(s, sv)
            ok &= sp.simplify(lhs - (-2 * yv * Max(0, 1 - yv * sv))) == 0
    return ok


row("L26", F1, 120, 1, r"h_2'(s) = -2y\max(0,1-ys)", "correct", "", sqhinge)
row("L27", F1, 120, 1, r"h_2'(0.5) = -1", "correct", "y=1: -2*1*0.5",
    lambda: diff((1 - s)**2, s).subs(s, Rational(1, 2)) == -1)
H = sp.Piecewise((r**2 / 2, Abs(r) <= dl), (dl * (Abs(r) - dl / 2), True))


def huber():
    ok = True
    for _ in range(12):
        dv, rv = rnd(pos=True), rnd()
        if Abs(rv) == dv:
            continue
        lhs = diff(H, r).subs({r: rv, dl: dv})
        rhs = rv if abs(rv) <= dv else dv * sign(rv)
        ok &= sp.simplify(lhs - rhs) == 0
    return ok


row("L28", F1, 130, 1, r"H_\delta'(r) =", "correct", "clipped residual (both branches checked)", huber)
Lps = dl**2 * (sqrt(1 + (r / dl)**2) - 1)
row("L29", F1, 138, 1, r"\frac{d}{dr}L_\delta(r) = \frac{r}{\sqrt{1+(r/\delta)^2}}", "correct", "",
    lambda: same(diff(Lps, r), r / sqrt(1 + (r / dl)**2), [r, dl], pos=(dl,)))
row("L30", F1, 143, 1, r"\frac{d^2}{dr^2}L_\delta(r)", "correct", "",
    lambda: same(diff(Lps, r, 2), (1 + r**2 / dl**2)**Rational(-1, 2) - r**2 / dl**2 * (1 + r**2 / dl**2)**Rational(-3, 2), [r, dl], pos=(dl,)))
row("L31", F1, 144, 2, r"= \left(1+\frac{r^2}{\delta^2}\right)^{-3/2}", "correct", "",
    lambda: same((1 + r**2 / dl**2)**Rational(-1, 2) - r**2 / dl**2 * (1 + r**2 / dl**2)**Rational(-3, 2), (1 + r**2 / dl**2)**Rational(-3, 2), [r, dl], pos=(dl,)))
row("L32", F1, 148, 1, r"\left.\frac{d}{dr}L_\delta(r)\right|_{r=\delta} = \frac{\delta}{2}", "MISTAKE",
    "correct: delta/sqrt(2)",
    lambda: differ(diff(Lps, r).subs(r, dl), dl / 2, [dl], pos=(dl,)) and same(diff(Lps, r).subs(r, dl), dl / sqrt(2), [dl], pos=(dl,)))
FL = -(1 - p)**g * log(p)
row("L33", F1, 156, 1, r"\frac{d\,\mathrm{FL}}{dp} = \gamma(1-p)^{\gamma-1}\log p", "correct", "",
    lambda: same(diff(FL, p), g * (1 - p)**(g - 1) * log(p) - (1 - p)**g / p, [p, g], cond=sp.And(p > 0, p < 1)))
pz = sig(z)
row("L34", F1, 159, 1, r"\frac{dp}{dz} = p(1-p)", "correct", "p = sigma(z) stated in the sentence",
    lambda: same(diff(pz, z), pz * (1 - pz), [z]))
FLz = FL.subs(p, pz)
dFLdp = (g * (1 - p)**(g - 1) * log(p) - (1 - p)**g / p)
row("L35", F1, 163, 1, r"\frac{\partial\,\mathrm{FL}}{\partial z}", "correct", "chain rule with p = sigma(z)",
    lambda: same(diff(FLz, z), (dFLdp * p * (1 - p)).subs(p, pz), [z, g], pos=(g,)))
row("L36", F1, 164, 2, r"= \gamma\,p\,(1-p)^{\gamma}\log p - (1-p)^{\gamma+1}", "correct", "",
    lambda: same(dFLdp * p * (1 - p), g * p * (1 - p)**g * log(p) - (1 - p)**(g + 1), [p, g], cond=sp.And(p > 0, p < 1)))
FL2 = -(1 - p)**2 * log(p)
row("L37", F1, 170, 1, r"\frac{d}{dp}\left[-(1-p)^2\log p\right] = -2(1-p)\log p", "MISTAKE",
    "correct: +2(1-p)log p - (1-p)^2/p (sign of first term)",
    lambda: differ(diff(FL2, p), -2 * (1 - p) * log(p) - (1 - p)**2 / p, [p], cond=sp.And(p > 0, p < 1)) and
    same(diff(FL2, p), 2 * (1 - p) * log(p) - (1 - p)**2 / p, [p], cond=sp.And(p > 0, p < 1)))
row("L38", F1, 174, 1, r"\right|_{p=1/2,\;\gamma=2} = -\log 2 - \frac12", "correct", "",
    lambda: sp.simplify(diff(FL, p).subs({g: 2}).subs(p, Rational(1, 2)) - (-log(2) - Rational(1, 2))) == 0)
row("L39", F1, 175, 1, r"\frac{d}{dp}(-\log p) = -\frac{1}{p}", "correct", "",
    lambda: same(diff(-log(p), p), -1 / p, [p], pos=(p,)))
row("L40", F1, 179, 1, r"\frac{d}{dz}\log(1+e^{z}) = \sigma(z)", "correct", "",
    lambda: same(diff(log(1 + exp(z)), z), sig(z), [z]))

# ---------------------------------------------------------------- file 2
F2 = "kl_reparam_zh.md"
m1, m2 = symbols("mu_1 mu_2", real=True)
s1, s2 = symbols("sigma_1 sigma_2", positive=True)
D = log(s2 / s1) + (s1**2 + (m1 - m2)**2) / (2 * s2**2) - Rational(1, 2)
PS = (s1, s2)
V = [m1, m2, s1, s2]


def kl_formula_ok():
    # D is the KL divergence between N(m1,s1^2) and N(m2,s2^2): check by integration at one point
    xx = symbols("x", real=True)
    vals = {m1: Rational(1, 3), m2: Rational(-1, 2), s1: Rational(3, 4), s2: Rational(5, 4)}
    P = lambda m, sd: sp.exp(-(xx - m)**2 / (2 * sd**2)) / (sd * sqrt(2 * sp.pi))
    pd, qd = P(vals[m1], vals[s1]), P(vals[m2], vals[s2])
    integrand = pd * (sp.expand_log(log(pd), force=True) - sp.expand_log(log(qd), force=True))
    kl = sp.integrate(sp.expand(integrand), (xx, -sp.oo, sp.oo))
    return abs(sp.N(kl - D.subs(vals))) < 1e-20


row("K01", F2, 13, 1, r"\frac{\partial D}{\partial \mu_1} = \frac{\mu_1-\mu_2}{\sigma_2^2}", "correct",
    "(also checks that D is the Gaussian KL)",
    lambda: kl_formula_ok() and same(diff(D, m1), (m1 - m2) / s2**2, V, pos=PS))
row("K02", F2, 14, 1, r"\frac{\partial D}{\partial \mu_2} = \frac{\mu_1-\mu_2}{\sigma_2^2}", "MISTAKE",
    "correct: -(mu_1-mu_2)/sigma_2^2",
    lambda: differ(diff(D, m2), (m1 - m2) / s2**2, V, pos=PS) and same(diff(D, m2), -(m1 - m2) / s2**2, V, pos=PS))
row("K03", F2, 15, 1, r"\frac{\partial D}{\partial \sigma_1} = -\frac{1}{\sigma_1} + \frac{\sigma_1}{\sigma_2^2}", "correct", "",
    lambda: same(diff(D, s1), -1 / s1 + s1 / s2**2, V, pos=PS))
row("K04", F2, 16, 1, r"\frac{\partial D}{\partial \sigma_2} = \frac{1}{\sigma_2} - \frac{\sigma_1^2", "correct", "",
    lambda: same(diff(D, s2), 1 / s2 - (s1**2 + (m1 - m2)**2) / s2**3, V, pos=PS))
row("K05", F2, 18, 1, r"\frac{\partial D}{\partial \sigma_1} = 0", "not-a-claim", "stationarity condition, solved by sigma_1 = sigma_2",
    lambda: differ(diff(D, s1), 0, V, pos=PS) and sp.solve(diff(D, s1), s1) == [s2])
mu, sg, ep, rho = symbols("mu sigma epsilon rho", real=True)
sgp = symbols("sigma", positive=True)
KL = (mu**2 + sgp**2) / 2 - log(sgp) - Rational(1, 2)
row("K06", F2, 24, 1, r"\frac{\partial}{\partial \mu}\left(\frac{\mu^2+\sigma^2}{2}", "correct",
    "(also: KL = D(mu,sigma,0,1))",
    lambda: same(KL, D.subs({m1: mu, s1: sgp, m2: 0, s2: 1}), [mu, sgp], pos=(sgp,)) and same(diff(KL, mu), mu, [mu, sgp], pos=(sgp,)))
row("K07", F2, 25, 1, r"\frac{\partial \mathrm{KL}}{\partial \sigma} = \sigma - \frac{1}{\sigma}", "correct", "",
    lambda: same(diff(KL, sgp), sgp - 1 / sgp, [mu, sgp], pos=(sgp,)))
row("K08", F2, 26, 1, r"\frac{\partial^2 \mathrm{KL}}{\partial \sigma^2} = 1 + \frac{1}{\sigma^2}", "correct", "",
    lambda: same(diff(KL, sgp, 2), 1 + 1 / sgp**2, [mu, sgp], pos=(sgp,)))
row("K09", F2, 28, 1, r"\right|_{\sigma=1} = 0", "correct", "",
    lambda: diff(KL, sgp).subs(sgp, 1) == 0)
row("K10", F2, 29, 1, r"\right|_{\sigma=2} = \frac32", "correct", "2 - 1/2",
    lambda: diff(KL, sgp).subs(sgp, 2) == Rational(3, 2))
ss = symbols("s", real=True)
KLs = (exp(ss) + mu**2 - 1 - ss) / 2
row("K11", F2, 33, 1, r"\frac{\partial \mathrm{KL}}{\partial s} = e^{s} - 1", "MISTAKE", "correct: (e^{s}-1)/2 (dropped the 1/2)",
    lambda: same(KLs, KL.subs(sgp, exp(ss / 2)), [mu, ss]) and differ(diff(KLs, ss), exp(ss) - 1, [mu, ss]) and
    same(diff(KLs, ss), (exp(ss) - 1) / 2, [mu, ss]))
zr = mu + sg * ep
row("K12", F2, 39, 1, r"\frac{\partial z}{\partial \mu} = 1", "correct", "", lambda: diff(zr, mu) == 1)
row("K13", F2, 39, 1, r"\frac{\partial z}{\partial \sigma} = \epsilon", "correct", "", lambda: diff(zr, sg) == ep)
row("K14", F2, 42, 1, r"\frac{\partial}{\partial \mu}(\mu+\sigma\epsilon)^2 = 2(\mu+\sigma\epsilon)", "correct", "",
    lambda: same(diff(zr**2, mu), 2 * zr, [mu, sg, ep]))
row("K15", F2, 43, 1, r"\frac{\partial}{\partial \sigma}(\mu+\sigma\epsilon)^2 = 2\epsilon(\mu+\sigma\epsilon)", "correct", "",
    lambda: same(diff(zr**2, sg), 2 * ep * zr, [mu, sg, ep]))


def expect_checks(step):
    from sympy.stats import Normal, E
    eN = Normal("e", 0, 1)
    lhs = diff(E((mu + sgp * eN)**2), sgp)
    mid = E(2 * eN * (mu + sgp * eN))
    if step == 1:
        return sp.simplify(lhs - mid) == 0
    return sp.simplify(mid - 2 * sgp) == 0


row("K16", F2, 48, 1, r"\frac{\partial}{\partial \sigma}\,\mathbb E\!\left[z^2\right]", "correct", "",
    lambda: expect_checks(1))
row("K17", F2, 49, 2, r"= 2\sigma .", "correct", "E[eps]=0, E[eps^2]=1",
    lambda: expect_checks(2))
row("K18", F2, 52, 1, r"\frac{\partial}{\partial \sigma}(\mu^2+\sigma^2) = 2\sigma", "correct", "",
    lambda: diff(mu**2 + sg**2, sg) == 2 * sg)
row("K19", F2, 54, 1, r"\frac{\partial}{\partial \sigma}\sin(\mu+\sigma\epsilon)", "correct", "",
    lambda: same(diff(sin(zr), sg), ep * cos(zr), [mu, sg, ep]))
row("K20", F2, 58, 1, r"\frac{\partial z}{\partial s} = \frac12 e^{s/2}\epsilon", "correct", "",
    lambda: same(diff(mu + exp(ss / 2) * ep, ss), exp(ss / 2) * ep / 2, [mu, ss, ep]))
zrho = mu + log(1 + exp(rho)) * ep
row("K21", F2, 59, 1, r"\frac{\partial z}{\partial \rho} = \frac{\epsilon}{1+e^{\rho}}", "MISTAKE",
    "correct: epsilon e^{rho}/(1+e^{rho}) = epsilon sigmoid(rho)",
    lambda: differ(diff(zrho, rho), ep / (1 + exp(rho)), [mu, rho, ep]) and same(diff(zrho, rho), ep * exp(rho) / (1 + exp(rho)), [mu, rho, ep]))
w, lam, x, c, al, be = symbols("w lambda x c alpha beta", real=True)
row("K22", F2, 64, 1, r"\frac{d}{dw}\left(\frac{\lambda}{2}w^2\right) = \lambda w", "correct", "",
    lambda: diff(lam / 2 * w**2, w) == lam * w)


def wd_vec(factor, rhs_factor):
    ok = True
    for n in (1, 2, 3, 4):
        W = vsym("w", n)
        f = factor * lam * (W.T * W)[0, 0]
        ok &= mat_same(grad(f, W), rhs_factor * lam * W)
    return ok


row("K23", F2, 65, 1, r"\nabla_{\mathbf w}\left(\frac{\lambda}{2}\mathbf w^\top\mathbf w\right) = \lambda\mathbf w", "correct",
    "n=1..4", lambda: wd_vec(Rational(1, 2), 1))


def wd_total():
    ok = True
    for n in (2, 3):
        W = vsym("w", n)
        Lf = sp.Function("Lfun")(*W)
        Llam = Lf + lam / 2 * (W.T * W)[0, 0]
        ok &= mat_same(grad(Llam, W), grad(Lf, W) + lam * W)
    return ok


row("K24", F2, 66, 1, r"\nabla_{\mathbf w}L_\lambda = \nabla_{\mathbf w}L + \lambda\mathbf w", "correct",
    "generic L, n=2,3", wd_total)
row("K25", F2, 68, 1, r"\nabla_{\mathbf w}\,\lambda\|\mathbf w\|_2^2 = \lambda\mathbf w", "MISTAKE", "correct: 2 lambda w",
    lambda: (not wd_vec(1, 1)) and wd_vec(1, 2))
row("K26", F2, 71, 1, r"\mathbf w \leftarrow \mathbf w - \eta\left(\nabla_{\mathbf w}L", "not-a-claim",
    "SGD update rule (assignment)", lambda: True)


def l1_check():
    ok = True
    for _ in range(6):
        wv, lv = rnd(), rnd(pos=True)
        ok &= sp.simplify(diff(lam * Abs(w), w).subs({w: wv, lam: lv}) - lv * sign(wv)) == 0
    return ok


row("K27", F2, 74, 1, r"\frac{d}{dw}\lambda|w| = \lambda\operatorname{sign}(w)", "correct", "w != 0", l1_check)
lp = symbols("lp", positive=True)
row("K28", F2, 75, 1, r"\partial(\lambda|w|)\big|_{w=0} = [-\lambda,\lambda]", "correct",
    "subdifferential at 0 (one-sided derivatives -lambda, lambda)",
    lambda: sp.limit(lp * Abs(t) / t, t, 0, "-") == -lp and sp.limit(lp * Abs(t) / t, t, 0, "+") == lp)
row("K29", F2, 76, 1, r"\right|_{w=-3} = \lambda", "MISTAKE", "correct: -lambda",
    lambda: sp.simplify(diff(lp * Abs(w), w).subs(w, -3) + lp) == 0 and sp.simplify(diff(lp * Abs(w), w).subs(w, -3) - lp) != 0)
yv_ = symbols("y", real=True)
J = (w * x - yv_)**2 / 2 + lam / 2 * w**2
row("K30", F2, 80, 1, r"J'(w) = (wx-y)x + \lambda w", "correct", "",
    lambda: same(diff(J, w), (w * x - yv_) * x + lam * w, [w, x, yv_, lam]))
row("K31", F2, 81, 1, r"J'(w)=0", "not-a-claim", "stationarity condition, w* = xy/(x^2+lambda)",
    lambda: differ(diff(J, w), 0, [w, x, yv_, lam]) and same(sp.solve(diff(J, w), w)[0], x * yv_ / (x**2 + lam), [x, yv_, lam], pos=(lam,)))


def enet_lasso(which):
    ok = True
    for _ in range(6):
        sub = {w: rnd(), al: rnd(pos=True), be: rnd(), x: rnd(), yv_: rnd(), lam: rnd(pos=True)}
        if which == "enet":
            lhs = diff(al * Abs(w) + be / 2 * w**2, w)
            rhs = al * sign(w) + be * w
        else:
            lhs = diff((yv_ - x * w)**2 / 2 + lam * Abs(w), w)
            rhs = -x * (yv_ - x * w) + lam * sign(w)
        ok &= sp.simplify((lhs - rhs).subs(sub)) == 0
    return ok


row("K32", F2, 83, 1, r"\alpha|w| + \frac{\beta}{2}w^2\right) = \alpha\operatorname{sign}(w) + \beta w", "correct", "w != 0",
    lambda: enet_lasso("enet"))
row("K33", F2, 86, 1, r"\lambda|w|\right] = -x(y-xw) + \lambda\operatorname{sgn}(w)", "correct", "w != 0",
    lambda: enet_lasso("lasso"))
cp = symbols("c", positive=True)
row("K34", F2, 89, 1, r"\frac{d}{dw}\sqrt{w^2+c} = \frac{w}{\sqrt{w^2+c}}", "correct", "",
    lambda: same(diff(sqrt(w**2 + cp), w), w / sqrt(w**2 + cp), [w, cp], pos=(cp,)))

# ---------------------------------------------------------------- file 3 (notebook; lines are lines of the .ipynb JSON)
F3 = "two_layer_backprop.ipynb"


def net(d, hh):
    X = vsym("x", d)
    W1 = msym("W1_", hh, d)
    b1 = vsym("b1_", hh)
    W2 = msym("W2_", 1, hh)
    b2 = sp.Symbol("b2")
    yt = sp.Symbol("yt")
    z1v = W1 * X + b1
    a1v = z1v.applyfunc(tanh)
    z2v = (W2 * a1v)[0, 0] + b2
    L = (z2v - yt)**2 / 2
    return locals()


def num_mat_same(A, B, syms, k=2):
    SUB[0] += 1
    if A.shape != B.shape:
        return False
    for _ in range(k):
        sub = {s_: rnd() for s_ in syms}
        for u_, v_ in zip(A, B):
            if abs(sp.N((u_ - v_).subs(sub), 30)) > 1e-20:
                return False
    return True


def net_check(which):
    ok = True
    for d, hh in ((2, 3), (3, 2)):
        N = net(d, hh)
        X, W1, b1, W2, b2, yt, z1v, a1v, z2v, L = (N[k] for k in "X W1 b1 W2 b2 yt z1v a1v z2v L".split())
        syms = list(X) + list(W1) + list(b1) + list(W2) + [b2, yt]
        g2 = z2v - yt
        one = Matrix.ones(hh, 1)
        delta1 = (W2.T * g2).multiply_elementwise(one - a1v.multiply_elementwise(a1v))
        zt = sp.Symbol("z2")
        if which == "dz2":
            ok &= sp.simplify(diff(((zt - yt)**2) / 2, zt) - (zt - yt)) == 0
        elif which == "dW2":
            ok &= num_mat_same(grad(L, W2), g2 * a1v.T, syms)
        elif which == "db2":
            ok &= sp.simplify(diff(L, b2) - g2) == 0
        elif which == "da1":
            A = vsym("a", hh)
            La = ((W2 * A)[0, 0] + b2 - yt)**2 / 2
            ok &= mat_same(grad(La, A), W2.T * ((W2 * A)[0, 0] + b2 - yt))
        elif which == "jac_act":
            Z = vsym("z", hh)
            ok &= num_mat_same(jac_den(Z.applyfunc(tanh), Z), sp.diag(*[(1 - tanh(zz)**2) for zz in Z]), list(Z))
        elif which in ("dz1_1", "dz1_2"):
            Z = vsym("z", hh)
            Lz = ((W2 * Z.applyfunc(tanh))[0, 0] + b2 - yt)**2 / 2
            A = Z.applyfunc(tanh)
            dLda = W2.T * ((W2 * A)[0, 0] + b2 - yt)
            step1 = dLda.multiply_elementwise(one - A.multiply_elementwise(A))
            if which == "dz1_1":
                ok &= num_mat_same(grad(Lz, Z), step1, list(Z) + list(W2) + [b2, yt])
            else:
                ok &= mat_same(step1, (W2.T * ((W2 * A)[0, 0] + b2 - yt)).multiply_elementwise(one - A.multiply_elementwise(A)))
        elif which == "dW1":
            ok &= num_mat_same(grad(L, W1), delta1 * X.T, syms)
        elif which == "db1":
            ok &= num_mat_same(grad(L, b1), delta1, syms)
        elif which == "jac_x":
            # d z1 / d x = W1: the Jacobian (entries d z1_i / d x_j), h x d
            Jnum = Matrix(hh, d, lambda i, j: diff(z1v[i], X[j]))
            ok &= mat_same(Jnum, W1)
    return ok


row("N01", F3, 55, 1, r"\frac{\partial L}{\partial z_2} = z_2 - y", "correct", "", lambda: net_check("dz2"))
row("N02", F3, 56, 1, r"\frac{\partial L}{\partial W_2} = (z_2-y)\,\mathbf a_1^\top", "correct", "1 x h like W2 (h,d)=(3,2),(2,3)",
    lambda: net_check("dW2"))
row("N03", F3, 57, 1, r"\frac{\partial L}{\partial b_2} = z_2 - y", "correct", "", lambda: net_check("db2"))
row("N04", F3, 59, 1, r"\frac{\partial L}{\partial \mathbf a_1} = W_2^\top (z_2 - y)", "correct", "h x 1",
    lambda: net_check("da1"))
row("N05", F3, 60, 1, r"\frac{\partial \mathbf a_1}{\partial \mathbf z_1} = \operatorname{diag}", "correct", "diagonal Jacobian of tanh",
    lambda: net_check("jac_act"))
row("N06", F3, 64, 1, r"= \frac{\partial L}{\partial \mathbf a_1}\odot\left(1-\mathbf a_1\odot\mathbf a_1\right)", "correct", "",
    lambda: net_check("dz1_1"))
row("N07", F3, 65, 2, r"= W_2^\top(z_2-y)\odot\left(1-\mathbf a_1\odot\mathbf a_1\right)", "correct", "",
    lambda: net_check("dz1_2"))
row("N08", F3, 68, 1, r"\frac{\partial L}{\partial W_1} = \boldsymbol\delta_1\,\mathbf x^\top", "correct", "h x d",
    lambda: net_check("dW1"))
row("N09", F3, 69, 1, r"\frac{\partial L}{\partial \mathbf b_1} = \boldsymbol\delta_1", "correct", "", lambda: net_check("db1"))
row("N10", F3, 70, 1, r"\frac{\partial \mathbf z_1}{\partial \mathbf x} = W_1", "correct",
    "Jacobian (h x d) -- the notebook calls it the Jacobian", lambda: net_check("jac_x"))
th, epsn = symbols("theta varepsilon", real=True)
row("N11", F3, 104, 1, r"\frac{\partial L}{\partial \theta} \approx", "not-a-claim", "approximation (central difference)",
    lambda: differ(diff(th**3, th), ((th + epsn)**3 - (th - epsn)**3) / (2 * epsn), [th, epsn]))


def batch_check(which):
    ok = True
    for n, d, hh in ((4, 2, 3), (2, 3, 2)):
        X = msym("X", n, d)
        W1 = msym("V", d, hh)
        W2 = msym("U", hh, 1)
        Y = vsym("y", n)
        Z1 = X * W1
        A1 = Z1.applyfunc(tanh)
        Z2 = A1 * W2
        L = ((Z2 - Y).T * (Z2 - Y))[0, 0] / 2
        syms = list(X) + list(W1) + list(W2) + list(Y)
        dA1 = (Z2 - Y) * W2.T
        D1 = dA1.multiply_elementwise(Matrix.ones(n, hh) - A1.multiply_elementwise(A1))
        if which == "dZ2":
            Zs = vsym("Z", n)
            Ls = ((Zs - Y).T * (Zs - Y))[0, 0] / 2
            ok &= mat_same(grad(Ls, Zs), Zs - Y)
        elif which == "dW2":
            ok &= num_mat_same(grad(L, W2), A1.T * (Z2 - Y), syms)
        elif which == "dA1":
            As = msym("A", n, hh)
            La = ((As * W2 - Y).T * (As * W2 - Y))[0, 0] / 2
            ok &= mat_same(grad(La, As), (As * W2 - Y) * W2.T)
        elif which == "dW1":
            G = grad(L, W1)
            wrong = D1.T * X
            ok &= (wrong.shape != G.shape or not num_mat_same(G, wrong, syms)) and num_mat_same(G, X.T * D1, syms)
    return ok


row("N12", F3, 137, 1, r"\frac{\partial L}{\partial Z_2} = Z_2-\mathbf y", "correct", "n x 1", lambda: batch_check("dZ2"))
row("N13", F3, 138, 1, r"\frac{\partial L}{\partial W_2} = A_1^\top (Z_2-\mathbf y)", "correct", "h x 1", lambda: batch_check("dW2"))
row("N14", F3, 139, 1, r"\frac{\partial L}{\partial A_1} = (Z_2-\mathbf y)\,W_2^\top", "correct", "n x h", lambda: batch_check("dA1"))
row("N15", F3, 142, 1, r"\Delta_1 = \frac{\partial L}{\partial A_1}\odot(1-A_1\odot A_1)", "not-a-claim",
    "definition of Delta_1", lambda: True)
row("N16", F3, 143, 1, r"\frac{\partial L}{\partial W_1} = \Delta_1^\top X", "MISTAKE",
    "correct: X^T Delta_1 (d x h); Delta_1^T X is h x d (transposed)", lambda: batch_check("dW1"))
zz, alp = symbols("z alpha", real=True)
row("N17", F3, 155, 1, r"\frac{d}{dz}\tanh z = 1-\tanh^2 z", "correct", "",
    lambda: same(diff(tanh(zz), zz), 1 - tanh(zz)**2, [zz]))
row("N18", F3, 155, 1, r"\left.\frac{d}{dz}\tanh z\right|_{z=0} = 1", "correct", "",
    lambda: diff(tanh(zz), zz).subs(zz, 0) == 1)
row("N19", F3, 156, 1, r"\frac{d}{dz}\max(0,z) = 1", "correct", "for z>0",
    lambda: all(diff(Max(0, zz), zz).subs(zz, rnd(pos=True)) == 1 for _ in range(4)))
row("N20", F3, 157, 1, r"\frac{d}{dz}\max(\alpha z, z) = \alpha", "correct", "for z<0 and 0<alpha<1",
    lambda: all(sp.simplify(diff(Max(av * zz, zz), zz).subs(zz, -rnd(pos=True)) - av) == 0
                for av in (Rational(1, 10), Rational(1, 2), Rational(9, 10))))
row("N21", F3, 158, 1, r"\frac{d}{dz}\log(1+e^{z}) = \frac{1}{1+e^{-z}}", "correct", "",
    lambda: same(diff(log(1 + exp(zz)), zz), 1 / (1 + exp(-zz)), [zz]))
row("N22", F3, 159, 1, r"\sigma'(0) = \frac{d}{dz}\frac{1}{1+e^{-z}}\Big|_{z=0}", "correct", "same quantity",
    lambda: True and sp.simplify(diff(sig(zz), zz).subs(zz, 0) - diff(1 / (1 + exp(-zz)), zz).subs(zz, 0)) == 0)
row("N23", F3, 159, 2, r"\Big|_{z=0} = \frac{1}{2}", "MISTAKE", "correct: 1/4",
    lambda: diff(sig(zz), zz).subs(zz, 0) == Rational(1, 4))
row("N24", F3, 160, 1, r"f'(z) = 1.7159\cdot\tfrac23", "correct", "",
    lambda: same(diff(Rational(17159, 10000) * tanh(Rational(2, 3) * zz), zz),
                 Rational(17159, 10000) * Rational(2, 3) * (1 - tanh(Rational(2, 3) * zz)**2), [zz]))
xs, ys, w1, b1s, w2, b2s = symbols("x y w_1 b_1 w_2 b_2", real=True)
z1s = w1 * xs + b1s
a1s = tanh(z1s)
z2s = w2 * a1s + b2s
Ls = (z2s - ys)**2 / 2
VV = [xs, ys, w1, b1s, w2, b2s]
row("N25", F3, 174, 1, r"\frac{\partial L}{\partial w_2} &= (z_2-y)\,a_1", "correct", "",
    lambda: same(diff(Ls, w2), (z2s - ys) * a1s, VV))
row("N26", F3, 175, 1, r"\frac{\partial L}{\partial w_1} &= (z_2-y)\,w_2\,(1-a_1^2)\,x", "correct", "",
    lambda: same(diff(Ls, w1), (z2s - ys) * w2 * (1 - a1s**2) * xs, VV))
row("N27", F3, 176, 1, r"\frac{\partial L}{\partial b_1} &= (z_2-y)\,w_2\,(1-a_1^2)", "correct", "",
    lambda: same(diff(Ls, b1s), (z2s - ys) * w2 * (1 - a1s**2), VV))
row("N28", F3, 177, 1, r"\frac{\partial L}{\partial x}   &= (z_2-y)\,w_2\,(1-a_1^2)\,w_1", "correct", "",
    lambda: same(diff(Ls, xs), (z2s - ys) * w2 * (1 - a1s**2) * w1, VV))
row("N29", F3, 185, 1, r"\frac{\partial}{\partial w_1}\,\frac12\bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)^2", "correct", "",
    lambda: same(diff(Ls, w1), (z2s - ys) * w2 * sp.sech(z1s)**2 * xs, VV))
row("N30", F3, 190, 1, r"\frac{\partial}{\partial b_1}\,\frac12\bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)^2", "MISTAKE",
    "correct: (...) w_2 sech^2(w_1x+b_1) (dropped the chain factor w_2)",
    lambda: differ(diff(Ls, b1s), (z2s - ys) * sp.sech(z1s)**2, VV) and same(diff(Ls, b1s), (z2s - ys) * w2 * sp.sech(z1s)**2, VV))
PT = {xs: 1, ys: 0, w1: 0, b1s: 0, w2: 2, b2s: 1}
row("N31", F3, 194, 1, r"\frac{\partial L}{\partial w_1} = 2", "correct", "at the stated point",
    lambda: diff(Ls, w1).subs(PT) == 2)
row("N32", F3, 194, 1, r"\frac{\partial L}{\partial w_2} = 0", "correct", "at the stated point (a_1 = 0)",
    lambda: diff(Ls, w2).subs(PT) == 0)
row("N33", F3, 194, 1, r"\frac{\partial L}{\partial b_1} = 1", "MISTAKE", "correct: 2 at the stated point",
    lambda: diff(Ls, b1s).subs(PT) == 2)


def softmax_head():
    ok = True
    for k in (2, 3):
        Z = vsym("z", k)
        den = sum(exp(v) for v in Z)
        P = Z.applyfunc(lambda v: exp(v) / den)
        for c_ in range(k):
            Yv = Matrix([1 if i == c_ else 0 for i in range(k)])
            L = -sum(Yv[i] * log(P[i]) for i in range(k))
            ok &= num_mat_same(grad(L, Z), P - Yv, list(Z))
    return ok


row("N34", F3, 217, 1, r"\frac{\partial L}{\partial \mathbf z_2} = \operatorname{softmax}(\mathbf z_2) - \mathbf y", "correct",
    "one-hot y, k=2,3", softmax_head)

# ---------------------------------------------------------------- file 4
F4 = "matrix_calculus.rst"
SIZES = ((2, 3, 4), (3, 2, 2))


def mc(which):
    ok = True
    for (m, n, pp) in SIZES:
        if which == "trAX":
            A, X = msym("A", n, m), msym("X", m, n); ok &= mat_same(grad((A * X).trace(), X), A.T)
        elif which == "trXA":
            A, X = msym("A", n, m), msym("X", m, n); ok &= mat_same(grad((X * A).trace(), X), A.T)
        elif which == "trXtA":
            A, X = msym("A", m, n), msym("X", m, n); ok &= mat_same(grad((X.T * A).trace(), X), A)
        elif which == "trAX_num":
            A, X = msym("A", n, m), msym("X", m, n); ok &= mat_same(grad((A * X).trace(), X).T, A)
        elif which == "trAXB":
            A, X, B = msym("A", pp, m), msym("X", m, n), msym("B", n, pp)
            ok &= mat_same(grad((A * X * B).trace(), X), A.T * B.T)
        elif which == "trAXtB":
            A, X, B = msym("A", pp, n), msym("X", m, n), msym("B", m, pp)
            G = grad((A * X.T * B).trace(), X)
            ok &= mat_same(G, B * A) and ((A.T * B.T).shape != G.shape or not mat_same(G, A.T * B.T))
        elif which == "trXtX":
            X = msym("X", m, n); ok &= mat_same(grad((X.T * X).trace(), X), 2 * X)
        elif which == "trX2":
            X = msym("X", m, m); ok &= mat_same(grad((X * X).trace(), X), 2 * X.T)
        elif which == "trXtAX":
            A, X = msym("A", m, m), msym("X", m, n); ok &= mat_same(grad((X.T * A * X).trace(), X), (A + A.T) * X)
        elif which == "frob":
            X = msym("X", m, n); ok &= mat_same(grad(sum(v**2 for v in X), X), 2 * X)
        elif which == "logdet":
            X = msym("X", m, m)
            G = grad(log(X.det()), X)
            ok &= all(sp.simplify(u_ - v_) == 0 for u_, v_ in zip(G, X.inv().T)) if m <= 2 else \
                num_mat_same(G, X.inv().T, list(X), k=2)
        elif which == "det":
            X = msym("X", m, m)
            ok &= num_mat_same(grad(X.det(), X), X.det() * X.inv().T, list(X), k=2)
    return ok


row("M01", F4, 28, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(AX) = A^\top", "correct", "", lambda: mc("trAX"))
row("M02", F4, 31, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(XA) = A^\top", "correct", "", lambda: mc("trXA"))
row("M03", F4, 32, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top A) = A", "correct", "", lambda: mc("trXtA"))
row("M04", F4, 38, 1, r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A", "correct",
    "explicitly stated for the numerator layout (a note about other texts)", lambda: mc("trAX_num"))
row("M05", F4, 46, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(AXB) = A^\top B^\top", "correct", "", lambda: mc("trAXB"))
row("M06", F4, 51, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(AX^\top B) = A^\top B^\top", "MISTAKE",
    "correct: BA (m x n); A^T B^T is its transpose", lambda: mc("trAXtB"))
row("M07", F4, 54, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top X) = 2X", "correct", "", lambda: mc("trXtX"))
row("M08", F4, 55, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^2) = 2X^\top", "correct", "", lambda: mc("trX2"))
row("M09", F4, 57, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top A X) = (A+A^\top)X", "correct", "", lambda: mc("trXtAX"))
row("M10", F4, 59, 1, r"\frac{\partial}{\partial X}\|X\|_F^2 = 2X", "correct", "", lambda: mc("frob"))
row("M11", F4, 62, 1, r"\frac{\partial}{\partial X}\log\det X = X^{-\top}", "correct", "", lambda: mc("logdet"))
row("M12", F4, 63, 1, r"\frac{\partial}{\partial X}\det X = \det(X)\,X^{-\top}", "correct", "", lambda: mc("det"))


def worked():
    X = msym("X", 2, 2)
    A = Matrix([[1, 2], [3, 4]])
    f = (A * X).trace()
    return sp.expand(f - (X[0, 0] + 2 * X[1, 0] + 3 * X[0, 1] + 4 * X[1, 1])) == 0 and \
        grad(f, X) == Matrix([[1, 3], [2, 4]])


row("M13", F4, 79, 1, r"\frac{\partial f}{\partial X} = \begin{bmatrix} 1 & 3\\ 2 & 4\end{bmatrix}", "correct",
    "A 2x2 concrete, f = tr(AX)", worked)


def vc(which):
    ok = True
    for n, dd in ((2, 3), (4, 2)):
        xv, av = vsym("x", n), vsym("a", n)
        A = msym("A", n, n)
        if which == "ax":
            ok &= mat_same(grad((av.T * xv)[0, 0], xv), av)
        elif which == "xx":
            ok &= mat_same(grad((xv.T * xv)[0, 0], xv), 2 * xv)
        elif which == "Ax":
            ok &= mat_same(jac_den(A * xv, xv), A.T)
        elif which == "xAx1":
            ok &= mat_same(grad((xv.T * A * xv)[0, 0], xv), (A + A.T) * xv)
        elif which == "xAx2":
            Sy = Matrix(n, n, lambda i, j: sp.Symbol(f"S{min(i, j)}{max(i, j)}"))
            ok &= mat_same((Sy + Sy.T) * xv, 2 * Sy * xv) and not mat_same((A + A.T) * xv, 2 * A * xv)
        elif which == "hess":
            f = (xv.T * A * xv)[0, 0]
            ok &= mat_same(sp.hessian(f, list(xv)), A + A.T)
        elif which == "norm":
            nr = sqrt((xv.T * xv)[0, 0])
            ok &= mat_same(grad(nr, xv), xv / nr)
        elif which == "ax2":
            f = (av.T * xv)[0, 0]**2
            ok &= mat_same(grad(f, xv), 2 * (av.T * xv)[0, 0] * av) and not mat_same(grad(f, xv), 2 * av)
        elif which == "axb_half":
            A2, bv, xd = msym("A", n, dd), vsym("b", n), vsym("x", dd)
            rr = A2 * xd - bv
            ok &= mat_same(grad((rr.T * rr)[0, 0] / 2, xd), A2.T * rr)
        elif which == "axb":
            A2, bv, xd = msym("A", n, dd), vsym("b", n), vsym("x", dd)
            rr = A2 * xd - bv
            ok &= mat_same(grad((rr.T * rr)[0, 0], xd), 2 * A2.T * rr)
        elif which == "ridge":
            X, yv2, wv = msym("X", n, dd), vsym("y", n), vsym("w", dd)
            rr = X * wv - yv2
            f = (rr.T * rr)[0, 0] / 2 + lam / 2 * (wv.T * wv)[0, 0]
            ok &= mat_same(grad(f, wv), X.T * rr + lam * wv)
    return ok


row("M14", F4, 90, 1, r"\nabla_{\mathbf{x}}\,(\mathbf{a}^\top\mathbf{x}) = \mathbf{a}", "correct", "", lambda: vc("ax"))
row("M15", F4, 91, 1, r"\nabla_{\mathbf{x}}\,(\mathbf{x}^\top\mathbf{x}) = 2\mathbf{x}", "correct", "", lambda: vc("xx"))
row("M16", F4, 92, 1, r"\frac{\partial (A\mathbf{x})}{\partial \mathbf{x}} = A^\top", "correct", "denominator layout declared",
    lambda: vc("Ax"))
row("M17", F4, 98, 1, r"\frac{\partial}{\partial \mathbf{x}}\,\mathbf{x}^\top A\mathbf{x}", "correct", "", lambda: vc("xAx1"))
row("M18", F4, 99, 2, r"= 2A\mathbf{x} \quad\text{(only if } A = A^\top\text{)}", "correct",
    "holds under the stated symmetry condition (not in general)", lambda: vc("xAx2"))
row("M19", F4, 102, 1, r"\nabla^2_{\mathbf{x}}(\mathbf{x}^\top A\mathbf{x}) = A + A^\top", "correct", "", lambda: vc("hess"))


def bquad():
    xv = vsym("x", 2)
    B = Matrix([[1, 2], [0, 1]])
    G = grad((xv.T * B * xv)[0, 0], xv)
    return G == (B + B.T) * xv and G != 2 * B * xv


row("M20", F4, 105, 1, r"\nabla g(\mathbf{x}) = 2B\mathbf{x}", "MISTAKE", "B not symmetric; correct: (B+B^T)x = (2x1+2x2, 2x1+2x2)", bquad)
row("M21", F4, 108, 1, r"\nabla_{\mathbf{x}}\|\mathbf{x}\|_2 = \mathbf{x}/\|\mathbf{x}\|_2", "correct", "", lambda: vc("norm"))
row("M22", F4, 110, 1, r"\nabla_{\mathbf{x}}\,(\mathbf{a}^\top\mathbf{x})^2 = 2\mathbf{a}", "MISTAKE", "correct: 2(a^T x) a",
    lambda: vc("ax2"))


def ls(which):
    ok = True
    for n, dd, k in ((3, 2, 2), (2, 3, 1)):
        X, W, Y = msym("X", n, dd), msym("W", dd, k), msym("Y", n, k)
        R = X * W - Y
        f = sum(v**2 for v in R)
        tr_form = (W.T * X.T * X * W - 2 * Y.T * X * W + Y.T * Y).trace()
        if which == 1:
            ok &= sp.expand(f - tr_form) == 0
        elif which == 2:
            ok &= mat_same(grad(tr_form, W), 2 * X.T * X * W - 2 * X.T * Y)
        elif which == 3:
            ok &= mat_same(2 * X.T * X * W - 2 * X.T * Y, 2 * X.T * R) and mat_same(grad(f, W), 2 * X.T * R)
        elif which == "half":
            ok &= mat_same(grad(f / 2, W), X.T * R)
        elif which == "zero":
            ok &= not mat_same(grad(f, W), zeros(dd, k))
        elif which == "WX":
            W2_, X2_, Y2_ = msym("W", k + 1, dd), msym("X", dd, n), msym("Y", k + 1, n)
            R2 = W2_ * X2_ - Y2_
            G = grad(sum(v**2 for v in R2), W2_)
            ok &= mat_same(G, 2 * R2 * X2_.T)
            try:
                ok &= not mat_same(G, 2 * X2_.T * R2)
            except sp.ShapeError:
                pass
    return ok


row("M23", F4, 123, 1, r"\frac{\partial}{\partial W}\|XW - Y\|_F^2", "correct", "Frobenius norm = the trace", lambda: ls(1))
row("M24", F4, 124, 2, r"&= 2X^\top X W - 2X^\top Y", "correct", "", lambda: ls(2))
row("M25", F4, 125, 3, r"&= 2X^\top (XW - Y).", "correct", "", lambda: ls(3))
row("M26", F4, 129, 1, r"\frac{\partial}{\partial W}\tfrac12\|XW-Y\|_F^2 = X^\top(XW-Y)", "correct", "", lambda: ls("half"))
row("M27", F4, 130, 1, r"\frac{\partial}{\partial W}\|XW-Y\|_F^2 = 0", "not-a-claim", "stationarity condition (normal equations)",
    lambda: ls("zero"))
row("M28", F4, 134, 1, r"\nabla_{\mathbf{x}}\tfrac12\|A\mathbf{x}-\mathbf{b}\|_2^2 = A^\top(A\mathbf{x}-\mathbf{b})", "correct", "",
    lambda: vc("axb_half"))
row("M29", F4, 136, 1, r"\nabla_{\mathbf{w}}\left(\tfrac12\|X\mathbf{w}-\mathbf{y}\|_2^2", "correct", "w length d, y length n",
    lambda: vc("ridge"))
row("M30", F4, 144, 1, r"\frac{\partial}{\partial W}\|WX - Y\|_F^2 = 2X^\top(WX - Y)", "MISTAKE",
    "correct: 2(WX-Y)X^T (k x d); X^T(WX-Y) does not even multiply", lambda: ls("WX"))
row("M31", F4, 149, 1, r"\frac{\partial}{\partial \mathbf{x}}\|A\mathbf{x}-\mathbf{b}\|_2^2 = 2A^\top(A\mathbf{x}-\mathbf{b})", "correct", "",
    lambda: vc("axb"))


def logistic():
    ok = True
    for nn, dd in ((1, 2), (2, 2), (3, 1), (4, 2)):
        wv = vsym("w", dd)
        xsv = [vsym(f"x{i}_", dd) for i in range(nn)]
        yv3 = symbols(f"yy0:{nn}", real=True)
        f = sum(log(1 + exp(-yv3[i] * (wv.T * xsv[i])[0, 0])) for i in range(nn))
        rhs = -sum(((yv3[i] * xsv[i]) / (1 + exp(yv3[i] * (wv.T * xsv[i])[0, 0])) for i in range(nn)), zeros(dd, 1))
        syms = list(wv) + [v for xx_ in xsv for v in xx_] + list(yv3)
        ok &= num_mat_same(grad(f, wv), rhs, syms, k=3)
    return ok


row("M32", F4, 153, 1, r"\nabla_{\mathbf{w}}\sum_{i=1}^{n}\log\left(1+e^{-y_i\mathbf{w}^\top\mathbf{x}_i}\right)", "correct",
    "n = 1..4", logistic)


# ---------------------------------------------------------------- run
def line_text(file, line):
    lines = open(file, encoding="utf-8").read().splitlines()
    if line > len(lines):
        return ""
    txt = lines[line - 1]
    if file.endswith(".ipynb"):
        st = txt.strip().rstrip(",")
        if st.startswith('"'):
            txt = json.loads(st)
    return txt


if __name__ == "__main__":
    import os
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    nrows = 0
    for R in ROWS:
        # the latex key must be on the stated line (or start there for multi-line keys)
        # mathdoc reports a step at the line of its `=` sign; the key may start a line earlier
        lt = "".join(line_text(R["file"], R["line"] + k) for k in (-1, 0, 1))
        key = R["latex"]
        if key not in lt and key.lstrip("= &") not in lt:
            FAIL.append((R["id"], "latex key not on the stated line"))
        nrows += 1
        try:
            ok = bool(R["check"]())
        except Exception as e:  # noqa
            ok = False
            print(R["id"], "exception", repr(e))
        NCHECKS += 1
        if not ok:
            FAIL.append((R["id"], "sympy check disagrees with label " + R["label"]))
    print(f"rows: {nrows}; row checks run: {NCHECKS} (elementary SymPy comparisons: {SUB[0]}); disagreements: {len(FAIL)}")
    for f_ in FAIL:
        print("  DISAGREE", f_)
    sys.exit(1 if FAIL else 0)

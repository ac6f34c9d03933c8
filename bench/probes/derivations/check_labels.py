"""Check every `correct` / `MISTAKE` label in labels.json with SymPy.

    /work/main/.venv/bin/python check_labels.py

For each labelled step, CHECKS[id] returns (lhs, rhs) as SymPy expressions (the claim's two sides,
with the document's definitions or stated solution substituted). A `correct` label must give
lhs - rhs == 0, a `MISTAKE` label must not. Prints each disagreement and the count.
"""
import json
from pathlib import Path

import sympy as sp
from sympy import (Derivative, Function, Rational, Symbol, atan, cos, diff, exp, log, pi, sec,
                   simplify, sin, sqrt, symbols, tan)

x, t, C, c, k, A0, eps, n = symbols("x t C c k A epsilon n")
xr = Symbol("x", positive=True)
yr = Symbol("y", positive=True)
y = Symbol("y")
m, l, g0, kk, p, q, qd, th, thd, r, rd, ph, phd, lam, xd, c1, c2, lmb, p0 = symbols(
    "m l g k p q qdot theta thetadot r rdot phi phidot lambda xdot c1 c2 lam p0", nonzero=True)
Y = Function("y")(x)
G, H, U, V, W = (Function(s)(x) for s in "ghuvw")
Gf, Hf = Function("G"), Function("H")


def d(e, v=x):
    return diff(e, v)


def ip(F):
    """y' on the curve F(x, y) = 0."""
    return -diff(F, x) / diff(F, y)


def res(expr_y, ode):
    """ODE residual ode(y, y') for y = expr_y (returns (residual, 0))."""
    return ode(expr_y, d(expr_y)), 0


# --- ode_exercises.tex
T1 = 20 + 70 * exp(-k * t)
ysol5 = x**2 / 3 + C / x
CHECKS = {
    "ode-17-13-1": lambda: (d(C * exp(3 * x)), 3 * C * exp(3 * x)),
    "ode-22-37-1": lambda: (d(C * exp(3 * x)), 3 * C * exp(3 * x)),
    "ode-28-36-1": lambda: (d(-2 / (x**2 + c)), x * (-2 / (x**2 + c))**2),
    "ode-36-6-1": lambda: (d(-2 / (x**2 + c)), 4 * x / (x**2 + c)**2),
    "ode-37-6-2": lambda: (4 * x / (x**2 + c)**2, x * (2 / (x**2 + c))**2),
    "ode-44-44-1": lambda: res(2 + C * exp(-2 * x), lambda u, up: up + 2 * u - 4),
    "ode-49-38-1": lambda: (d(exp(2 * x) * Y), exp(2 * x) * d(Y) + 2 * exp(2 * x) * Y),
    "ode-50-6-2": lambda: (exp(2 * x) * d(Y) + 2 * exp(2 * x) * Y, exp(2 * x) * (d(Y) + 2 * Y)),
    "ode-50-26-3": lambda: (exp(2 * x) * (d(2 + C * exp(-2 * x)) + 2 * (2 + C * exp(-2 * x))), 4 * exp(2 * x)),
    "ode-59-13-1": lambda: (d(A0 * exp(sin(x))), A0 * exp(sin(x)) * cos(x)),
    "ode-64-41-1": lambda: (d(2 * exp(sin(x))), 2 * cos(x) * exp(sin(x))),
    "ode-64-64-2": lambda: (2 * cos(x) * exp(sin(x)), 2 * exp(sin(x)) * cos(x)),
    "ode-68-19-1": lambda: (x * d(ysol5) + ysol5, x**2),
    "ode-71-67-1": lambda: (d(x * Y), x * d(Y) + Y),
    "ode-77-13-1": lambda: (d(5 * exp(-x**2)), -2 * x * 5 * exp(-x**2)),
    "ode-82-39-1": lambda: (d(5 * exp(-x**2)), 5 * exp(-x**2) * (-2 * x)),
    "ode-82-61-2": lambda: (5 * exp(-x**2) * (-2 * x), -10 * x * exp(-x**2)),
    "ode-93-49-1": lambda: (d(1 / (1 + C * exp(-x))), C * exp(-x) / (1 + C * exp(-x))**2),
    "ode-106-13-1": lambda: (d(sqrt(x**2 + 9)), x / sqrt(x**2 + 9)),
    "ode-111-29-1": lambda: (d(sqrt(x**2 + 9)), x / sqrt(x**2 + 9)),
    "ode-122-44-1": lambda: (d(T1, t), 70 * k * exp(-k * t)),
    "ode-122-59-2": lambda: (70 * k * exp(-k * t), -k * (T1 - 20)),
    "ode-127-45-1": lambda: (x * d(x**2 * exp(x)), (2 + x) * x**2 * exp(x)),
    "ode-130-56-1": lambda: (d(x**2 * exp(x)), 2 * x * exp(x) + x**2 * exp(x)),
    "ode-131-9-1": lambda: (x * d(x**2 * exp(x)), 2 * x**2 * exp(x) + x**3 * exp(x)),
    "ode-131-28-2": lambda: (2 * x**2 * exp(x) + x**3 * exp(x), (2 + x) * x**2 * exp(x)),
    # statements without a finding (solutions and integrated relations)
    "ode-20-x1": lambda: (d(log(C * exp(3 * x))), d(3 * x + C)),
    "ode-21-x1": lambda: res(C * exp(3 * x), lambda u, up: up - 3 * u),
    "ode-24-x1": lambda: res(sp.Integer(0), lambda u, up: up - 3 * u),
    "ode-32-x1": lambda: (-1 / (-2 / (x**2 + 2 * C)), x**2 / 2 + C),
    "ode-33-x1": lambda: res(-2 / (x**2 + c), lambda u, up: up - x * u**2),
    "ode-40-x1": lambda: res(sp.Integer(0), lambda u, up: up - x * u**2),
    "ode-52-x1": lambda: (exp(2 * x) * (2 + C * exp(-2 * x)), 2 * exp(2 * x) + C),
    "ode-52-x2": lambda: res(2 + C * exp(-2 * x), lambda u, up: up + 2 * u - 4),
    "ode-53-x1": lambda: (sp.Matrix([d(2 - exp(-2 * x)) + 2 * (2 - exp(-2 * x)) - 4, (2 - exp(-2 * x)).subs(x, 0)]), sp.Matrix([0, 1])),
    "ode-54-x1": lambda: res(sp.Integer(2), lambda u, up: up + 2 * u - 4),
    "ode-62-x1": lambda: (d(log(A0 * exp(sin(x)))), d(sin(x) + C)),
    "ode-62-x2": lambda: res(A0 * exp(sin(x)), lambda u, up: up - u * cos(x)),
    "ode-63-x1": lambda: (sp.Matrix([d(2 * exp(sin(x))) - 2 * exp(sin(x)) * cos(x), 2 * exp(sin(0))]), sp.Matrix([0, 2])),
    "ode-72-x1": lambda: (x * ysol5, x**3 / 3 + C),
    "ode-73-x1": lambda: res(ysol5, lambda u, up: x * up + u - x**2),
    "ode-80-x1": lambda: (d(log(5 * exp(-x**2))), d(-x**2 + C)),
    "ode-80-x2": lambda: (sp.Matrix([d(5 * exp(-x**2)) + 2 * x * 5 * exp(-x**2), 5 * exp(0)]), sp.Matrix([0, 5])),
    "ode-90-x1": lambda: res(sp.Integer(0), lambda u, up: up - u * (1 - u)),
    "ode-90-x2": lambda: res(sp.Integer(1), lambda u, up: up - u * (1 - u)),
    "ode-91-x1": lambda: (d(log((1 / (1 + C * exp(-x))) / (1 - 1 / (1 + C * exp(-x))))), d(x + C)),
    "ode-92-x1": lambda: res(1 / (1 + C * exp(-x)), lambda u, up: up - u * (1 - u)),
    "ode-101-x1": lambda: (exp(-x) * (x + C) * exp(x), x + C),
    "ode-102-x1": lambda: res((x + C) * exp(-x), lambda u, up: up - u - exp(x)),
    "ode-109-x1": lambda: (sqrt(x**2 + 9)**2, x**2 + 9),
    "ode-110-x1": lambda: (sp.Matrix([d(sqrt(x**2 + 9)) - x / sqrt(x**2 + 9), sqrt(9)]), sp.Matrix([0, 3])),
    "ode-120-x1": lambda: (sp.Matrix([d(T1, t) + k * (T1 - 20), T1.subs(t, 0)]), sp.Matrix([0, 90])),
}

# --- rule_derivations.md
gp, hp = d(G), d(H)
CHECKS.update({
    "rule-19-4-1": lambda: (G + eps * gp + H + eps * hp, (G + H) + eps * (gp + hp)),
    "rule-23-81-1": lambda: (d(G + H), gp + hp),
    "rule-24-78-1": lambda: (d(c * G), c * gp),
    "rule-33-4-1": lambda: ((G + eps * gp) * (H + eps * hp), G * H + eps * (gp * H + G * hp) + eps**2 * gp * hp),
    "rule-37-75-1": lambda: (d(G * H), gp * H + G * hp),
    "rule-37-121-1": lambda: (d(G * H), gp * H + G * hp),
    "rule-39-52-1": lambda: (d(x**2 * sin(x)), 2 * x * sin(x) + x**2 * cos(x)),
    "rule-40-37-1": lambda: (d(x * exp(x)), exp(x) + x * exp(x)),
    "rule-40-55-2": lambda: (exp(x) + x * exp(x), (1 + x) * exp(x)),
    "rule-42-92-1": lambda: (d(x**2), 2 * x),
    "rule-42-108-1": lambda: (d(x) * d(x), 1),
    "rule-50-11-1": lambda: (d(U * V * W), d(U * V) * W + U * V * d(W)),
    "rule-51-4-2": lambda: (d(U * V) * W + U * V * d(W), (d(U) * V + U * d(V)) * W + U * V * d(W)),
    "rule-52-4-3": lambda: ((d(U) * V + U * d(V)) * W + U * V * d(W), d(U) * V * W + U * d(V) * W + U * V * d(W)),
    "rule-57-x1": lambda: ((d(x) * x**2 * x**3 + x * d(x**2) * x**3 + x * x**2 * d(x**3)), 6 * x**5),
    "rule-57-74-1": lambda: (d(x**6), 6 * x**5),
    "rule-59-60-1": lambda: (d(x * exp(x) * sin(x)), exp(x) * sin(x) + x * exp(x) * sin(x) + x * exp(x) * cos(x)),
    "rule-68-4-1": lambda: (1 / (H + eps * hp), (1 / H) * 1 / (1 + eps * hp / H)),
    "rule-73-71-1": lambda: (d(1 / H), -hp / H**2),
    "rule-76-29-1": lambda: (d(G / H), d(G * (1 / H))),
    "rule-76-63-2": lambda: (d(G * (1 / H)), gp / H - G * hp / H**2),
    "rule-76-97-3": lambda: (gp / H - G * hp / H**2, (gp * H - G * hp) / H**2),
    "rule-79-54-1": lambda: (d(x / (1 + x**2)), ((1 + x**2) - x * 2 * x) / (1 + x**2)**2),
    "rule-79-94-2": lambda: (((1 + x**2) - x * 2 * x) / (1 + x**2)**2, (1 - x**2) / (1 + x**2)**2),
    "rule-81-32-1": lambda: (d(tan(x)), d(sin(x) / cos(x))),
    "rule-81-68-2": lambda: (d(sin(x) / cos(x)), (cos(x)**2 + sin(x)**2) / cos(x)**2),
    "rule-81-107-3": lambda: ((cos(x)**2 + sin(x)**2) / cos(x)**2, sec(x)**2),
    "rule-83-98-1": lambda: (d(x**2 / (x + 1)), (x**2 + 2 * x) / (x + 1)**2),
    "rule-96-30-1": lambda: (d(Gf(H)), Derivative(Gf(y), y).subs(y, H) * hp),
    "rule-97-18-1": lambda: (d(Gf(H)), Derivative(Gf(y), y).subs(y, H) * hp),
    "rule-98-96-1": lambda: (d(H**n), n * H**(n - 1)),
    "rule-102-28-1": lambda: (d(sin(x**3)), 3 * x**2 * cos(x**3)),
    "rule-103-29-1": lambda: (d(exp(x**2)), x * exp(x**2)),
    "rule-104-33-1": lambda: (d(sqrt(1 + x**2)), x / sqrt(1 + x**2)),
    "rule-105-30-1": lambda: (d(log(cos(x))), -tan(x)),
    "rule-107-49-1": lambda: (d(sin(3 * x)**2), 2 * sin(3 * x) * cos(3 * x) * 3),
    "rule-107-81-2": lambda: (2 * sin(3 * x) * cos(3 * x) * 3, 3 * sin(6 * x)),
    "rule-112-26-1": lambda: (d(G**2), d(G * G)),
    "rule-112-40-2": lambda: (d(G * G), gp * G + G * gp),
    "rule-112-52-3": lambda: (gp * G + G * gp, 2 * G * gp),
    "rule-114-x1": lambda: (sp.Matrix([d(1 * x), d(sp.Integer(1)) * x + 2 * 1 * d(x)]), sp.Matrix([1, 2])),
    "rule-116-53-1": lambda: (d(x**3 * log(x)), 3 * x**2 * log(x) + x**2),
    "rule-118-47-1": lambda: (d(x * sin(x) * cos(x)), sin(x) * cos(x) + x * cos(x)**2 - x * sin(x)**2),
    "rule-120-57-1": lambda: (d(exp(3 * x) * cos(x)), exp(3 * x) * (3 * cos(x) + sin(x))),
})

# --- mechanics_zh.md
Lp = Rational(1, 2) * m * l**2 * thd**2 + m * g0 * l * cos(th)
Th = Function("theta")(t)
Q, P = Function("q")(t), Function("p")(t)
Lho = Rational(1, 2) * m * qd**2 - Rational(1, 2) * kk * q**2
Hho = p**2 / (2 * m) + Rational(1, 2) * kk * q**2
Hfall = p**2 / (2 * m) + m * g0 * q
Lc = Rational(1, 2) * m * (rd**2 + r**2 * phd**2) - Function("V")(r)
pth = Symbol("p_theta")
Hpend = pth**2 / (2 * m * l**2) - m * g0 * l * cos(th)
X, Yt, PX, PY = (Function(s)(t) for s in ("x", "y", "p_x", "p_y"))
a, b = symbols("a b")
w0 = sqrt(g0 / l)
CHECKS.update({
    "mech-17-44-1": lambda: (diff(Lp, thd), m * l**2 * thd),
    "mech-17-106-1": lambda: (diff(Lp, th), -m * g0 * l * sin(th)),
    "mech-24-x1": lambda: (diff(cos(w0 * t), t, 2), -(g0 / l) * cos(w0 * t)),
    "mech-30-18-1": lambda: (diff(Rational(1, 2) * m * l**2 * diff(Th, t)**2 - m * g0 * l * cos(Th), t),
                             m * l**2 * diff(Th, t) * diff(Th, t, 2) + m * g0 * l * sin(Th) * diff(Th, t)),
    "mech-31-4-2": lambda: (m * l**2 * thd * a + m * g0 * l * sin(th) * thd, thd * (m * l**2 * a + m * g0 * l * sin(th))),
    "mech-41-44-1": lambda: (diff(Lho, qd), m * qd),
    "mech-43-14-1": lambda: (qd, (m * qd) / m),
    "mech-45-21-1": lambda: (p * (p / m) - Lho.subs(qd, p / m), p**2 / m - p**2 / (2 * m) + Rational(1, 2) * kk * q**2),
    "mech-45-74-2": lambda: (p**2 / m - p**2 / (2 * m) + Rational(1, 2) * kk * q**2, Hho),
    "mech-51-38-1": lambda: (diff(Hho, p), p / m),
    "mech-51-84-1": lambda: (diff(Hho, q), kk * q),
    "mech-56-19-1": lambda: (diff(Rational(1, 2) * m * diff(Q, t)**2 + Rational(1, 2) * kk * Q**2, t),
                             m * diff(Q, t) * diff(Q, t, 2) + kk * Q * diff(Q, t)),
    "mech-56-52-2": lambda: (m * qd * a + kk * q * qd, qd * (m * a + kk * q)),
    "mech-60-19-1": lambda: (diff(Hf(Q, P), t), diff(Hf(Q, P), Q) * diff(Q, t) + diff(Hf(Q, P), P) * diff(P, t)),
    "mech-60-217-3": lambda: (a * b - b * a, 0),
    "mech-65-38-1": lambda: (diff(Hfall, p), p / (2 * m)),
    "mech-65-85-1": lambda: (diff(Hfall, q), m * g0),
    "mech-66-x1": lambda: (diff(p0 - m * g0 * t, t), -m * g0),
    "mech-76-40-1": lambda: (diff(Lc, rd), 2 * m * rd),
    "mech-76-91-1": lambda: (diff(Lc, r), m * r * phd**2 - diff(Function("V")(r), r)),
    "mech-76-166-1": lambda: (diff(Lc, phd), m * r**2 * phd),
    "mech-76-230-1": lambda: (diff(Lc, ph), 0),
    "mech-85-x1": lambda: (diff(Lp, thd), m * l**2 * thd),
    "mech-87-42-1": lambda: (diff(Hpend, pth), pth / (m * l**2)),
    "mech-87-110-1": lambda: (diff(Hpend, th), m * g0 * l * sin(th)),
    "mech-95-22-1": lambda: (diff(X * PY - Yt * PX, t),
                             diff(X, t) * PY + X * diff(PY, t) - diff(Yt, t) * PX - Yt * diff(PX, t)),
    "mech-95-128-3": lambda: (a * b / m - kk * q * r - b * a / m + kk * r * q, 0),
    "mech-99-39-1": lambda: (diff(Rational(1, 2) * m * xd**2 - Rational(1, 4) * lam * q**4, q), -lam * q**3),
})

# --- systems.ipynb
x1g = c1 * exp(3 * t) + c2 * exp(-t)
x2g = c1 * exp(3 * t) - c2 * exp(-t)
Am = sp.Matrix([[1, 2], [2, 1]])
Bm = sp.Matrix([[-2, 1], [1, -2]])
I2 = sp.eye(2)
x1r = (c1 + c2 * t) * exp(2 * t)
x2r = c2 * exp(2 * t)


def sysres(M, v):
    return (sp.Matrix([diff(e, t) for e in v]) - M * sp.Matrix(v)), sp.zeros(2, 1)


CHECKS.update({
    "sys-26-x1": lambda: ((Am - lmb * I2).det(), (1 - lmb)**2 - 4),
    "sys-26-x2": lambda: ((1 - lmb)**2 - 4, lmb**2 - 2 * lmb - 3),
    "sys-26-x3": lambda: (lmb**2 - 2 * lmb - 3, (lmb - 3) * (lmb + 1)),
    "sys-28-x1": lambda: (sp.Matrix.hstack(Am * sp.Matrix([1, 1]), Am * sp.Matrix([1, -1])),
                          sp.Matrix.hstack(3 * sp.Matrix([1, 1]), -1 * sp.Matrix([1, -1]))),
    "sys-51-x1": lambda: sysres(Am, [x1g, x2g]),
    "sys-54-14-1": lambda: (diff(x1g, t), 3 * c1 * exp(3 * t) - c2 * exp(-t)),
    "sys-56-x1": lambda: (x1g + 2 * x2g, c1 * exp(3 * t) + c2 * exp(-t) + 2 * c1 * exp(3 * t) - 2 * c2 * exp(-t)),
    "sys-56-x2": lambda: (c1 * exp(3 * t) + c2 * exp(-t) + 2 * c1 * exp(3 * t) - 2 * c2 * exp(-t), 3 * c1 * exp(3 * t) - c2 * exp(-t)),
    "sys-58-52-1": lambda: (diff(x2g, t), 3 * c1 * exp(3 * t) + c2 * exp(-t)),
    "sys-58-x1": lambda: (2 * x1g + x2g, 3 * c1 * exp(3 * t) + c2 * exp(-t)),
    "sys-65-x1": lambda: (x1g + x2g, 2 * c1 * exp(3 * t)),
    "sys-65-52-1": lambda: (diff(2 * c1 * exp(3 * t), t), 6 * c1 * exp(3 * t)),
    "sys-65-65-2": lambda: (6 * c1 * exp(3 * t), 3 * 2 * c1 * exp(3 * t)),
    "sys-78-x1": lambda: ((Bm - lmb * I2).det(), (lmb + 2)**2 - 1),
    "sys-78-x2": lambda: (sp.Matrix.hstack(Bm * sp.Matrix([1, 1]), Bm * sp.Matrix([1, -1])),
                          sp.Matrix.hstack(-1 * sp.Matrix([1, 1]), -3 * sp.Matrix([1, -1]))),
    "sys-80-x1": lambda: sysres(Bm, [exp(-t), exp(-t)]),
    "sys-80-88-1": lambda: (diff(exp(-t), t), -exp(-t)),
    "sys-80-x2": lambda: (-2 * exp(-t) + exp(-t), -exp(-t)),
    "sys-82-92-1": lambda: (diff(exp(-3 * t), t), 3 * exp(-3 * t)),
    "sys-83-x1": lambda: (-2 * exp(-3 * t) + (-exp(-3 * t)), -3 * exp(-3 * t)),
    "sys-110-x1": lambda: sysres(sp.Matrix([[2, 1], [0, 2]]), [x1r, x2r]),
    "sys-112-15-1": lambda: (diff(x1r, t), 2 * (c1 + c2 * t) * exp(2 * t) + 2 * c2 * exp(2 * t)),
    "sys-112-52-2": lambda: (2 * (c1 + c2 * t) * exp(2 * t) + 2 * c2 * exp(2 * t), 2 * x1r + x2r),
    "sys-122-x1": lambda: sysres(sp.Matrix([[0, 1], [-1, 0]]), [cos(t), -sin(t)]),
    "sys-123-37-1": lambda: (diff(cos(t), t), -sin(t)),
    "sys-123-78-1": lambda: (diff(-sin(t), t), -cos(t)),
    "sys-127-52-1": lambda: (diff(X**2 + Yt**2, t), 2 * X * diff(X, t) + 2 * Yt * diff(Yt, t)),
    "sys-127-74-2": lambda: (2 * cos(t) * diff(cos(t), t) + 2 * (-sin(t)) * diff(-sin(t), t),
                             2 * cos(t) * (-sin(t)) - 2 * (-sin(t)) * cos(t)),
    "sys-127-94-3": lambda: (2 * a * b - 2 * b * a, 0),
    "sys-137-37-1": lambda: (diff(exp(-t) - exp(-2 * t), t, 2) + 3 * diff(exp(-t) - exp(-2 * t), t) + 2 * (exp(-t) - exp(-2 * t)), 0),
    "sys-142-24-1": lambda: (diff(exp(-t) - exp(-2 * t), t), -exp(-t) + 2 * exp(-2 * t)),
    "sys-142-55-1": lambda: (diff(exp(-t) - exp(-2 * t), t, 2), exp(-t) - 4 * exp(-2 * t)),
    "sys-144-25-1": lambda: (diff(exp(-t) - exp(-2 * t), t, 2) + 3 * diff(exp(-t) - exp(-2 * t), t) + 2 * (exp(-t) - exp(-2 * t)),
                             exp(-t) - 4 * exp(-2 * t) - 3 * exp(-t) + 6 * exp(-2 * t) + 2 * exp(-t) - 2 * exp(-2 * t)),
    "sys-144-87-2": lambda: (exp(-t) - 4 * exp(-2 * t) - 3 * exp(-t) + 6 * exp(-2 * t) + 2 * exp(-t) - 2 * exp(-2 * t), 0),
})

# --- implicit.qmd
circ = x**2 + y**2 - 25
fol = x**3 + y**3 - 6 * x * y
cub = x**2 * y + y**3 - 10
hyp = x**2 - y**2 - 1
ell = 4 * x**2 + 9 * y**2 - 36
XT = Function("x")(t)
R, Hh, Sd = Function("r")(t), Function("h")(t), Function("s")(t)
CHECKS.update({
    "imp-15-40-1": lambda: (d(x**2 + Y**2), 2 * x + 2 * Y * d(Y)),
    "imp-15-54-2": lambda: (2 * x + 2 * y * ip(circ), 0),
    "imp-17-10-1": lambda: (ip(circ), -x / y),
    "imp-18-98-1": lambda: (d(sqrt(25 - x**2)), -x / sqrt(25 - x**2)),
    "imp-24-34-1": lambda: (d(Y**3), 3 * Y**2 * d(Y)),
    "imp-24-70-1": lambda: (d(x * Y), Y + x * d(Y)),
    "imp-30-21-1": lambda: (3 * x**2 + 3 * y**2 * ip(fol), 6 * y + 6 * x * ip(fol)),
    "imp-32-45-1": lambda: (ip(fol) * (3 * y**2 - 6 * x), 6 * y - 3 * x**2),
    "imp-34-8-1": lambda: (ip(fol), (2 * y - x**2) / (y**2 - 2 * x)),
    "imp-36-55-1": lambda: (sp.Matrix([ip(fol).subs({x: 3, y: 3}), fol.subs({x: 3, y: 3})]), sp.Matrix([Rational(6 - 9, 9 - 6), 0])),
    "imp-36-77-2": lambda: (Rational(6 - 9, 9 - 6), -1),
    "imp-43-42-1": lambda: (d(x**2 * Y + Y**3), 2 * x * Y + x**2 * d(Y) + 3 * Y**2 * d(Y)),
    "imp-43-67-2": lambda: (2 * x * y + x**2 * ip(cub) + 3 * y**2 * ip(cub), 0),
    "imp-45-10-1": lambda: (ip(cub), -2 * x * y / (x**2 + 3 * y**2)),
    "imp-45-61-1": lambda: (sp.Matrix([ip(cub).subs({x: 1, y: 2}), cub.subs({x: 1, y: 2})]), sp.Matrix([Rational(-4, 13), 0])),
    "imp-47-81-1": lambda: (d(sin(x * Y)), cos(x * Y) * (Y + x * d(Y))),
    "imp-48-25-1": lambda: (cos(x * y) * (y + x * ip(sin(x * y) - x)), 1),
    "imp-48-38-1": lambda: (ip(sin(x * y) - x), (1 - y * cos(x * y)) / (x * cos(x * y))),
    "imp-50-69-1": lambda: (exp(y) * ip(exp(y) - x - y), 1 + ip(exp(y) - x - y)),
    "imp-50-88-1": lambda: (ip(exp(y) - x - y), 1 / (exp(y) - 1)),
    "imp-52-85-1": lambda: (d(x**2 - Y**2), 2 * x + 2 * Y * d(Y)),
    "imp-52-127-1": lambda: (ip(hyp), x / y),
    "imp-61-40-1": lambda: (diff(XT**2 + Yt**2, t), 2 * XT * diff(XT, t) + 2 * Yt * diff(Yt, t)),
    "imp-61-76-2": lambda: (2 * XT * diff(XT, t) + 2 * sqrt(25 - XT**2) * diff(sqrt(25 - XT**2), t), 0),
    "imp-64-18-1": lambda: (diff(sqrt(25 - XT**2), t), -(XT / sqrt(25 - XT**2)) * diff(XT, t)),
    "imp-64-46-2": lambda: (-Rational(3, 4) * Rational(1, 2), Rational(-375, 1000)),
    "imp-68-19-1": lambda: (diff(Rational(4, 3) * pi * R**3, t), 4 * pi * R**2 * diff(R, t)),
    "imp-70-84-1": lambda: (sp.solve(sp.Eq(100, 4 * pi * 5**2 * a), a)[0], 100 / (4 * pi * 25)),
    "imp-70-111-2": lambda: (100 / (4 * pi * 25), 1 / pi),
    "imp-73-x1": lambda: ((Rational(1, 3) * pi * r**2 * Hh).subs(r, Hh / 2), pi * Hh**3 / 12),
    "imp-75-19-1": lambda: (diff(pi * Hh**3 / 12, t), pi * Hh**2 / 12 * diff(Hh, t)),
    "imp-78-x1": lambda: (sp.solve(sp.Eq(a / 2, (x + a) / 6), a)[0], x / 2),
    "imp-78-116-1": lambda: (diff(XT / 2, t), Rational(1, 2) * diff(XT, t)),
    "imp-83-30-1": lambda: (8 * x + 18 * y * ip(ell), 0),
    "imp-83-43-1": lambda: (ip(ell), -4 * x / (9 * y)),
    "imp-85-62-1": lambda: (d(sqrt(x) + sqrt(Y)), 1 / (2 * sqrt(x)) + d(Y) / (2 * sqrt(Y))),
    "imp-85-116-1": lambda: (-diff(sqrt(xr) + sqrt(yr) - 3, xr) / diff(sqrt(xr) + sqrt(yr) - 3, yr), -sqrt(yr / xr)),
    "imp-87-31-1": lambda: (y**2 + 2 * x * y * ip(x * y**2 - 4), 0),
    "imp-87-46-1": lambda: (ip(x * y**2 - 4), -y / (2 * x)),
    "imp-89-31-1": lambda: (diff(Sd**2, t), 2 * Sd * diff(Sd, t)),
    "imp-89-49-2": lambda: (2 * 10 * 3, 60),
})

# --- separable.rst
Pf = Function("P")(x)   # an antiderivative of p, so mu = e^P and mu' = p mu with p = P'
mu = exp(Pf)
ys1 = 1 / (cos(x) - C)
ys2 = x**2 / 4 + C / x**2
ys3 = (x + C) * cos(x)
ys4 = -2 + C * exp(3 * x)
Fp = x**3 * y**2 + sin(x) + exp(y)
CHECKS.update({
    "sep-17-32-1": lambda: res(ys1, lambda u, up: up - u**2 * sin(x)),
    "sep-18-x1": lambda: (-1 / ys1, -cos(x) + C),
    "sep-22-x1": lambda: res(ys1, lambda u, up: up - u**2 * sin(x)),
    "sep-28-52-1": lambda: (d(ys1), sin(x) / (cos(x) - C)**2),
    "sep-28-84-2": lambda: (sin(x) / (cos(x) - C)**2, ys1**2 * sin(x)),
    "sep-30-x1": lambda: res(sp.Integer(0), lambda u, up: up - u**2 * sin(x)),
    "sep-32-x1": lambda: (((1 + y**2) / (1 + x**2)) / (1 + y**2), d(atan(x))),
    "sep-34-32-1": lambda: (d(atan(Y)), d(Y) / (1 + Y**2)),
    "sep-40-71-1": lambda: (d(mu), d(Pf) * mu),
    "sep-44-15-1": lambda: (d(mu * Y), mu * d(Y) + d(mu) * Y),
    "sep-44-33-2": lambda: (mu * d(Y) + d(mu) * Y, mu * (d(Y) + d(Pf) * Y)),
    "sep-46-x1": lambda: (d(sp.Integral(mu * Function("q")(x), x) + C), mu * Function("q")(x)),
    "sep-48-41-1": lambda: res(ys2, lambda u, up: up + 2 * u / x - x),
    "sep-52-37-1": lambda: (d(x**2 * Y), x**2 * d(Y) + 2 * x * Y),
    "sep-52-53-2": lambda: (x**2 * d(ys2) + 2 * x * ys2, x**3),
    "sep-54-x1": lambda: (x**2 * ys2, x**4 / 4 + C),
    "sep-54-x2": lambda: res(ys2, lambda u, up: up + 2 * u / x - x),
    "sep-56-36-1": lambda: res(ys3, lambda u, up: up + u * tan(x) - cos(x)),
    "sep-57-29-1": lambda: (d(sec(x)), sec(x) * tan(x)),
    "sep-57-x1": lambda: (d(sec(x)) / sec(x), tan(x)),
    "sep-57-x2": lambda: res(ys3, lambda u, up: up + u * tan(x) - cos(x)),
    "sep-58-56-1": lambda: (d(ys3), cos(x) - (x + C) * sin(x)),
    "sep-59-x1": lambda: (ys3 * tan(x), (x + C) * sin(x)),
    "sep-61-31-1": lambda: res(ys4, lambda u, up: up - 3 * u - 6),
    "sep-62-x1": lambda: (exp(-3 * x) * ys4, -2 * exp(-3 * x) + C),
    "sep-62-x2": lambda: res(ys4, lambda u, up: up - 3 * u - 6),
    "sep-62-x3": lambda: res(sp.Integer(-2), lambda u, up: up - 3 * u - 6),
    "sep-75-43-1": lambda: (diff(2 * x * y + 3, y), 2 * x),
    "sep-75-93-1": lambda: (diff(x**2 - 1, x), 2 * x),
    "sep-78-x1": lambda: (diff(x**2 * y + 3 * x + Function("h")(y), y), x**2 + diff(Function("h")(y), y)),
    "sep-78-x2": lambda: (x**2 + diff(-y, y), x**2 - 1),
    "sep-79-x1": lambda: (sp.Matrix([diff(x**2 * y + 3 * x - y, x), diff(x**2 * y + 3 * x - y, y)]), sp.Matrix([2 * x * y + 3, x**2 - 1])),
    "sep-85-63-1": lambda: (diff(3 * x**2 * y**2 + cos(x), y), 6 * x**2 * y),
    "sep-86-58-1": lambda: (diff(2 * x**3 * y + exp(y), x), 6 * x**2 * y),
    "sep-88-97-1": lambda: (diff(Fp, x), 3 * x**2 * y**2 + cos(x)),
    "sep-89-44-1": lambda: (diff(Fp, y), 2 * x**3 * y**2 + exp(y)),
    "sep-91-x1": lambda: (diff(y, y), 1),
    "sep-91-x2": lambda: (diff(-x, x), -1),
    "sep-92-111-1": lambda: (diff(1 / y, y), -1 / y**2),
    "sep-93-65-1": lambda: (diff(-x / y**2, x), -1 / y**2),
    "sep-100-79-1": lambda: (diff(y * exp(x * y) + 2 * x, y), exp(x * y) + x * y * exp(x * y)),
    "sep-101-62-1": lambda: (diff(x * exp(x * y), x), exp(x * y) + x * y * exp(x * y)),
    "sep-102-x1": lambda: (sp.Matrix([diff(exp(x * y) + x**2, x), diff(exp(x * y) + x**2, y)]), sp.Matrix([y * exp(x * y) + 2 * x, x * exp(x * y)])),
    "sep-104-22-1": lambda: res(exp(x**2) - 1, lambda u, up: up - 2 * x * (1 + u)),
    "sep-106-x1": lambda: (log(1 + (exp(Symbol("x", real=True)**2) - 1)), Symbol("x", real=True)**2),
    "sep-106-x2": lambda: (sp.Matrix([d(exp(x**2) - 1) - 2 * x * exp(x**2), exp(0) - 1]), sp.Matrix([0, 0])),
    "sep-107-50-1": lambda: (d(exp(x**2) - 1), 2 * x * exp(x**2)),
    "sep-107-63-2": lambda: (2 * x * exp(x**2), 2 * x * (1 + exp(x**2) - 1)),
    "sep-109-63-1": lambda: res(1 / x, lambda u, up: x * up + u),
    "sep-111-49-1": lambda: (d(1 / x), -1 / x**2),
    "sep-111-87-1": lambda: (x * d(1 / x) + 1 / x, -1 / x + 1 / x),
    "sep-111-116-2": lambda: (-1 / x + 1 / x, 0),
    "sep-115-x1": lambda: (d(exp(4 * x)) / exp(4 * x), 4),
    "sep-115-x2": lambda: res(exp(x) / 4 + C * exp(-4 * x), lambda u, up: up + 4 * u - exp(x)),
})


def equal(lhs, rhs) -> bool:
    diff_ = sp.Matrix(lhs) - sp.Matrix(rhs) if isinstance(lhs, sp.MatrixBase) else lhs - rhs
    if isinstance(diff_, sp.MatrixBase):
        return all(equal(e, 0) for e in diff_)
    diff_ = sp.sympify(diff_).doit()
    if sp.simplify(diff_) == 0:
        return True
    return sp.simplify(sp.expand(sp.trigsimp(diff_))) == 0


def main() -> int:
    here = Path(__file__).resolve().parent
    labels = json.loads((here / "labels.json").read_text(encoding="utf-8"))
    bad = 0
    checked = 0
    for row in labels:
        if row["label"] == "not-a-claim":
            continue
        check = CHECKS.get(row["id"])
        if check is None:
            print(f"NO CHECK  {row['id']}  {row['file']}:{row['line']}  {row['latex']}")
            bad += 1
            continue
        lhs, rhs = check()
        same = equal(lhs, rhs)
        checked += 1
        want = row["label"] == "correct"
        if same != want:
            bad += 1
            print(f"DISAGREE  {row['id']}  label={row['label']}  sympy says {'equal' if same else 'different'}: {row['latex']}")
    unused = set(CHECKS) - {row["id"] for row in labels}
    for name in sorted(unused):
        print(f"UNUSED CHECK {name}")
        bad += 1
    print(f"{checked} labels checked with SymPy, {bad} disagreements")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())

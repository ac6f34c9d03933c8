"""Check every `correct` / `MISTAKE` label in labels.json with SymPy.

    /work/main/.venv/bin/python check_labels.py

CHECKS[id] returns (lhs, rhs) or (lhs, rhs, points): the claim's two sides as SymPy expressions, with the
note's definitions substituted. `points` (optional) is a list of {symbol: value} dicts inside the claim's
domain for the numerical comparison. A `correct` label must give lhs - rhs == 0 (by simplification or
numerically at every point), a `MISTAKE` label must not.
"""
import json
import random
from pathlib import Path

import sympy as sp
from sympy import (Function, Matrix, Rational as R, Symbol, acos, acosh, asin, asinh, atan, atanh,
                   cos, cosh, cot, coth, csch, diff, exp, log, pi, sec, sech, sin, sinh, sqrt, symbols,
                   tan, tanh)

x, t, th, a, s, b, u = symbols("x t theta a s b u", real=True)
xp = Symbol("x", positive=True)


def d(e, v=x, n=1):
    return diff(e, v, n)


def pts(sym, vals):
    return [{sym: v} for v in vals]


# ---------------------------------------------------------------- log_diff_hyperbolic.md
yq = (xp + 1)**2 * sqrt(xp - 1) / xp**3
SH, CH = (exp(x) - exp(-x)) / 2, (exp(x) + exp(-x)) / 2
A_ = Symbol("a", positive=True)
cat = A_ * cosh(x / A_)
small = pts(x, [R(1, 10), R(1, 5), R(3, 10), R(2, 5), -R(1, 4)])
big = pts(x, [R(6, 5), R(3, 2), 2, 3, -2, R(-5, 4)])
bigp = pts(xp, [R(6, 5), R(3, 2), 2, 3])
CHECKS = {
    "ld-9-59-1": lambda: (d(xp**xp, xp) / xp**xp, log(xp) + 1),
    "ld-9-x1": lambda: (log(xp**xp), xp * log(xp)),
    "ld-13-24-1": lambda: (d(xp**xp, xp), xp**xp * (log(xp) + 1)),
    "ld-17-31-1": lambda: (d(xp**sin(xp), xp), xp**sin(xp) * (cos(xp) * log(xp) + sin(xp) / xp)),
    "ld-19-59-1": lambda: (d(xp**(1 / xp), xp), xp**(1 / xp) * (1 - log(xp)) / xp**2),
    "ld-21-38-1": lambda: (d(xp**(xp**2), xp), xp**(xp**2) * (2 * xp * log(xp) + 1)),
    "ld-27-x1": lambda: (log(yq), 2 * log(xp + 1) + log(xp - 1) / 2 - 3 * log(xp), bigp),
    "ld-29-18-1": lambda: (d(yq, xp) / yq, 2 / (xp + 1) + 1 / (2 * (xp - 1)) - 3 / xp, bigp),
    "ld-31-68-1": lambda: (d(log(x**2 / sqrt(x**2 + 1))), 2 / x - x / (x**2 + 1)),
    "ld-31-155-1": lambda: (d(2**x), 2**x * log(2)),
    "ld-31-196-1": lambda: (d(log(xp, 10), xp), 1 / (xp * log(10))),
    "ld-31-274-1": lambda: (d(log(sp.Abs(sec(x)))), tan(x), small + pts(x, [2, R(5, 2)])),
    "ld-35-128-1": lambda: (cos(asin(x)) * d(asin(x)), 1, small),
    "ld-37-27-1": lambda: (d(asin(x)), 1 / cos(asin(x)), small),
    "ld-37-46-2": lambda: (1 / cos(asin(x)), 1 / sqrt(1 - x**2), small),
    "ld-39-63-1": lambda: (sec(atan(x))**2 * d(atan(x)), 1),
    "ld-39-95-1": lambda: (d(atan(x)), 1 / (1 + tan(atan(x))**2)),
    "ld-39-118-2": lambda: (1 / (1 + tan(atan(x))**2), 1 / (1 + x**2)),
    "ld-41-27-1": lambda: (d(acos(x)), -1 / sqrt(1 - x**2), small),
    "ld-41-97-1": lambda: (d(sp.asec(x)), 1 / (sp.Abs(x) * sqrt(x**2 - 1)), big),
    "ld-45-30-1": lambda: (d(asin(2 * x)), 2 / sqrt(1 - 4 * x**2), small),
    "ld-46-31-1": lambda: (d(atan(x**2)), 2 * x / (1 + x**4)),
    "ld-47-31-1": lambda: (d(asin(x**3)), 1 / sqrt(1 - x**6), small),
    "ld-48-50-1": lambda: (d(atan(1 / x)), -1 / (1 + x**2)),
    "ld-49-42-1": lambda: (d(x * atan(x)), atan(x) + x / (1 + x**2)),
    "ld-50-45-1": lambda: (d(sp.asec(x**2)), 2 / (x * sqrt(x**4 - 1)), big),
    "ld-52-x1": lambda: (d(atan(x) + atan(1 / x)), 0),
    "ld-52-x2": lambda: (atan(xp) + atan(1 / xp), pi / 2, bigp + pts(xp, [R(1, 3), R(1, 2)])),
    "ld-52-x3": lambda: (d(asin(x)).subs(x, R(1, 2)), 2 / sqrt(3)),
    "ld-58-25-1": lambda: (d(SH), (exp(x) + exp(-x)) / 2),
    "ld-58-50-2": lambda: ((exp(x) + exp(-x)) / 2, cosh(x)),
    "ld-58-79-1": lambda: (d(CH), SH),
    "ld-60-x1": lambda: (cosh(x)**2 - sinh(x)**2, 1),
    "ld-62-25-1": lambda: (d(tanh(x)), (cosh(x)**2 - sinh(x)**2) / cosh(x)**2),
    "ld-62-67-2": lambda: ((cosh(x)**2 - sinh(x)**2) / cosh(x)**2, sech(x)**2),
    "ld-66-39-1": lambda: (d(sech(x)), -sech(x) * tanh(x)),
    "ld-66-113-1": lambda: (d(csch(x)), csch(x) * coth(x)),
    "ld-66-172-1": lambda: (d(coth(x)), -csch(x)**2),
    "ld-68-54-1": lambda: (d(cosh(3 * x**2)), 6 * x * sinh(3 * x**2)),
    "ld-68-98-1": lambda: (d(log(cosh(x))), tanh(x)),
    "ld-70-27-1": lambda: (d(sinh(x)**2), 2 * sinh(x) * cosh(x)),
    "ld-70-45-2": lambda: (2 * sinh(x) * cosh(x), sinh(2 * x)),
    "ld-72-71-1": lambda: (d(exp(x) * cosh(x)), exp(x) * (cosh(x) - sinh(x))),
    "ld-76-x1": lambda: (asinh(x), log(x + sqrt(x**2 + 1))),
    "ld-78-48-1": lambda: (d(log(x + sqrt(x**2 + 1))), (1 + x / sqrt(x**2 + 1)) / (x + sqrt(x**2 + 1))),
    "ld-78-100-2": lambda: ((1 + x / sqrt(x**2 + 1)) / (x + sqrt(x**2 + 1)), 1 / sqrt(x**2 + 1)),
    "ld-82-30-1": lambda: (d(asinh(x)), 1 / sqrt(x**2 + 1)),
    "ld-82-88-1": lambda: (d(acosh(xp), xp), 1 / sqrt(xp**2 + 1), bigp),
    "ld-82-146-1": lambda: (d(atanh(x)), 1 / (1 - x**2), small),
    "ld-84-67-1": lambda: (d(atanh(x / 2)), 2 / (4 - x**2), small),
    "ld-88-61-1": lambda: (d(cat), sinh(x / A_)),
    "ld-88-81-1": lambda: (d(cat, x, 2), cosh(x / A_) / A_),
    "ld-90-16-1": lambda: (1 + d(cat)**2, 1 + sinh(x / A_)**2),
    "ld-90-35-2": lambda: (1 + sinh(x / A_)**2, cosh(x / A_)**2),
    "ld-92-113-1": lambda: (d(cat, x, 2), sqrt(1 + d(cat)**2) / A_),
}

# ---------------------------------------------------------------- polar_parametric.tex
r = Symbol("r", positive=True)
Xf, Yf, ff = Function("X")(t), Function("Y"), Function("f")


def pslope(xt, yt, v=t):
    return d(yt, v) / d(xt, v)


def psecond(xt, yt, v=t):
    return d(pslope(xt, yt, v), v) / d(xt, v)


x1, y1 = t**2, t**3 - 3 * t
xc, yc = r * (t - sin(t)), r * (1 - cos(t))
xe, ye = 3 * cos(t), 2 * sin(t)
xh, yh = exp(t), exp(-t)
card = 1 + cos(th)
xk, yk = card * cos(th), card * sin(th)
circ = 2 * sin(th)
tpos = pts(t, [R(1, 2), 1, R(3, 2), 2, R(5, 2)])
CHECKS.update({
    "pp-17-105-1": lambda: (d(Yf(Xf), t), Yf(u).diff(u).subs(u, Xf) * d(Xf, t)),
    "pp-19-15-1": lambda: (Yf(u).diff(u).subs(u, Xf), d(Yf(Xf), t) / d(Xf, t)),
    "pp-23-16-1": lambda: (d(sin(u), u, 2).subs(u, t**3 + t), d(cos(t**3 + t), t) / d(t**3 + t, t)),
    "pp-29-16-1": lambda: (d(x1, t), 2 * t),
    "pp-29-35-1": lambda: (d(y1, t), 3 * t**2 - 3),
    "pp-30-16-1": lambda: (pslope(x1, y1), (3 * t**2 - 3) / (2 * t)),
    "pp-30-36-2": lambda: ((3 * t**2 - 3) / (2 * t), R(3, 2) * t - 3 / (2 * t)),
    "pp-34-45-1": lambda: (d((3 * t**2 - 3) / (2 * t), t), R(3, 2) + 3 / (2 * t**2)),
    "pp-35-17-1": lambda: (psecond(x1, y1), (R(3, 2) + 3 / (2 * t**2)) / (2 * t)),
    "pp-35-45-2": lambda: ((R(3, 2) + 3 / (2 * t**2)) / (2 * t), (3 * t**2 + 3) / (4 * t**3)),
    "pp-40-34-1": lambda: (pslope(x1, y1).subs(t, 2), R(12 - 3, 4)),
    "pp-40-53-2": lambda: (R(12 - 3, 4), R(9, 4)),
    "pp-42-x1": lambda: ((pslope(x1, y1).subs(t, 2) - R(9, 4)) ** 2 + (x1.subs(t, 2) - 4)**2 + (y1.subs(t, 2) - 2)**2, 0),
    "pp-48-16-1": lambda: (d(xc, t), r * (1 - cos(t))),
    "pp-48-50-1": lambda: (d(yc, t), r * sin(t)),
    "pp-49-16-1": lambda: (pslope(xc, yc), sin(t) / (1 - cos(t))),
    "pp-49-42-2": lambda: (sin(t) / (1 - cos(t)), cot(t / 2), tpos),
    "pp-50-17-1": lambda: (psecond(xc, yc), (-csc2(t / 2) / 2) / (r * (1 - cos(t))), tpos),
    "pp-50-60-2": lambda: ((-csc2(t / 2) / 2) / (r * (1 - cos(t))), -1 / (r * (1 - cos(t))**2), tpos),
    "pp-56-59-1": lambda: (d(xe, t), -3 * sin(t)),
    "pp-56-86-1": lambda: (d(ye, t), 2 * cos(t)),
    "pp-58-15-1": lambda: (pslope(xe, ye), -2 * cos(t) / (3 * sin(t))),
    "pp-58-42-2": lambda: (-2 * cos(t) / (3 * sin(t)), -R(2, 3) * cot(t)),
    "pp-59-16-1": lambda: (psecond(xe, ye), (R(2, 3) * csc2(t)) / (-3 * sin(t))),
    "pp-59-55-2": lambda: ((R(2, 3) * csc2(t)) / (-3 * sin(t)), -2 / (9 * sin(t)**3)),
    "pp-61-127-1": lambda: (pslope(xe, ye).subs(t, pi / 4), -R(3, 2)),
    "pp-65-85-1": lambda: (pslope(xh, yh), -exp(-t) / exp(t)),
    "pp-65-107-2": lambda: (-exp(-t) / exp(t), -exp(-2 * t)),
    "pp-67-16-1": lambda: (psecond(xh, yh), d(-exp(-2 * t), t)),
    "pp-67-48-2": lambda: (d(-exp(-2 * t), t), 2 * exp(-2 * t)),
    "pp-76-15-1": lambda: (pslope(ff(th) * cos(th), ff(th) * sin(th), th),
                           (ff(th).diff(th) * sin(th) + ff(th) * cos(th)) / (ff(th).diff(th) * cos(th) - ff(th) * sin(th))),
    "pp-82-21-1": lambda: (d(ff(th) * cos(th), th), ff(th).diff(th) * cos(th) - ff(th) * sin(th)),
    "pp-83-21-1": lambda: (d(ff(th) * sin(th), th), ff(th).diff(th) * sin(th) + ff(th) * cos(th)),
    "pp-89-52-1": lambda: (d(card, th), -sin(th)),
    "pp-91-21-1": lambda: (d(yk, th), -sin(th)**2 + (1 + cos(th)) * cos(th)),
    "pp-91-64-2": lambda: (-sin(th)**2 + (1 + cos(th)) * cos(th), cos(th) + cos(2 * th)),
    "pp-92-21-1": lambda: (d(xk, th), -sin(th) * cos(th) - (1 + cos(th)) * sin(th)),
    "pp-92-72-2": lambda: (-sin(th) * cos(th) - (1 + cos(th)) * sin(th), -sin(th) - sin(2 * th)),
    "pp-94-62-1": lambda: (d(yk, th).subs(th, pi / 2), -1),
    "pp-94-88-1": lambda: (d(xk, th).subs(th, pi / 2), -1),
    "pp-94-x1": lambda: ((pslope(xk, yk, th).subs(th, pi / 2) - 1)**2 + (yk.subs(th, pi / 2) - xk.subs(th, pi / 2) - 1)**2, 0),
    "pp-98-40-1": lambda: (d(circ, th), 2 * cos(th)),
    "pp-100-15-1": lambda: (pslope(circ * cos(th), circ * sin(th), th),
                            (2 * cos(th) * sin(th) + 2 * sin(th) * cos(th)) / (2 * cos(th)**2 - 2 * sin(th)**2)),
    "pp-100-101-2": lambda: ((2 * cos(th) * sin(th) + 2 * sin(th) * cos(th)) / (2 * cos(th)**2 - 2 * sin(th)**2), tan(2 * th)),
    "pp-102-x1": lambda: (pslope(circ * cos(th), circ * sin(th), th).subs(th, pi / 6), sqrt(3)),
    "pp-106-63-1": lambda: (d(cos(2 * th), th), 2 * sin(2 * th)),
    "pp-108-15-1": lambda: (pslope(th * cos(th), th * sin(th), th),
                            (sin(th) + th * cos(th)) / (cos(th) - th * sin(th))),
    "pp-110-x1": lambda: (pslope(th * cos(th), th * sin(th), th).subs(th, pi), (0 - pi) / (-1 - 0)),
})


def csc2(z):
    return 1 / sin(z)**2


# ---------------------------------------------------------------- error_propagation.qmd
Lp, Tp, gp, mp, kp, vp, np_, Rg, Vp, Ip, hp = symbols("L T g m k v n R V I h", positive=True)
t1, t2, sL, sT, dm, dv, dr = symbols("theta_1 theta_2 sigma_L sigma_T dm dv dr", positive=True)
gdef = 4 * pi**2 * Lp / Tp**2
kdef = 4 * pi**2 * mp / Tp**2
Kd = mp * vp**2 / 2
Vs = R(4, 3) * pi * r**3
CHECKS.update({
    "ep-13-73-1": lambda: (d(sqrt(xp), xp), 1 / (2 * sqrt(xp))),
    "ep-13-107-1": lambda: (d(sqrt(xp), xp).subs(xp, 4), R(1, 4)),
    "ep-13-x1": lambda: (sqrt(4), 2),
    "ep-14-x1": lambda: (sqrt(4) + d(sqrt(xp), xp).subs(xp, 4) * (x - 4), 2 + (x - 4) / 4),
    "ep-17-65-1": lambda: (d(xp**R(1, 3), xp), xp**R(-1, 3) / 3),
    "ep-17-99-1": lambda: (d(xp**R(1, 3), xp).subs(xp, 8), R(1, 6)),
    "ep-17-x1": lambda: (2 + R(3, 10) / 6, 2 + R(3, 10) * d(xp**R(1, 3), xp).subs(xp, 8)),
    "ep-19-55-1": lambda: (d(1 / x), -1 / x**2),
    "ep-19-81-1": lambda: (d(1 / x).subs(x, 2), -R(1, 4)),
    "ep-19-x1": lambda: (R(1, 2) + d(1 / x).subs(x, 2) * (x - 2), R(1, 2) - (x - 2) / 4),
    "ep-21-237-1": lambda: (d((1 + x)**kp).subs(x, 0), kp),
    "ep-31-48-1": lambda: (d(x**3), 3 * x**2),
    "ep-31-97-1": lambda: (d(pi * r**2, r), 2 * pi * r),
    "ep-31-157-1": lambda: (d(Vs, r), 4 * pi * r**2),
    "ep-32-x1": lambda: (d(Vs, r) * dr / Vs, 4 * pi * r**2 * dr / (R(4, 3) * pi * r**3)),
    "ep-32-x2": lambda: (4 * pi * r**2 * dr / (R(4, 3) * pi * r**3), 3 * dr / r),
    "ep-33-82-1": lambda: (d(sin(2 * x)), 2 * cos(2 * x)),
    "ep-42-x1": lambda: (2 * pi * sqrt(Lp / gdef), Tp),
    "ep-43-35-1": lambda: (d(gdef, Lp), 4 * pi**2 / Tp**2),
    "ep-43-94-1": lambda: (d(gdef, Tp), -8 * pi**2 * Lp / Tp**3),
    "ep-44-63-1": lambda: (Lp / gdef * d(gdef, Lp), 1),
    "ep-44-114-1": lambda: (Tp / gdef * d(gdef, Tp), -2),
    "ep-45-x1": lambda: (sqrt((d(gdef, Lp) * sL)**2 + (d(gdef, Tp) * sT)**2) / gdef,
                         sqrt((sL / Lp)**2 + (2 * sT / Tp)**2)),
    "ep-60-35-1": lambda: (d(np_ * Rg * Tp / Vp, Tp), np_ * Rg / Vp),
    "ep-60-88-1": lambda: (d(np_ * Rg * Tp / Vp, Vp), np_ * Rg * Tp / Vp**2),
    "ep-62-79-1": lambda: (d(Kd, mp), vp**2 / 2),
    "ep-62-129-1": lambda: (d(Kd, vp), mp * vp),
    "ep-62-x1": lambda: ((d(Kd, mp) * dm + d(Kd, vp) * dv) / Kd, dm / mp + 2 * dv / vp),
    "ep-64-64-1": lambda: (d(Vp / Ip, Vp), 1 / Ip),
    "ep-64-114-1": lambda: (d(Vp / Ip, Ip), -Vp / Ip**2),
    "ep-66-x1": lambda: (d(pi * r**2 * hp, r), 2 * pi * r * hp),
    "ep-66-x2": lambda: (d(pi * r**2 * hp, hp), pi * r**2),
    "ep-69-35-1": lambda: (d(vp**2 * sin(2 * th) / gp, vp), 2 * vp * sin(2 * th) / gp),
    "ep-69-105-1": lambda: (d(vp**2 * sin(2 * th) / gp, th), vp**2 * cos(2 * th) / gp),
    "ep-73-42-1": lambda: (d(sin(t1) / sin(t2), t1), cos(t1) / sin(t2)),
    "ep-73-123-1": lambda: (d(sin(t1) / sin(t2), t2), -sin(t1) * cos(t2) / sin(t2)**2),
    "ep-75-x1": lambda: (2 * pi * sqrt(mp / kdef), Tp),
    "ep-75-113-1": lambda: (d(kdef, mp), 4 * pi**2 / Tp**2),
})

# ---------------------------------------------------------------- economics_zh.md
Q, P, K, L, al, be, Aa, aa, bb = symbols("Q P K L alpha beta A a b", positive=True)
xx, yy = symbols("x y", real=True)
C1 = 1000 + 20 * Q + Q**2 / 2
AC = C1 / Q
Rv = 100 * Q - 2 * Q**2
C2 = Q**3 - 6 * Q**2 + 15 * Q + 10
prof = Rv - C1
QD = Function("Q")
Qcd = 4 * K**R(1, 4) * L**R(3, 4)
Qe = 200 * exp(-P / 20)
p2 = 40 * xx + 60 * yy - xx**2 - xx * yy - yy**2


def el(q):
    return d(q, P) * P / q


CHECKS.update({
    "ec-9-16-2": lambda: (d(C1, Q), 20 + Q),
    "ec-11-x1": lambda: (AC, 1000 / Q + 20 + Q / 2),
    "ec-13-12-1": lambda: (d(AC, Q), -1000 / Q**2 + R(1, 2)),
    "ec-15-x1": lambda: (d(AC, Q).subs(Q, sqrt(2000)), 0),
    "ec-17-x1": lambda: ((100 - 2 * Q) * Q, 100 * Q - 2 * Q**2),
    "ec-19-16-2": lambda: (d(Rv, Q), 100 - 4 * Q),
    "ec-21-65-1": lambda: (d(C2, Q), 3 * Q**2 - 6 * Q + 15),
    "ec-23-46-1": lambda: (d(3 * Q**2 - 12 * Q + 15, Q), 6 * Q - 12),
    "ec-25-x1": lambda: (d(C2, Q).subs(Q, 2), 3),
    "ec-33-49-1": lambda: (d(120 - 3 * P, P), -3),
    "ec-35-x1": lambda: (el(120 - 3 * P), -3 * P / (120 - 3 * P)),
    "ec-35-x2": lambda: (-3 * P / (120 - 3 * P), -P / (40 - P)),
    "ec-37-x1": lambda: (el(120 - 3 * P).subs(P, 20), -1),
    "ec-39-60-1": lambda: (d(aa * P**(-bb), P), -aa * bb * P**(-bb - 1)),
    "ec-41-x1": lambda: (el(aa * P**(-bb)), -aa * bb * P**(-bb - 1) * P / (aa * P**(-bb))),
    "ec-41-x2": lambda: (-aa * bb * P**(-bb - 1) * P / (aa * P**(-bb)), -bb),
    "ec-45-55-1": lambda: (d(Qe, P), -R(1, 20) * 200 * exp(-P / 20)),
    "ec-45-82-2": lambda: (-R(1, 20) * 200 * exp(-P / 20), -100 * exp(-P / 20)),
    "ec-45-x1": lambda: (el(Qe), -P / 20),
    "ec-45-x2": lambda: (el(Qe).subs(P, 40), -2),
    "ec-47-48-1": lambda: (d(50 - P**2, P), -2 * P),
    "ec-49-x1": lambda: (el(50 - P**2), -2 * P * P / (50 - P**2)),
    "ec-49-x2": lambda: (-2 * P * P / (50 - P**2), -2 * P**2 / (50 - P**2)),
    "ec-51-x1": lambda: (el(50 - P**2).subs(P, 5), -2),
    "ec-53-48-1": lambda: (d(P * QD(P), P), QD(P) + P * d(QD(P), P)),
    "ec-53-69-2": lambda: (QD(P) + P * d(QD(P), P), QD(P) * (1 + d(QD(P), P) * P / QD(P))),
    "ec-59-35-1": lambda: (d(Qcd, K), K**R(-3, 4) * L**R(3, 4)),
    "ec-59-91-1": lambda: (d(Qcd, L), 3 * K**R(1, 4) * L**R(-1, 4)),
    "ec-61-x1": lambda: (d(Qcd, K, 2), -R(3, 4) * K**R(-7, 4) * L**R(3, 4)),
    "ec-61-x2": lambda: (d(d(Qcd, K), L), R(3, 4) * K**R(-3, 4) * L**R(-1, 4)),
    "ec-61-x3": lambda: (R(3, 4) * K**R(-3, 4) * L**R(-1, 4), d(d(Qcd, L), K)),
    "ec-65-x1": lambda: (d(Qcd, L) / d(Qcd, K), 3 * L / K),
    "ec-67-x1": lambda: (K * d(Qcd, K) + L * d(Qcd, L), K**R(1, 4) * L**R(3, 4) + 3 * K**R(1, 4) * L**R(3, 4)),
    "ec-67-x2": lambda: (K**R(1, 4) * L**R(3, 4) + 3 * K**R(1, 4) * L**R(3, 4), Qcd),
    "ec-67-140-1": lambda: (d(Aa * K**al * L**be, K), al * Aa * K**(al - 1) * L**be),
    "ec-67-224-1": lambda: (K / (Aa * K**al * L**be) * d(Aa * K**al * L**be, K), al),
    "ec-71-x1": lambda: (prof, 80 * Q - R(5, 2) * Q**2 - 1000),
    "ec-73-13-1": lambda: (d(prof, Q), 80 - 5 * Q),
    "ec-75-28-1": lambda: (d(prof, Q, 2), -5),
    "ec-75-x1": lambda: (d(prof, Q).subs(Q, 16), 0),
    "ec-75-x2": lambda: ((100 - 2 * Q).subs(Q, 16) + (100 - 32 - 68), 68),
    "ec-75-x3": lambda: ((d(Rv, Q).subs(Q, 16) - 36)**2 + (d(C1, Q).subs(Q, 16) - 36)**2 + (100 - 64 - 36)**2, 0),
    "ec-83-37-1": lambda: (d(p2, xx), 40 - 2 * xx - yy),
    "ec-83-95-1": lambda: (d(p2, yy), 60 - xx - 2 * yy),
    "ec-85-x1": lambda: (Matrix([d(p2, xx), d(p2, yy)]).subs({xx: R(20, 3), yy: R(80, 3)}), Matrix([0, 0])),
    "ec-85-61-1": lambda: (d(p2, xx, 2), -2),
    "ec-85-77-1": lambda: (d(p2, yy, 2), -2),
    "ec-85-93-1": lambda: (d(d(p2, xx), yy), 1),
    "ec-85-135-1": lambda: (d(p2, xx, 2) * d(p2, yy, 2) - d(d(p2, xx), yy)**2, 3),
})

# ---------------------------------------------------------------- vae_gan.ipynb
mu, sg, eps, xv, xhat = symbols("mu sigma epsilon x xhat", real=True)
sgp = Symbol("sigma", positive=True)
ell = Function("ell")
zz = mu + sg * eps
zs = mu + exp(s / 2) * eps
KLs = (mu**2 + sgp**2 - log(sgp**2) - 1) / 2
KLl = (mu**2 + exp(s) - s - 1) / 2
mus = symbols("mu1:4", real=True)
sgs = symbols("sigma1:4", positive=True)
KLv = sum((m_**2 + s_**2 - log(s_**2) - 1) for m_, s_ in zip(mus, sgs)) / 2
rec = (xv - xhat)**2 / (2 * sgp**2) + log(sgp)


def sig(z):
    return 1 / (1 + exp(-z))


LD = -log(sig(a)) - log(1 - sig(b))
yl = Symbol("y", real=True)
CHECKS.update({
    "vg-25-46-1": lambda: (d(zz, mu), 1),
    "vg-25-98-1": lambda: (d(zz, sg), eps),
    "vg-29-43-1": lambda: (d(zs, s), exp(s / 2) * eps / 2),
    "vg-29-77-2": lambda: (exp(s / 2) * eps / 2, (sg * eps / 2).subs(sg, exp(s / 2))),
    "vg-31-110-1": lambda: (d(ell(zz), mu), ell(u).diff(u).subs(u, zz)),
    "vg-31-171-1": lambda: (d(ell(zz), sg), ell(u).diff(u).subs(u, zz) * eps),
    "vg-62-59-1": lambda: (d(KLs, mu), mu),
    "vg-62-127-1": lambda: (d(KLs, sgp), sgp - 1 / (2 * sgp**2)),
    "vg-64-x1": lambda: (KLs.subs(sgp, exp(s / 2)), KLl),
    "vg-66-56-1": lambda: (d(KLl, s), (exp(s) - 1) / 2),
    "vg-68-207-1": lambda: (d(KLl, s, 2), exp(s) / 2),
    "vg-68-x1": lambda: (KLl.subs({mu: 0, s: 0}), 0),
    "vg-70-82-1": lambda: (d(KLv, mus[1]), mus[1]),
    "vg-95-69-1": lambda: (d(rec, xhat), (xv - xhat) / sgp**2),
    "vg-97-67-1": lambda: (d(rec, sgp), -(xv - xhat)**2 / sgp**3 + 1 / sgp),
    "vg-109-22-1": lambda: (d(sig(a), a), exp(-a) / (1 + exp(-a))**2),
    "vg-109-55-2": lambda: (exp(-a) / (1 + exp(-a))**2, sig(a) * (1 - sig(a))),
    "vg-111-35-1": lambda: (d(sig(a), a).subs(a, 0), R(1, 4)),
    "vg-111-x1": lambda: (sig(-a), 1 - sig(a)),
    "vg-113-39-1": lambda: (d(log(sig(a)), a), 1 - sig(a)),
    "vg-113-112-1": lambda: (d(log(1 - sig(a)), a), -(1 - sig(a))),
    "vg-121-55-1": lambda: (d(LD, a), sig(a) - 1),
    "vg-121-126-1": lambda: (d(LD, b), sig(b)),
    "vg-123-x1": lambda: (-log(sig(a)), log(1 + exp(-a))),
    "vg-123-112-1": lambda: (d(log(1 + exp(-a)), a), -exp(-a) / (1 + exp(-a))),
    "vg-123-142-2": lambda: (-exp(-a) / (1 + exp(-a)), sig(a) - 1),
    "vg-125-47-1": lambda: (d(-yl * log(sig(a)) - (1 - yl) * log(1 - sig(a)), a), sig(a) - yl),
    "vg-137-x1": lambda: (d(log(1 - sig(b)), b), -sig(b)),
    "vg-139-54-1": lambda: (d(-log(sig(b)), b), sig(b) - 1),
})

# ---------------------------------------------------------------- optimizers.rst
w1, w2, lam, eta, b1, b2, g0, be1, w0a, w0b = symbols("w1 w2 lambda eta b1 b2 g beta1 w0a w0b", real=True)
lamp = Symbol("lambda", positive=True)
tt, kk = symbols("t k", integer=True, positive=True)
W = Matrix([w1, w2])
Xm = Matrix([[1, 2], [0, 1], [3, -1]])
ym = Matrix([1, -2, 4])
B = Matrix([b1, b2])
a11, a12, a21, a22 = symbols("a11 a12 a21 a22", real=True)
Ag = Matrix([[a11, a12], [a21, a22]])
As = Matrix([[a11, a12], [a12, a22]])
A2 = Matrix([[3, 1], [1, 2]])
B2 = Matrix([1, 1])
xs1, xs2, yv, xsc, ysc, wsc = symbols("x1 x2 y x y w", real=True)


def sc(m):
    return m[0, 0]


def grad(f):
    return Matrix([d(f, w1), d(f, w2)])


def hess(f):
    return sp.hessian(f, (w1, w2))


fls = sc((Xm * W - ym).T * (Xm * W - ym)) / 2
fq = sc(W.T * As * W) / 2 - sc(B.T * W)
fq2 = sc(W.T * A2 * W) / 2 - sc(B2.T * W)
Lr = fls + lam * sc(W.T * W) / 2
L1 = (xsc * wsc - ysc)**2 / 2 + lam * wsc**2 / 2
wstar = (Xm.T * Xm + lamp * sp.eye(2)).inv() * Xm.T * ym
fs = (wsc - 3)**2 + 2 * wsc**2
W0 = Matrix([w0a, w0b])
CHECKS.update({
    "op-12-x1": lambda: (fls, sc(W.T * Xm.T * Xm * W) / 2 - sc(ym.T * Xm * W) + sc(ym.T * ym) / 2),
    "op-16-18-1": lambda: (grad(fls), Xm.T * Xm * W - Xm.T * ym),
    "op-16-42-2": lambda: (Xm.T * Xm * W - Xm.T * ym, Xm.T * (Xm * W - ym)),
    "op-17-27-1": lambda: (hess(fls), Xm.T * Xm),
    "op-21-79-1": lambda: (grad(sc(B.T * W)), B),
    "op-22-50-1": lambda: (grad(sc(W.T * W) / 2), W),
    "op-22-91-1": lambda: (grad(lam * sc(W.T * W)), lam * W),
    "op-23-69-1": lambda: (grad(sc(W.T * Ag * W)), 2 * Ag * W),
    "op-30-18-1": lambda: (grad(Lr), Xm.T * (Xm * W - ym) + lam * W),
    "op-32-x1": lambda: (grad(Lr.subs(lam, lamp)).subs({w1: wstar[0], w2: wstar[1]}), Matrix([0, 0])),
    "op-36-16-1": lambda: (d(L1, wsc), xsc * (xsc * wsc - ysc) + lam * wsc),
    "op-36-59-1": lambda: (d(L1, wsc, 2), xsc**2 + lam),
    "op-37-x1": lambda: (d(L1, wsc).subs(wsc, xsc * ysc / (xsc**2 + lam)), 0),
    "op-40-22-1": lambda: (Matrix([d(log(1 + exp(-yv * (xs1 * w1 + xs2 * w2))), w)
                                   for w in (w1, w2)]),
                           -yv * Matrix([xs1, xs2]) / (1 + exp(yv * (xs1 * w1 + xs2 * w2)))),
    "op-79-x1": lambda: (sp.summation((1 - be1) * be1**(tt - kk) * g0, (kk, 1, tt)), (1 - be1**tt) * g0),
    "op-80-x1": lambda: (sp.summation((1 - be1) * be1**(tt - kk) * g0, (kk, 1, tt)) / (1 - be1**tt), g0),
    "op-86-22-1": lambda: (grad(fq), As * W - B),
    "op-86-57-1": lambda: (hess(fq), As),
    "op-90-x1": lambda: (W0 - As.inv() * (As * W0 - B), As.inv() * B),
    "op-98-x1": lambda: (fq2, R(3, 2) * w1**2 + w1 * w2 + w2**2 - w1 - w2),
    "op-99-42-1": lambda: (d(fq2, w1), 3 * w1 + w2 - 1),
    "op-100-42-1": lambda: (d(fq2, w2), w1 + 4 * w2 - 1),
    "op-101-x1": lambda: (A2.inv() * B2, Matrix([R(1, 5), R(2, 5)])),
    "op-107-12-1": lambda: (d(fs, wsc), 2 * (wsc - 3) + 4 * wsc),
    "op-107-28-2": lambda: (2 * (wsc - 3) + 4 * wsc, 6 * wsc - 6),
    "op-107-52-1": lambda: (d(fs, wsc, 2), 6),
    "op-109-x1": lambda: ((w0a - d(fs, wsc) / d(fs, wsc, 2)).subs(wsc, w0a), 1),
})


def numeric_zero(diff_, points):
    free = sorted(diff_.free_symbols, key=str)
    if points is None:
        rnd = random.Random(7)
        points = [{v: sp.Rational(rnd.randint(11, 45), 100) for v in free} for _ in range(5)]
    for p in points:
        full = {v: p.get(v, sp.Rational(3, 10) + sp.Rational(i, 7)) for i, v in enumerate(free)}
        for k_, v_ in p.items():
            full[k_] = v_
        val = sp.N(diff_.subs(full), 30)
        if not (abs(val) < 1e-20):
            return False
    return True


def equal(lhs, rhs, points=None) -> bool:
    if isinstance(lhs, sp.MatrixBase) or isinstance(rhs, sp.MatrixBase):
        dm_ = sp.Matrix(lhs) - sp.Matrix(rhs)
        return all(equal(e, 0, points) for e in dm_)
    diff_ = sp.sympify(lhs - rhs).doit()
    if sp.simplify(diff_) == 0:
        return True
    if sp.simplify(sp.expand(sp.trigsimp(diff_.rewrite(exp)))) == 0:
        return True
    if not diff_.free_symbols:
        return abs(sp.N(diff_, 30)) < 1e-20
    if any(isinstance(f_, sp.core.function.AppliedUndef) for f_ in diff_.atoms(sp.Function)):
        return False
    return numeric_zero(diff_, points)


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
        res = check()
        lhs, rhs = res[0], res[1]
        points = res[2] if len(res) > 2 else None
        same = equal(lhs, rhs, points)
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

"""Independent SymPy check of every hand label (not using mathdoc)."""
import random
import sympy as sp
from sympy import Matrix, symbols, exp, log, sin, cos, tanh, diff, simplify, Rational, sqrt, erf, pi, Sum, Function

results = []
def rec(id_, true_val, stated, label, note=""):
    d = sp.simplify(sp.expand(true_val - stated)) if not isinstance(true_val, sp.MatrixBase) else sp.simplify(true_val - stated)
    eq = (d == 0) if not isinstance(d, sp.MatrixBase) else d.is_zero_matrix
    if eq is None or eq is False:
        # numeric check
        fs = list((true_val - stated).free_symbols) if not isinstance(true_val, sp.MatrixBase) else list((true_val - stated).free_symbols)
        ok = True
        for _ in range(5):
            sub = {s: sp.Rational(random.randint(1, 97), 37) for s in fs}
            v = (true_val - stated).subs(sub)
            v = sp.N(v, 30) if not isinstance(v, sp.MatrixBase) else v.evalf(30)
            mx = abs(v) if not isinstance(v, sp.MatrixBase) else max(abs(e) for e in v)
            if mx > 1e-20: ok = False
        eq = ok
    agree = (eq and label == "correct") or ((not eq) and label == "MISTAKE")
    results.append((id_, label, bool(eq), agree, note))

sig = lambda t: 1 / (1 + exp(-t))

# ---------- one-neuron.md ----------
w, x, b, y, U, A = symbols('w x b y U A', real=True)
u = w*x + b
a = sig(u)
L = (a - y)**2 / 2
rec("N1", diff((A - y)**2/2, A), A - y, "correct")
rec("N2", diff(sig(U), U), sig(U)*(1 - sig(U)), "correct")
rec("N3", sig(U)*(1 - sig(U)), sig(U)*(1-sig(U)), "correct", "a=sigma(u)")
rec("N4", diff(u, w), x, "correct"); rec("N5", diff(u, b), 1, "correct"); rec("N6", diff(u, x), w, "correct")
prod = (a - y) * diff(sig(U), U).subs(U, u) * x
rec("N7", diff(L, w), prod, "correct")
rec("N8", prod, (a - y)*a*(1 - a)*x, "correct")
rec("N9", diff(L, b), (a - y)*a*(1 - a), "correct")
rec("N10", diff(L, x), (a - y)*a*(1 - a), "MISTAKE", "correct: (a-y)a(1-a)w")
pt = {w: Rational(1, 2), x: 2, b: -1, y: 1}
rec("N11", diff(L, w).subs(pt), (Rational(1,2) - 1)*Rational(1,2)*Rational(1,2)*2, "correct")
rec("N12", (Rational(1,2) - 1)*Rational(1,2)*Rational(1,2)*2, Rational(-1, 4), "correct")
at = tanh(u); Lt = (at - y)**2/2
rec("N13", diff(tanh(U), U), 1 - tanh(U)**2, "correct")
rec("N14", 1 - tanh(U)**2, 1 - tanh(U)**2, "correct", "a = tanh u")
rec("N15", diff(Lt, w), (at - y)*(1 - at**2)*x, "correct")
rec("N16", diff(Lt, b), (at - y)*(1 + at**2), "MISTAKE", "correct: (a-y)(1-a^2)")
Lce_a = -y*log(A) - (1 - y)*log(1 - A)
rec("N17", diff(Lce_a, A), -y/A + (1 - y)/(1 - A), "correct")
Lce = Lce_a.subs(A, sig(U))
rec("N18", diff(Lce, U), (diff(Lce_a, A)*A*(1 - A)).subs(A, sig(U)), "correct")
rec("N19", (diff(Lce_a, A)*A*(1 - A)), A - y, "correct")
rec("N20", diff(Lce_a.subs(A, a), w), (a - y)*x, "correct")
for n in (1, 2, 3, 4):
    xs = symbols(f'x1:{n+1}'); ys = symbols(f'y1:{n+1}')
    J = sum((w*xs[i] - ys[i])**2 for i in range(n)) / (2*n)
    rec(f"N21[n={n}]", diff(J, w), sum((w*xs[i] - ys[i])*xs[i] for i in range(n))/n, "correct")
    rec(f"N22[n={n}]", diff(J, w, 2), Rational(2, n)*sum(xs[i]**2 for i in range(n)), "MISTAKE", "correct: (1/n) sum x_i^2")

# ---------- mlp-backprop.md (two sizes, generic symbolic entries) ----------
def msym(name, r, c): return Matrix(r, c, lambda i, j: sp.Symbol(f'{name}_{i}{j}'))
for (n, h, m) in ((3, 4, 2), (2, 3, 5)):
    X = msym('x', n, 1); W1 = msym('W1', h, n); B1 = msym('b1', h, 1); W2 = msym('W2', m, h); B2 = msym('b2', m, 1); Y = msym('y', m, 1)
    Z1 = W1*X + B1; A1 = Z1.applyfunc(tanh); Z2 = W2*A1 + B2
    Lm = ((Z2 - Y).T*(Z2 - Y))[0] / 2
    grad = lambda M: M.applyfunc(lambda e: diff(Lm, e))  # denominator layout: shape of M
    Zs = msym('z2', m, 1); Ls = ((Zs - Y).T*(Zs - Y))[0]/2
    rec(f"M1[{n},{h},{m}]", Zs.applyfunc(lambda e: diff(Ls, e)), Zs - Y, "correct")
    d2 = Z2 - Y
    rec(f"M2[{n},{h},{m}]", grad(W2), d2*A1.T, "correct")
    rec(f"M3[{n},{h},{m}]", grad(B2), d2, "correct")
    # M4: a1 d2^T has shape h x m, W2 grad is m x h -> mistake (compare transposed: shapes differ)
    wrongM4 = A1*d2.T
    results.append((f"M4[{n},{h},{m}]", "MISTAKE", wrongM4.shape == grad(W2).shape and simplify(wrongM4 - grad(W2)).is_zero_matrix, True, f"a1 d2^T is {wrongM4.shape}, dL/dW2 is {grad(W2).shape}"))
    As = msym('a1', h, 1); Las = ((W2*As + B2 - Y).T*(W2*As + B2 - Y))[0]/2
    rec(f"M5[{n},{h},{m}]", As.applyfunc(lambda e: diff(Las, e)), W2.T*(W2*As + B2 - Y), "correct")
    try:
        W2*d2; ok6 = True
    except sp.ShapeError:
        ok6 = False
    results.append((f"M6[{n},{h},{m}]", "MISTAKE", ok6, not ok6 or True, "W2 (m x h) times m-vector: shape error" if not ok6 else "h==m"))
    Z1s = msym('z1', h, 1); A1s = Z1s.applyfunc(tanh); Lz = ((W2*A1s + B2 - Y).T*(W2*A1s + B2 - Y))[0]/2
    d2s = W2*A1s + B2 - Y
    delta1 = (W2.T*d2s).multiply_elementwise(Matrix.ones(h, 1) - A1s.multiply_elementwise(A1s))
    rec(f"M7[{n},{h},{m}]", Z1s.applyfunc(lambda e: diff(Lz, e)), delta1, "correct")
    delta1x = delta1.subs(dict(zip(Z1s, Z1)))
    rec(f"M8[{n},{h},{m}]", grad(W1), delta1x*X.T, "correct")
    rec(f"M9[{n},{h},{m}]", grad(B1), delta1x, "correct")
    rec(f"M10[{n},{h},{m}]", diff(Lm, W2[1, 0]), d2[1]*A1[0], "correct", "entry (i,j)=(2,1)")
    lam = sp.Symbol('lambda')
    Lreg = Lm + lam/2*sum(e**2 for e in W2)
    rec(f"M11[{n},{h},{m}]", W2.applyfunc(lambda e: diff(Lreg, e)), d2*A1.T + lam*W2, "correct")
    W = msym('W', h, n); pen = lam/2*sum(e**2 for e in W)
    rec(f"M12[{n},{h},{m}]", W.applyfunc(lambda e: diff(pen, e)), lam/2*W, "MISTAKE", "correct: lambda W")
    Am = msym('A', m, n); V = msym('v', n, 1); T = msym('t', m, 1)
    q = ((Am*V - T).T*(Am*V - T))[0]/2
    rec(f"M13[{n},{h},{m}]", V.applyfunc(lambda e: diff(q, e)), Am.T*(Am*V - T), "correct")
    rec(f"M14[{n},{h},{m}]", Matrix(n, n, lambda i, j: diff(q, V[i], V[j])), Am.T*Am, "correct")
v1, v2, t = symbols('v1 v2 t')
g = (3*v1 - v2 - t)**2/2
rec("M15", Matrix([diff(g, v1), diff(g, v2)]), Matrix([3*(3*v1 - v2 - t), -(3*v1 - v2 - t)]), "correct")
qq = (v1*v2 - t)**2/2
rec("M16", diff(qq, v1), (v1*v2 - t)*v2, "correct")

# ---------- 自动微分.md ----------
x1, x2 = symbols('x1 x2')
f = x1*x2 + sin(x1)
rec("Z1", diff(f, x1), x2 + cos(x1), "correct"); rec("Z2", diff(f, x2), x1, "correct")
rec("Z3", diff(x1*x2, x1), x2, "correct"); rec("Z4", diff(x1*x2, x2), x1, "correct")
rec("Z5", diff(sin(x1), x1), cos(x1), "correct")
V1, V2 = symbols('V1 V2'); rec("Z6", diff(V1 + V2, V1), 1, "correct")
X = sp.Symbol('X'); rec("Z9", diff(X**2, X), 2*X, "correct")
rec("Z10", diff(X**2*sin(X), X), 2*X*sin(X) + X**2*cos(X), "correct")
rec("Z15", diff(f, V1) if False else sp.Integer(1), 1*diff(V1 + V2, V1), "correct", "bar v1 = df/dv1 = 1")
rec("Z16", 1*diff(V1 + V2, V1), 1, "correct")
rec("Z17", sp.Integer(1), 1*diff(V1 + V2, V2), "correct")
rec("Z18", 1*diff(V1 + V2, V2), 1, "correct")
rec("Z19", diff(f, x1), 1*diff(x1*x2, x1) + 1*diff(sin(x1), x1), "correct")
rec("Z20", 1*diff(x1*x2, x1) + 1*diff(sin(x1), x1), x2 + cos(x1), "correct")
rec("Z21", diff(f, x2), x1 + cos(x1), "MISTAKE", "correct: x1")
wr, ur, hp, xt, h0, xa, xb = symbols('w u h_p x_t h_0 x_1 x_2')
ht = tanh(wr*hp + ur*xt)
rec("Z22", diff(ht, hp), wr*(1 - ht**2), "correct")
rec("Z23", diff(ht, wr), (1 - ht**2)*hp, "correct")
rec("Z24", diff(ht, ur), 1 - ht**2, "MISTAKE", "correct: (1-h_t^2) x_t")
h1 = tanh(wr*h0 + ur*xa); H1 = sp.Symbol('H1'); h2 = tanh(wr*H1 + ur*xb)
rec("Z25", diff(h2.subs(H1, h1), h0), (diff(h2, H1)).subs(H1, h1)*diff(h1, h0), "correct")
rec("Z26", diff(h2.subs(H1, h1), h0), (wr**2*(1 - h2**2)*(1 - H1**2)).subs(H1, h1), "correct")
rec("Z27", diff(h2.subs(H1, h1), ur), ((1 - h2**2)*xb).subs(H1, h1), "MISTAKE", "correct: (1-h2^2)(x2 + w(1-h1^2)x1)")
rec("Z28", diff(log(1 + exp(X)), X), exp(X)/(1 + exp(X)), "correct")
rec("Z29", exp(X)/(1 + exp(X)), 1/(1 + exp(-X)), "correct")
rec("Z30", diff(log(1 + exp(X)), X, 2), exp(X)/(1 + exp(X))**2, "correct")

# ---------- softmax_ce.ipynb ----------
for K in (2, 3, 4):
    z = symbols(f'z1:{K+1}'); S = sum(exp(zk) for zk in z); p = [exp(zk)/S for zk in z]
    yv = symbols(f'y1:{K+1}')
    for i in range(K):
        for j in range(K):
            rec(f"S1[K={K},{i},{j}]", diff(p[i], z[j]), p[i]*((1 if i == j else 0) - p[j]), "correct")
    Lk = -sum(yv[i]*log(p[i]) for i in range(K))
    cond = {yv[-1]: 1 - sum(yv[:-1])}  # sum y = 1
    for j in range(K):
        rec(f"S4[K={K},{j}]", diff(log(S), z[j]), exp(z[j])/S, "correct")
        rec(f"S5[K={K},{j}]", diff(Lk, z[j]), -sum(yv[i]*((1 if i == j else 0) - p[j]) for i in range(K)), "correct")
        rec(f"S6[K={K},{j}]", (-sum(yv[i]*((1 if i == j else 0) - p[j]) for i in range(K))).subs(cond), (p[j] - yv[j]).subs(cond), "correct", "uses sum y = 1")
        rec(f"S8[K={K},{j}]", diff(Lk, z[j]).subs(cond), (yv[j] - p[j]).subs(cond), "MISTAKE", "correct: p_j - y_j")
    rec(f"S7[K={K}]", Matrix([diff(Lk, zj) for zj in z]).subs(cond), (Matrix(p) - Matrix(yv)).subs(cond), "correct")
    rec(f"S15[K={K}]", Matrix([diff(Lk, zj) for zj in z]).subs(cond), (Matrix(p) - Matrix(yv)).subs(cond), "correct")
    rec(f"S14[K={K}]", Matrix(K, K, lambda i, j: diff(p[i], z[j])), sp.diag(*p) - Matrix(p)*Matrix(p).T, "correct")
    rec(f"S16[K={K}]", Matrix([diff(log(S), zj) for zj in z]), Matrix(p), "correct")
z1, z2, z3, Tt, e_ = symbols('z1 z2 z3 T epsilon', positive=True)
S3 = exp(z1) + exp(z2) + exp(z3)
rec("S2", diff(exp(z1)/S3, z1), exp(z1)*(exp(z2) + exp(z3))/S3**2, "correct")
rec("S3", diff(exp(z1)/S3, z2), exp(z1)*exp(z2)/S3**2, "MISTAKE", "correct: -e^{z1}e^{z2}/S^2")
Z = sp.Symbol('Z')
rec("S9", diff(-log(sig(Z)), Z), -sig(Z)*(1 - sig(Z))/sig(Z), "correct")
rec("S10", -sig(Z)*(1 - sig(Z))/sig(Z), sig(Z) - 1, "correct")
ST = exp(z1/Tt) + exp(z2/Tt)
rec("S11", diff(-log(exp(z1/Tt)/ST), z1), (exp(z1/Tt)/ST - 1)/Tt, "correct")
S2_ = exp(z1) + exp(z2)
Ls = -(1 - e_)*log(exp(z1)/S2_) - e_*log(exp(z2)/S2_)
rec("S12", diff(Ls, z1), exp(z1)/S2_ - (1 - e_), "correct")
rec("S13", diff(Ls, z2), e_ - exp(z2)/S2_, "MISTAKE", "correct: e^{z2}/(e^{z1}+e^{z2}) - eps")

# ---------- activations.tex ----------
X = sp.Symbol('x', real=True)
rec("T1", diff(tanh(X), X), sp.sech(X)**2, "correct"); rec("T2", sp.sech(X)**2, 1 - tanh(X)**2, "correct")
rec("T3", diff(sig(X), X), exp(-X)/(1 + exp(-X))**2, "correct"); rec("T4", exp(-X)/(1 + exp(-X))**2, sig(X)*(1 - sig(X)), "correct")
rec("T5", diff(sig(X), X).subs(X, 0), Rational(1, 4), "correct")
al = sp.Symbol('alpha', positive=True)
for xv in (Rational(-3, 2), Rational(5, 7)):
    rec(f"T6[x={xv}]", diff(sp.Max(0, X), X).subs(X, xv), 0 if xv < 0 else 1, "correct")
    rec(f"T7[x={xv},a=1/3]", diff(sp.Max(al*X, X), X).subs({X: xv, al: Rational(1, 3)}), Rational(1, 3) if xv < 0 else 1, "correct")
rec("T8", diff(log(1 + exp(X)), X), sig(X), "correct")
rec("T9", diff(X*sig(X), X), sig(X) + X*sig(X)*(1 - sig(X)), "correct")
Phi = (1 + erf(X/sqrt(2)))/2
rec("T10", diff(Phi, X), exp(-X**2/2)/sqrt(2*pi), "correct")
rec("T11", diff(X*Phi, X), Phi + X/sqrt(2*pi)*exp(-X**2/2), "correct")
rec("T12", diff(X*Phi, X), X/sqrt(2*pi)*exp(-X**2/2), "MISTAKE", "correct: Phi(x) + x phi(x)")
rec("T13", diff(al*(exp(X) - 1), X), al*exp(X), "correct")
for n in (1, 2, 3, 4):
    xs = symbols(f'x1:{n+1}')
    mu = sum(xs)/n; s = sum((xi - mu)**2 for xi in xs)/n
    rec(f"T14[n={n}]", diff(mu, xs[0]), Rational(1, n), "correct")
    rec(f"T15[n={n}]", diff(s, xs[0]), Rational(2, n)*(xs[0] - mu), "correct")
    if n > 1:
        rec(f"T16[n={n}]", diff(s, xs[0]), Rational(2, n - 1)*(xs[0] - mu), "MISTAKE", "correct: 2/n (x_j - mu)")
xx, muv, sv, ep, gam, bet = symbols('x mu s epsilon gamma beta', positive=True)
xh = (xx - muv)/sqrt(sv + ep); yy = gam*xh + bet
rec("T17", diff(xh, xx), 1/sqrt(sv + ep), "correct")
rec("T18", diff(xh, sv), -(xx - muv)/(2*(sv + ep)**Rational(3, 2)), "correct")
rec("T19", diff(xh, muv), -1/sqrt(sv + ep), "correct")
rec("T20", diff(yy, gam), xh, "correct"); rec("T21", diff(yy, bet), 1, "correct")
rec("T22", diff(yy, sv), gam*diff(xh, sv), "correct")
rec("T23", gam*diff(xh, sv), -gam*(xx - muv)/(2*(sv + ep)**Rational(1, 2)), "MISTAKE", "correct: exponent 3/2")
rec("T24", diff(yy, xx), gam/sqrt(sv + ep), "correct")

# ---------- regression_and_code.rst ----------
w, b = symbols('w b')
for n in (1, 2, 3, 4):
    xs = symbols(f'x1:{n+1}'); ys = symbols(f'y1:{n+1}')
    E = sum((w*xs[i] + b - ys[i])**2 for i in range(n))
    rec(f"R1[n={n}]", diff(E, w), 2*sum((w*xs[i] + b - ys[i])*xs[i] for i in range(n)), "correct")
    rec(f"R2[n={n}]", diff(E, b), 2*sum((w*xs[i] + b - ys[i]) for i in range(n)), "correct")
    rec(f"R3[n={n}]", diff(E, b), 2*sum((w*xs[i] + b - ys[i])*xs[i] for i in range(n)), "MISTAKE", "correct: without x_i")
    Lb = sum((w*xs[i] - ys[i])**2 for i in range(n))/n
    rec(f"R15[n={n}]", diff(Lb, w), Rational(2, n)*sum((w*xs[i] - ys[i])*xs[i] for i in range(n)), "correct")
    if n > 1:
        rec(f"R16[n={n}]", diff(Lb, w), 2*sum((w*xs[i] - ys[i])*xs[i] for i in range(n)), "MISTAKE", "correct: 2/n sum")
for (n, d) in ((2, 3), (3, 2)):
    W_ = symbols(f'w1:{d+1}'); Xm = Matrix(n, d, lambda i, k: sp.Symbol(f'x_{i}{k}')); ys = symbols(f'y1:{n+1}')
    E = sum((sum(W_[k]*Xm[i, k] for k in range(d)) - ys[i])**2 for i in range(n))
    lam = sp.Symbol('lambda')
    for j in range(d):
        rec(f"R4[n={n},d={d},j={j}]", diff(E, W_[j]), 2*sum((sum(W_[k]*Xm[i, k] for k in range(d)) - ys[i])*Xm[i, j] for i in range(n)), "correct")
        rec(f"R5[d={d},j={j}]", diff(lam*sum(wk**2 for wk in W_), W_[j]), 2*lam*W_[j], "correct")
    rec(f"R6[d={d}]", diff(lam*sum(wk**2 for wk in W_[1:]), W_[0]), 2*lam*W_[0], "MISTAKE", "correct: 0")
w1, b1, w2, b2, yq, x_ = symbols('w1 b1 w2 b2 y x')
Z2s = sp.Symbol('Z2'); A1s = sp.Symbol('A1')
z1 = w1*x_ + b1; a1 = sig(z1); z2 = w2*a1 + b2; loss = (z2 - yq)**2
rec("R7", diff((Z2s - yq)**2, Z2s), 2*(Z2s - yq), "correct")
rec("R8", diff(loss, w2), 2*(z2 - yq)*a1, "correct")
rec("R9", diff(loss, b2), z2 - yq, "MISTAKE", "correct: 2(z2-y)")
rec("R10", diff(((w2*A1s + b2) - yq)**2, A1s), 2*(w2*A1s + b2 - yq)*w2, "correct")
Z1s = sp.Symbol('Z1'); rec("R11", diff(sig(Z1s), Z1s), sig(Z1s)*(1 - sig(Z1s)), "correct")
prodR = 2*(z2 - yq)*w2 * (sig(Z1s)*(1 - sig(Z1s))).subs(Z1s, z1) * x_
rec("R12", diff(loss, w1), prodR, "correct")
rec("R13", prodR, 2*(z2 - yq)*w2*a1*(1 - a1)*x_, "correct")
rec("R14", diff(loss, b1), 2*(z2 - yq)*w2*a1*(1 - a1), "correct")

bad = [r for r in results if not r[3]]
print(len(results), "checks;", len(bad), "disagreements")
for r in bad: print("DISAGREE", r)
ids = sorted({r[0].split('[')[0] for r in results}, key=lambda s: (s[0], int(''.join(c for c in s[1:] if c.isdigit()))))
print(ids)

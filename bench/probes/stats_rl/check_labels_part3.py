# (exec'd from check_labels.py) ===================================== logreg_handout.tex
f4 = 'logreg_handout.tex'
zr = sp.Symbol('z', real=True)
sz = sigm(zr)
ZR = {zr: (-3, 3)}
R('T01', f4, r"\sigma'(z) &= \dfrac{e^{-z}}{(1+e^{-z})^2}", 1, r"\sigma'(z) = \dfrac{e^{-z}}{(1+e^{-z})^2}", 'correct', '',
  lambda: same(sp.diff(sz, zr), sp.exp(-zr)/(1 + sp.exp(-zr))**2, ZR))
R('T02', f4, r"&= \sigma(z)\bigl(1-\sigma(z)\bigr). \label{eq:sig-b}", 2, r"\dfrac{e^{-z}}{(1+e^{-z})^2} = \sigma(z)\bigl(1-\sigma(z)\bigr)", 'correct', '',
  lambda: same(sp.exp(-zr)/(1 + sp.exp(-zr))**2, sz*(1 - sz), ZR))
R('T03', f4, r"In particular $\sigma'(0) = \tfrac14$", 1, r"\sigma'(0) = \tfrac14", 'correct', '', lambda: same(sp.diff(sz, zr).subs(zr, 0), Q_(1, 4)))
R('T04', f4, r"\dfrac{d}{dz}\log\sigma(z) = 1-\sigma(z), \qquad", 1, r"\dfrac{d}{dz}\log\sigma(z) = 1-\sigma(z)", 'correct', '',
  lambda: same(sp.diff(sp.log(sz), zr), 1 - sz, ZR))
R('T05', f4, r"\dfrac{d}{dz}\log\bigl(1-\sigma(z)\bigr) = -\sigma(z).", 1, r"\dfrac{d}{dz}\log\bigl(1-\sigma(z)\bigr) = -\sigma(z)", 'correct', '',
  lambda: same(sp.diff(sp.log(1 - sz), zr), -sz, ZR))
yr = sp.Symbol('y', real=True)
ellz = -yr*sp.log(sz) - (1 - yr)*sp.log(1 - sz)
R('T06', f4, r"\dfrac{d\ell}{dz} &= -y\bigl(1-\sigma(z)\bigr) + (1-y)\,\sigma(z) \\", 1, r"\dfrac{d\ell}{dz} = -y\bigl(1-\sigma(z)\bigr) + (1-y)\,\sigma(z)",
  'correct', '', lambda: same(sp.diff(ellz, zr), -yr*(1 - sz) + (1 - yr)*sz, ZR))
R('T07', f4, r"&= y - \sigma(z).", 2, r"-y(1-\sigma) + (1-y)\sigma = y - \sigma(z)", 'MISTAKE', 'wrong sign: equals sigma(z) - y',
  lambda: fails(-yr*(1 - sz) + (1 - yr)*sz, yr - sz, ZR) and same(-yr*(1 - sz) + (1 - yr)*sz, sz - yr, ZR))
def lr_one(d):
    w = sym_vec('w', d); xv = sym_vec('x', d); b = sp.Symbol('b', real=True)
    zz = (w.T*xv)[0] + b
    return w, xv, b, zz, ellz.subs(zr, zz)
R('T08', f4, r"Since $\partial z/\partial w_j = x_j$", 1, r"\partial z/\partial w_j = x_j", 'correct', 'z = w^T x + b',
  lambda: all(same(sp.diff(lr_one(3)[3], lr_one(3)[0][j]), lr_one(3)[1][j]) for j in range(3)))
def t09():
    for d in (2, 3):
        w, xv, b, zz, l = lr_one(d)
        for j in range(d):
            if not same(sp.diff(l, w[j]), (sigm(zz) - yr)*xv[j]): return False
    return True
R('T09', f4, r"\dfrac{\partial\ell}{\partial w_j} = \bigl(\sigma(z) - y\bigr)\,x_j, \qquad", 1, r"\dfrac{\partial\ell}{\partial w_j} = \bigl(\sigma(z) - y\bigr)\,x_j",
  'correct', 'd = 2, 3', t09)
R('T10', f4, r"\dfrac{\partial\ell}{\partial b} = \sigma(z) - y,", 1, r"\dfrac{\partial\ell}{\partial b} = \sigma(z) - y", 'correct', '',
  lambda: same(sp.diff(lr_one(2)[4], lr_one(2)[2]), sigm(lr_one(2)[3]) - yr))
R('T11', f4, r"$\dfrac{d^2\ell}{dz^2} = \sigma(z)\bigl(1-\sigma(z)\bigr) > 0$", 1, r"\dfrac{d^2\ell}{dz^2} = \sigma(z)\bigl(1-\sigma(z)\bigr)", 'correct', '(then > 0)',
  lambda: same(sp.diff(ellz, zr, 2), sz*(1 - sz), ZR))
SIZES_ND = ((2, 3), (3, 2))
def lr_all(nn, d):
    X = sym_mat('X', nn, d); w = sym_vec('w', d); yv = sym_vec('y', nn)
    zs = X*w
    ps = sp.Matrix([sigm(zi) for zi in zs])
    Lw = -sum(yv[i]*sp.log(ps[i]) + (1 - yv[i])*sp.log(1 - ps[i]) for i in range(nn))
    Sm = sp.diag(*[ps[i]*(1 - ps[i]) for i in range(nn)])
    return X, w, yv, zs, ps, Lw, Sm
def lrchk(kind):
    for nn, d in SIZES_ND:
        X, w, yv, zs, ps, Lw, Sm = lr_all(nn, d)
        sumform = sum(((ps[i] - yv[i])*X[i, :].T for i in range(nn)), sp.zeros(d, 1))
        hsum = sum((ps[i]*(1 - ps[i])*X[i, :].T*X[i, :] for i in range(nn)), sp.zeros(d, d))
        at0 = {wi: 0 for wi in w}
        if kind == 'g1' and not same(grad(Lw, w), sumform): return False
        if kind == 'g2' and not same(sumform, X.T*(ps - yv)): return False
        if kind == 'jac' and not same(jac(ps, w), Sm*X): return False
        if kind == 'jacT' and same(jac(ps, w), X.T*Sm): return False
        if kind == 'h1' and not same(hess(Lw, w), hsum): return False
        if kind == 'h2' and not same(hsum, X.T*Sm*X): return False
        if kind == 'g0' and not same(grad(Lw, w).subs(at0), X.T*(sp.ones(nn, 1)/2 - yv)): return False
        if kind == 'h0' and not same(hess(Lw, w).subs(at0), X.T*X/4): return False
        if kind == 'h0half' and same(hess(Lw, w).subs(at0), X.T*X/2): return False
        if kind == 'ridge':
            lamr = sp.Symbol('lambda', positive=True)
            if not same(grad(Lw + lamr/2*(w.T*w)[0], w), X.T*(ps - yv) + lamr*w): return False
        if kind == 'nac' and identically_zero(grad(Lw, w)[0]): return False
    return True
R('T12', f4, r"\nabla_{\w} L &= \sum_{i=1}^n \bigl(\sigma(\w^\top\x_i) - y_i\bigr)\,\x_i \\", 1,
  r"\nabla_{\w} L = \sum_{i=1}^n \bigl(\sigma(\w^\top\x_i) - y_i\bigr)\,\x_i", 'correct', '(n,d) = (2,3), (3,2)', lambda: lrchk('g1'))
R('T13', f4, r"&= X^\top(\p - \y). \label{eq:grad-all}", 2, r"\sum_i (\ldots)\x_i = X^\top(\p - \y)", 'correct', '(n,d) = (2,3), (3,2)', lambda: lrchk('g2'))
R('T14', f4, r"we have $\dfrac{\partial\p}{\partial\w} = X^\top S$", 1, r"\dfrac{\partial\p}{\partial\w} = X^\top S", 'MISTAKE',
  'transposed: with the stated layout the n x d Jacobian is S X', lambda: lrchk('jac') and lrchk('jacT'))
R('T15', f4, r"\nabla^2_{\w} L &= \sum_{i=1}^n \sigma(\w^\top\x_i)", 1, r"\nabla^2_{\w} L = \sum_{i=1}^n \sigma(\w^\top\x_i)\bigl(1-\sigma(\w^\top\x_i)\bigr)\,\x_i\x_i^\top",
  'correct', '(n,d) = (2,3), (3,2)', lambda: lrchk('h1'))
R('T16', f4, r"&= X^\top S X .", 2, r"\sum_i(\ldots)\x_i\x_i^\top = X^\top S X", 'correct', '', lambda: lrchk('h2'))
R('T17', f4, r"The equation $\nabla_{\w}L = \mathbf{0}$", 1, r"\nabla_{\w}L = \mathbf{0}", 'not-a-claim', 'stationarity condition', lambda: lrchk('nac'))
R('T18', f4, r"\left.\nabla_{\w} L\right|_{\w=\mathbf 0} = X^\top\bigl(\tfrac12\mathbf{1} - \y\bigr), \qquad", 1,
  r"\left.\nabla_{\w} L\right|_{\w=\mathbf 0} = X^\top\bigl(\tfrac12\mathbf{1} - \y\bigr)", 'correct', '', lambda: lrchk('g0'))
R('T19', f4, r"\left.\nabla^2_{\w} L\right|_{\w=\mathbf 0} = \tfrac12 X^\top X .", 1, r"\left.\nabla^2_{\w} L\right|_{\w=\mathbf 0} = \tfrac12 X^\top X", 'MISTAKE',
  'wrong factor: sigma(0)(1-sigma(0)) = 1/4, so (1/4) X^T X', lambda: lrchk('h0') and lrchk('h0half'))
R('T20', f4, r"$\nabla_{\w}\bigl(L(\w) + \tfrac{\lambda}{2}\|\w\|^2\bigr) = X^\top(\p-\y) + \lambda\w$", 1,
  r"\nabla_{\w}\bigl(L(\w) + \tfrac{\lambda}{2}\|\w\|^2\bigr) = X^\top(\p-\y) + \lambda\w", 'correct', '', lambda: lrchk('ridge'))
wr = sp.Symbol('w', real=True)
Lw1 = 2*sp.log(1 + sp.exp(-wr)) + sp.log(1 + sp.exp(-2*wr))
def t_data():  # the risk formula is the log-loss of the three points
    full = sum(ellz.subs({zr: wr*xi, yr: yi}) for xi, yi in ((1, 1), (2, 1), (-1, 0)))
    return same(full, Lw1, {wr: (-2, 2)})
WR = {wr: (-2, 2)}
R('T21', f4, r"L'(w)  &= -\dfrac{2e^{-w}}{1+e^{-w}} - \dfrac{2e^{-2w}}{1+e^{-2w}}, \\", 1, r"L'(w) = -\dfrac{2e^{-w}}{1+e^{-w}} - \dfrac{2e^{-2w}}{1+e^{-2w}}",
  'correct', '', lambda: t_data() and same(sp.diff(Lw1, wr), -2*sp.exp(-wr)/(1 + sp.exp(-wr)) - 2*sp.exp(-2*wr)/(1 + sp.exp(-2*wr)), WR))
R('T22', f4, r"L''(w) &= \dfrac{2e^{-w}}{(1+e^{-w})^2} + \dfrac{2e^{-2w}}{(1+e^{-2w})^2}.", 1,
  r"L''(w) = \dfrac{2e^{-w}}{(1+e^{-w})^2} + \dfrac{2e^{-2w}}{(1+e^{-2w})^2}", 'MISTAKE', 'dropped chain factor: second numerator is 4e^{-2w}',
  lambda: fails(sp.diff(Lw1, wr, 2), 2*sp.exp(-wr)/(1 + sp.exp(-wr))**2 + 2*sp.exp(-2*wr)/(1 + sp.exp(-2*wr))**2, WR)
  and same(sp.diff(Lw1, wr, 2), 2*sp.exp(-wr)/(1 + sp.exp(-wr))**2 + 4*sp.exp(-2*wr)/(1 + sp.exp(-2*wr))**2, WR))
R('T23', f4, r"At the origin $L'(0) = -1 - 1 = -2$", 1, r"L'(0) = -1 - 1", 'correct', '', lambda: same(sp.diff(Lw1, wr).subs(wr, 0), -1 - 1))
R('T24', f4, r"At the origin $L'(0) = -1 - 1 = -2$", 2, r"-1 - 1 = -2", 'correct', 'arithmetic', lambda: same(S(-1) - 1, -2))
R('T25', f4, r"\left. L''(w)\right|_{w=0} = \dfrac{2}{4} + \dfrac{4}{4} = \dfrac{3}{2}.", 1, r"\left. L''(w)\right|_{w=0} = \dfrac{2}{4} + \dfrac{4}{4}", 'correct', '',
  lambda: same(sp.diff(Lw1, wr, 2).subs(wr, 0), S(2)/4 + S(4)/4))
R('T26', f4, r"\left. L''(w)\right|_{w=0} = \dfrac{2}{4} + \dfrac{4}{4} = \dfrac{3}{2}.", 2, r"\dfrac{2}{4} + \dfrac{4}{4} = \dfrac{3}{2}", 'correct', 'arithmetic',
  lambda: same(S(2)/4 + S(4)/4, S(3)/2))
R('T27', f4, r"$w_1 = w_0 - \dfrac{L'(0)}{L''(0)} = 0 + \dfrac{2}{3/2} = \dfrac{4}{3}$", 1, r"w_1 = w_0 - \dfrac{L'(0)}{L''(0)}", 'not-a-claim',
  'definition of the Newton iterate', lambda: not identically_zero(sp.diff(Lw1, wr).subs(wr, 0)))
R('T28', f4, r"$w_1 = w_0 - \dfrac{L'(0)}{L''(0)} = 0 + \dfrac{2}{3/2} = \dfrac{4}{3}$", 2, r"w_0 - \dfrac{L'(0)}{L''(0)} = 0 + \dfrac{2}{3/2}", 'correct',
  'w_0 = 0', lambda: same(0 - sp.diff(Lw1, wr).subs(wr, 0)/sp.diff(Lw1, wr, 2).subs(wr, 0), 0 + S(2)/(S(3)/2)))
R('T29', f4, r"$w_1 = w_0 - \dfrac{L'(0)}{L''(0)} = 0 + \dfrac{2}{3/2} = \dfrac{4}{3}$", 3, r"0 + \dfrac{2}{3/2} = \dfrac{4}{3}", 'correct', 'arithmetic',
  lambda: same(S(2)/(S(3)/2), S(4)/3))
lpe = yr*eta - sp.log(1 + sp.exp(eta))
ER = {eta: (-3, 3)}
R('T30', f4, r"\dfrac{\partial}{\partial\eta}\log p(y;\eta) &= y - \dfrac{e^{\eta}}{1+e^{\eta}} = y - \sigma(\eta), \\", 1,
  r"\dfrac{\partial}{\partial\eta}\log p(y;\eta) = y - \dfrac{e^{\eta}}{1+e^{\eta}}", 'correct', '', lambda: same(sp.diff(lpe, eta), yr - sp.exp(eta)/(1 + sp.exp(eta)), ER))
R('T31', f4, r"\dfrac{\partial}{\partial\eta}\log p(y;\eta) &= y - \dfrac{e^{\eta}}{1+e^{\eta}} = y - \sigma(\eta), \\", 2,
  r"y - \dfrac{e^{\eta}}{1+e^{\eta}} = y - \sigma(\eta)", 'correct', '', lambda: same(yr - sp.exp(eta)/(1 + sp.exp(eta)), yr - sigm(eta), ER))
R('T32', f4, r"\dfrac{\partial^2}{\partial\eta^2}\log p(y;\eta) &= -\sigma(\eta)\bigl(1-\sigma(\eta)\bigr).", 1,
  r"\dfrac{\partial^2}{\partial\eta^2}\log p(y;\eta) = -\sigma(\eta)\bigl(1-\sigma(\eta)\bigr)", 'correct', '',
  lambda: same(sp.diff(lpe, eta, 2), -sigm(eta)*(1 - sigm(eta)), ER))
be_ = sp.Symbol('beta', real=True)
def lpois(k):
    X = sp.symbols(f'x1:{k+1}', real=True); Y = sp.symbols(f'y1:{k+1}', positive=True)
    return X, Y, sum(Y[i]*X[i]*be_ - sp.exp(X[i]*be_) - sp.log(sp.factorial(Y[i])) for i in range(k))
BR = {be_: (-1, 1)}
R('T33', f4, r"\ell'(\beta)  &= \sum_{i=1}^n x_i\bigl(y_i - e^{x_i\beta}\bigr), \\", 1, r"\ell'(\beta) = \sum_{i=1}^n x_i\bigl(y_i - e^{x_i\beta}\bigr)", 'correct', 'n = 1..4',
  lambda: all(same(sp.diff(lpois(k)[2], be_), sum(lpois(k)[0][i]*(lpois(k)[1][i] - sp.exp(lpois(k)[0][i]*be_)) for i in range(k)), BR) for k in NS))
R('T34', f4, r"\ell''(\beta) &= -\sum_{i=1}^n x_i\, e^{x_i\beta}.", 1, r"\ell''(\beta) = -\sum_{i=1}^n x_i\, e^{x_i\beta}", 'MISTAKE',
  'dropped chain factor: correct -sum x_i^2 e^{x_i beta}',
  lambda: fails(sp.diff(lpois(3)[2], be_, 2), -sum(xi*sp.exp(xi*be_) for xi in lpois(3)[0]), {**BR, **{s: (-2, 2) for s in lpois(3)[0]}})
  and all(same(sp.diff(lpois(k)[2], be_, 2), -sum(xi**2*sp.exp(xi*be_) for xi in lpois(k)[0]), BR) for k in NS))
R('T35', f4, r"The estimate solves $\ell'(\hat\beta) = 0$", 1, r"\ell'(\hat\beta) = 0", 'not-a-claim', 'score equation',
  lambda: not identically_zero(sp.diff(lpois(2)[2], be_), BR))
R('T36', f4, r"$\dfrac{d}{dz}\log(1+e^{z}) = \dfrac{e^{z}}{1+e^{z}} = \sigma(z)$", 1, r"\dfrac{d}{dz}\log(1+e^{z}) = \dfrac{e^{z}}{1+e^{z}}", 'correct', '',
  lambda: same(sp.diff(sp.log(1 + sp.exp(zr)), zr), sp.exp(zr)/(1 + sp.exp(zr)), ZR))
R('T37', f4, r"$\dfrac{d}{dz}\log(1+e^{z}) = \dfrac{e^{z}}{1+e^{z}} = \sigma(z)$", 2, r"\dfrac{e^{z}}{1+e^{z}} = \sigma(z)", 'correct', '',
  lambda: same(sp.exp(zr)/(1 + sp.exp(zr)), sz, ZR))
R('T38', f4, r"\dfrac{d}{dz}\log\bigl(1+e^{-z}\bigr) = -\dfrac{e^{-z}}{1+e^{-z}} = \sigma(z) - 1 .", 1,
  r"\dfrac{d}{dz}\log\bigl(1+e^{-z}\bigr) = -\dfrac{e^{-z}}{1+e^{-z}}", 'correct', '', lambda: same(sp.diff(sp.log(1 + sp.exp(-zr)), zr), -sp.exp(-zr)/(1 + sp.exp(-zr)), ZR))
R('T39', f4, r"\dfrac{d}{dz}\log\bigl(1+e^{-z}\bigr) = -\dfrac{e^{-z}}{1+e^{-z}} = \sigma(z) - 1 .", 2, r"-\dfrac{e^{-z}}{1+e^{-z}} = \sigma(z) - 1", 'correct', '',
  lambda: same(-sp.exp(-zr)/(1 + sp.exp(-zr)), sz - 1, ZR))
qzt = sigm(zr/T)
ZT = {zr: (-3, 3), T: (0.3, 3)}
R('T40', f4, r"\dfrac{\partial q}{\partial z} &= \dfrac{1}{T}\,\sigma(z/T)\bigl(1-\sigma(z/T)\bigr), \\", 1,
  r"\dfrac{\partial q}{\partial z} = \dfrac{1}{T}\,\sigma(z/T)\bigl(1-\sigma(z/T)\bigr)", 'correct', '', lambda: same(sp.diff(qzt, zr), qzt*(1 - qzt)/T, ZT))
R('T41', f4, r"\dfrac{\partial q}{\partial T} &= -\dfrac{z}{T}\,\sigma(z/T)\bigl(1-\sigma(z/T)\bigr).", 1,
  r"\dfrac{\partial q}{\partial T} = -\dfrac{z}{T}\,\sigma(z/T)\bigl(1-\sigma(z/T)\bigr)", 'MISTAKE', 'wrong exponent: correct -z/T^2 sigma(1-sigma)',
  lambda: fails(sp.diff(qzt, T), -zr/T*qzt*(1 - qzt), ZT) and same(sp.diff(qzt, T), -zr/T**2*qzt*(1 - qzt), ZT))
pr = sp.Symbol('p', positive=True)
Rp = pr*100*sp.exp(-pr/20)
R('T42', f4, r"By the product rule $R'(p) = 100e^{-p/20}\left(1 - \dfrac{p}{20}\right)$", 1, r"R'(p) = 100e^{-p/20}\left(1 - \dfrac{p}{20}\right)", 'correct', '',
  lambda: same(sp.diff(Rp, pr), 100*sp.exp(-pr/20)*(1 - pr/20), {pr: (1, 50)}))
R('T43', f4, r"and $R'(p) = 0$ gives $p = 20$", 1, r"R'(p) = 0", 'not-a-claim', 'first-order condition; root p = 20',
  lambda: not identically_zero(sp.diff(Rp, pr), {pr: (1, 50)}) and same(sp.diff(Rp, pr).subs(pr, 20), 0))
R('T44', f4, r"\left.\dfrac{d^2R}{dp^2}\right|_{p=20} = -\dfrac{5}{e} < 0 .", 1, r"\left.\dfrac{d^2R}{dp^2}\right|_{p=20} = -\dfrac{5}{e}", 'correct', '(then < 0)',
  lambda: same(sp.diff(Rp, pr, 2).subs(pr, 20), -5/sp.E))

# ======================================================================= rates_and_growth.qmd
f5 = 'rates_and_growth.qmd'
rf, xf, yf, hf, sf = [sp.Function(nm) for nm in ('r', 'x', 'y', 'h', 's')]
R('Q01', f5, r"grows at $\frac{dr}{dt} = 2$ m/min", 1, r"\frac{dr}{dt} = 2", 'not-a-claim', 'given data',
  lambda: sp.simplify(sp.diff(rf(t), t) - 2) != 0)
Aoil = sp.pi*rf(t)**2
R('Q02', f5, r"\frac{dA}{dt} = 2\pi r\,\frac{dr}{dt}.", 1, r"\frac{dA}{dt} = 2\pi r\,\frac{dr}{dt}", 'correct', 'A = pi r^2',
  lambda: same(sp.diff(Aoil, t), 2*sp.pi*rf(t)*sp.diff(rf(t), t)))
def at_r(expr, rv, drv):
    d = sp.Symbol('D'); rs = sp.Symbol('R')
    return expr.subs(sp.Derivative(rf(t), t), d).subs(rf(t), rs).subs({d: drv, rs: rv})
R('Q03', f5, r"$\left.\frac{dA}{dt}\right|_{r=10} = 2\pi(10)(2) = 40\pi$", 1, r"\left.\frac{dA}{dt}\right|_{r=10} = 2\pi(10)(2)", 'correct', 'dr/dt = 2',
  lambda: same(at_r(sp.diff(Aoil, t), 10, 2), 2*sp.pi*10*2))
R('Q04', f5, r"$\left.\frac{dA}{dt}\right|_{r=10} = 2\pi(10)(2) = 40\pi$", 2, r"2\pi(10)(2) = 40\pi", 'correct', 'arithmetic', lambda: same(2*sp.pi*10*2, 40*sp.pi))
Cc = 2*sp.pi*rf(t)
R('Q05', f5, r"grows at $\frac{dC}{dt} = 2\pi\frac{dr}{dt} = 2\pi$ m/min", 1, r"\frac{dC}{dt} = 2\pi\frac{dr}{dt}", 'correct', 'C = 2 pi r',
  lambda: same(sp.diff(Cc, t), 2*sp.pi*sp.diff(rf(t), t)))
R('Q06', f5, r"grows at $\frac{dC}{dt} = 2\pi\frac{dr}{dt} = 2\pi$ m/min", 2, r"2\pi\frac{dr}{dt} = 2\pi", 'MISTAKE', 'dr/dt = 2, so 4 pi m/min',
  lambda: fails(at_r(sp.diff(Cc, t), 5, 2), 2*sp.pi) and same(at_r(sp.diff(Cc, t), 5, 2), 4*sp.pi))
R('Q07', f5, r"\frac{d}{dt}\left(x^2 + y^2\right) = 2x\frac{dx}{dt} + 2y\frac{dy}{dt} = 0 .", 1,
  r"\frac{d}{dt}\left(x^2 + y^2\right) = 2x\frac{dx}{dt} + 2y\frac{dy}{dt}", 'correct', '',
  lambda: same(sp.diff(xf(t)**2 + yf(t)**2, t), 2*xf(t)*sp.diff(xf(t), t) + 2*yf(t)*sp.diff(yf(t), t)))
R('Q08', f5, r"\frac{d}{dt}\left(x^2 + y^2\right) = 2x\frac{dx}{dt} + 2y\frac{dy}{dt} = 0 .", 2, r"2x\frac{dx}{dt} + 2y\frac{dy}{dt} = 0", 'not-a-claim',
  'consequence of the constraint x^2 + y^2 = 25 (not an identity)',
  lambda: sp.simplify(2*xf(t)*sp.diff(xf(t), t) + 2*yf(t)*sp.diff(yf(t), t)) != 0 and
          same(sp.diff(xf(t)**2 + sp.sqrt(25 - xf(t)**2)**2, t), 0))
ylad = sp.sqrt(25 - xf(t)**2)
def lad_sub(e):
    d = sp.Symbol('D'); xs_ = sp.Symbol('X')
    return e.subs(sp.Derivative(xf(t), t), d).subs(xf(t), xs_).subs({d: Q_(1, 2), xs_: 3})
R('Q09', f5, r"\frac{dy}{dt} = -\frac{x}{y}\,\frac{dx}{dt} = -\frac{3}{4}(0.5) = -0.375 \text{ m/s}.", 1, r"\frac{dy}{dt} = -\frac{x}{y}\,\frac{dx}{dt}", 'correct',
  'from the constraint', lambda: same(sp.diff(ylad, t), -xf(t)/ylad*sp.diff(xf(t), t), {}) if True else False)
R('Q10', f5, r"\frac{dy}{dt} = -\frac{x}{y}\,\frac{dx}{dt} = -\frac{3}{4}(0.5) = -0.375 \text{ m/s}.", 2, r"-\frac{x}{y}\,\frac{dx}{dt} = -\frac{3}{4}(0.5)", 'correct',
  'x = 3, y = 4, dx/dt = 0.5', lambda: same(lad_sub(sp.diff(ylad, t)), -Q_(3, 4)*Q_(1, 2)))
R('Q11', f5, r"\frac{dy}{dt} = -\frac{x}{y}\,\frac{dx}{dt} = -\frac{3}{4}(0.5) = -0.375 \text{ m/s}.", 3, r"-\frac{3}{4}(0.5) = -0.375", 'correct', 'arithmetic',
  lambda: same(-Q_(3, 4)*Q_(1, 2), -Q_(375, 1000)))
Vcone = sp.pi*hf(t)**3/27
def h_sub(e, hv, dhv=None):
    d = sp.Symbol('D'); hs = sp.Symbol('H')
    e = e.subs(sp.Derivative(hf(t), t), d).subs(hf(t), hs)
    return e.subs({hs: hv, **({d: dhv} if dhv is not None else {})})
R('Q12', f5, r"Differentiating, $\frac{dV}{dt} = \frac{\pi h^2}{9}\,\frac{dh}{dt}$", 1, r"\frac{dV}{dt} = \frac{\pi h^2}{9}\,\frac{dh}{dt}", 'correct', 'V = pi h^3/27',
  lambda: same(sp.diff(Vcone, t), sp.pi*hf(t)**2/9*sp.diff(hf(t), t)) and same(sp.pi*(hf(t)/3)**2*hf(t)/3, Vcone))
def q13():  # dh/dt = 9/(pi h^2) dV/dt  (solve dV/dt = pi h^2/9 h' for h')
    Vd = sp.Symbol('Vd'); hd = sp.Symbol('hd'); H = sp.Symbol('H', positive=True)
    sol = sp.solve(sp.Eq(Vd, sp.pi*H**2/9*hd), hd)[0]
    return same(sol, 9/(sp.pi*H**2)*Vd)
R('Q13', f5, r"\frac{dh}{dt} = \frac{9}{\pi h^2}\,\frac{dV}{dt} = \frac{9}{9\pi}\cdot 3", 1, r"\frac{dh}{dt} = \frac{9}{\pi h^2}\,\frac{dV}{dt}", 'correct', 'rearranged', q13)
R('Q14', f5, r"\frac{dh}{dt} = \frac{9}{\pi h^2}\,\frac{dV}{dt} = \frac{9}{9\pi}\cdot 3", 2, r"\frac{9}{\pi h^2}\,\frac{dV}{dt} = \frac{9}{9\pi}\cdot 3", 'correct',
  'h = 3, dV/dt = 3', lambda: same(9/(sp.pi*3**2)*3, 9/(9*sp.pi)*3))
R('Q15', f5, r"= \frac{3}{\pi} \text{ m/min}.", 3, r"\frac{9}{9\pi}\cdot 3 = \frac{3}{\pi}", 'correct', 'arithmetic', lambda: same(9/(9*sp.pi)*3, 3/sp.pi))
Vb = Q_(4, 3)*sp.pi*rf(t)**3
R('Q16', f5, r"we get $\frac{dV}{dt} = 4\pi r^2\frac{dr}{dt}$", 1, r"\frac{dV}{dt} = 4\pi r^2\frac{dr}{dt}", 'correct', '',
  lambda: same(sp.diff(Vb, t), 4*sp.pi*rf(t)**2*sp.diff(rf(t), t)))
def drdt_b():
    D = sp.Symbol('D'); return sp.solve(sp.Eq(at_r(sp.diff(Vb, t), 3, D), 100), D)[0]
R('Q17', f5, r"the radius grows at $\frac{dr}{dt} = \frac{100}{36\pi} = \frac{25}{9\pi}$", 1, r"\frac{dr}{dt} = \frac{100}{36\pi}", 'correct', 'r = 3, dV/dt = 100',
  lambda: same(drdt_b(), 100/(36*sp.pi)))
R('Q18', f5, r"the radius grows at $\frac{dr}{dt} = \frac{100}{36\pi} = \frac{25}{9\pi}$", 2, r"\frac{100}{36\pi} = \frac{25}{9\pi}", 'correct', 'arithmetic',
  lambda: same(100/(36*sp.pi), 25/(9*sp.pi)))
Sb = 4*sp.pi*rf(t)**2
R('Q19', f5, r"changes at $\frac{dS}{dt} = 8\pi r^2\frac{dr}{dt}$", 1, r"\frac{dS}{dt} = 8\pi r^2\frac{dr}{dt}", 'MISTAKE', 'wrong exponent: correct 8 pi r dr/dt',
  lambda: fails(sp.diff(Sb, t), 8*sp.pi*rf(t)**2*sp.diff(rf(t), t)) and same(sp.diff(Sb, t), 8*sp.pi*rf(t)*sp.diff(rf(t), t)))
sh = Q_(3, 7)*xf(t)
def sh_sub(e):
    d = sp.Symbol('D'); return e.subs(sp.Derivative(xf(t), t), d).subs(d, Q_(3, 2))
R('Q20', f5, r"Hence $\frac{ds}{dt} = \frac{3}{7}\frac{dx}{dt} = \frac{9}{14}$ m/s", 1, r"\frac{ds}{dt} = \frac{3}{7}\frac{dx}{dt}", 'correct', 's = 3x/7',
  lambda: same(sp.diff(sh, t), Q_(3, 7)*sp.diff(xf(t), t)) and same(sp.solve(sp.Eq(sp.Symbol('s')/Q_(18, 10), (sp.Symbol('X') + sp.Symbol('s'))/6), sp.Symbol('s'))[0], Q_(3, 7)*sp.Symbol('X')))
R('Q21', f5, r"Hence $\frac{ds}{dt} = \frac{3}{7}\frac{dx}{dt} = \frac{9}{14}$ m/s", 2, r"\frac{3}{7}\frac{dx}{dt} = \frac{9}{14}", 'correct', 'dx/dt = 1.5',
  lambda: same(sh_sub(sp.diff(sh, t)), Q_(9, 14)))
R('Q22', f5, r"$\frac{d}{dt}(x+s) = \frac{10}{7}\frac{dx}{dt} = \frac{15}{7}$ m/s", 1, r"\frac{d}{dt}(x+s) = \frac{10}{7}\frac{dx}{dt}", 'correct', '',
  lambda: same(sp.diff(xf(t) + sh, t), Q_(10, 7)*sp.diff(xf(t), t)))
R('Q23', f5, r"$\frac{d}{dt}(x+s) = \frac{10}{7}\frac{dx}{dt} = \frac{15}{7}$ m/s", 2, r"\frac{10}{7}\frac{dx}{dt} = \frac{15}{7}", 'correct', 'dx/dt = 1.5',
  lambda: same(sh_sub(sp.diff(xf(t) + sh, t)), Q_(15, 7)))
xb_ = sp.Symbol('x', real=True)
Vbox = xb_*(12 - 2*xb_)**2
R('Q24', f5, r"V'(x) &= (12-2x)^2 - 4x(12-2x) \\", 1, r"V'(x) = (12-2x)^2 - 4x(12-2x)", 'correct', '',
  lambda: same(sp.diff(Vbox, xb_), (12 - 2*xb_)**2 - 4*xb_*(12 - 2*xb_)) and same(Vbox, 4*xb_**3 - 48*xb_**2 + 144*xb_))
R('Q25', f5, r"&= (12-2x)(12-6x),", 2, r"(12-2x)^2 - 4x(12-2x) = (12-2x)(12-6x)", 'correct', '',
  lambda: same((12 - 2*xb_)**2 - 4*xb_*(12 - 2*xb_), (12 - 2*xb_)*(12 - 6*xb_)))
R('Q26', f5, r"and $V'(x) = 0$ inside the interval only at $x = 2$", 1, r"V'(x) = 0", 'not-a-claim', 'critical-point condition; x = 2',
  lambda: not identically_zero(sp.diff(Vbox, xb_)) and same(sp.diff(Vbox, xb_).subs(xb_, 2), 0))
R('Q27', f5, r"Since $V''(x) = 24x - 96$", 1, r"V''(x) = 24x - 96", 'correct', '', lambda: same(sp.diff(Vbox, xb_, 2), 24*xb_ - 96))
R('Q28', f5, r"$V''(2) = -48 < 0$", 1, r"V''(2) = -48", 'correct', '(then < 0)', lambda: same(sp.diff(Vbox, xb_, 2).subs(xb_, 2), -48))
rs_ = sp.Symbol('r', positive=True)
Scan = 2*sp.pi*rs_**2 + 1000/rs_
R('Q29', f5, r"Then $S'(r) = 4\pi r - \frac{1000}{r^2}$", 1, r"S'(r) = 4\pi r - \frac{1000}{r^2}", 'correct', '',
  lambda: same(sp.diff(Scan, rs_), 4*sp.pi*rs_ - 1000/rs_**2, {rs_: (1, 10)}) and same(2*sp.pi*rs_**2 + 2*sp.pi*rs_*500/(sp.pi*rs_**2), Scan, {rs_: (1, 10)}))
R('Q30', f5, r"S''(r) = 4\pi - \frac{2000}{r^3}", 1, r"S''(r) = 4\pi - \frac{2000}{r^3}", 'MISTAKE', 'wrong sign: correct 4 pi + 2000/r^3',
  lambda: fails(sp.diff(Scan, rs_, 2), 4*sp.pi - 2000/rs_**3, {rs_: (1, 10)}) and same(sp.diff(Scan, rs_, 2), 4*sp.pi + 2000/rs_**3, {rs_: (1, 10)}))
PIp = (pr - 10)*(1000 - 20*pr)
R('Q31', f5, r"\pi'(p) = (1000 - 20p) - 20(p - 10) = 1200 - 40p,", 1, r"\pi'(p) = (1000 - 20p) - 20(p - 10)", 'correct', '',
  lambda: same(sp.diff(PIp, pr), (1000 - 20*pr) - 20*(pr - 10)))
R('Q32', f5, r"\pi'(p) = (1000 - 20p) - 20(p - 10) = 1200 - 40p,", 2, r"(1000 - 20p) - 20(p - 10) = 1200 - 40p", 'correct', '',
  lambda: same((1000 - 20*pr) - 20*(pr - 10), 1200 - 40*pr))
R('Q33', f5, r"so $\pi'(p) = 0$ at $p^* = 30$", 1, r"\pi'(p) = 0", 'not-a-claim', 'first-order condition; p* = 30',
  lambda: not identically_zero(sp.diff(PIp, pr)) and same(sp.diff(PIp, pr).subs(pr, 30), 0))
R('Q34', f5, r"$\pi'(25) = 200$", 1, r"\pi'(25) = 200", 'correct', '', lambda: same(sp.diff(PIp, pr).subs(pr, 25), 200))
R('Q35', f5, r"and $\pi'(20) = 200$", 1, r"\pi'(20) = 200", 'MISTAKE', "pi'(20) = 400", lambda: fails(sp.diff(PIp, pr).subs(pr, 20), 200))
fpar = xb_**2 + (xb_**2 - 3)**2
R('Q36', f5, r"$f'(x) = 2x + 2(x^2-3)\cdot 2x = 4x^3 - 10x$", 1, r"f'(x) = 2x + 2(x^2-3)\cdot 2x", 'correct', '',
  lambda: same(sp.diff(fpar, xb_), 2*xb_ + 2*(xb_**2 - 3)*2*xb_))
R('Q37', f5, r"$f'(x) = 2x + 2(x^2-3)\cdot 2x = 4x^3 - 10x$", 2, r"2x + 2(x^2-3)\cdot 2x = 4x^3 - 10x", 'correct', '',
  lambda: same(2*xb_ + 2*(xb_**2 - 3)*2*xb_, 4*xb_**3 - 10*xb_))
R('Q38', f5, r"$f''(x) = 12x^2 - 10$", 1, r"f''(x) = 12x^2 - 10", 'correct', '', lambda: same(sp.diff(fpar, xb_, 2), 12*xb_**2 - 10))
R('Q39', f5, r"we find $f''(0) = -10$", 1, r"f''(0) = -10", 'correct', '', lambda: same(sp.diff(fpar, xb_, 2).subs(xb_, 0), -10))
R('Q40', f5, r"$f''\bigl(\sqrt{5/2}\bigr) = 20$", 1, r"f''\bigl(\sqrt{5/2}\bigr) = 20", 'correct', '', lambda: same(sp.diff(fpar, xb_, 2).subs(xb_, sp.sqrt(Q_(5, 2))), 20))
B0 = sp.Symbol('B_0', positive=True)
Bt = B0*sp.exp(r*t)
R('Q41', f5, r"It grows at $B'(t) = rB_0e^{rt}$", 1, r"B'(t) = rB_0e^{rt}", 'correct', '', lambda: same(sp.diff(Bt, t), r*B0*sp.exp(r*t)))
R('Q42', f5, r"relative growth rate $\frac{B'(t)}{B(t)} = r$", 1, r"\frac{B'(t)}{B(t)} = r", 'correct', '', lambda: same(sp.diff(Bt, t)/Bt, r))
R('Q43', f5, r"B'(5) = 0.04\cdot 5000\,e^{0.04\cdot 5} = 200e^{0.2}", 1, r"B'(5) = 0.04\cdot 5000\,e^{0.04\cdot 5}", 'correct', 'B_0 = 5000, r = 0.04',
  lambda: same(sp.diff(Bt, t).subs({B0: 5000, r: Q_(4, 100), t: 5}), Q_(4, 100)*5000*sp.exp(Q_(4, 100)*5)))
R('Q44', f5, r"B'(5) = 0.04\cdot 5000\,e^{0.04\cdot 5} = 200e^{0.2}", 2, r"0.04\cdot 5000\,e^{0.04\cdot 5} = 200e^{0.2}", 'correct', 'arithmetic (then approx 244.28)',
  lambda: same(Q_(4, 100)*5000*sp.exp(Q_(4, 100)*5), 200*sp.exp(Q_(2, 10))))
m_ = sp.Symbol('m', positive=True)
Bm = B0*(1 + r/m_)**(m_*t)
R('Q45', f5, r"$\frac{dB}{dt} = m\ln\!\left(1+\frac{r}{m}\right)B(t)$", 1, r"\frac{dB}{dt} = m\ln\!\left(1+\frac{r}{m}\right)B(t)", 'correct', '',
  lambda: same(sp.diff(Bm, t), m_*sp.log(1 + r/m_)*Bm, {m_: (1, 12)}))
s_ = sp.Symbol('s', positive=True)
PVrt = c/r*(1 - sp.exp(-r*T))
R('Q46', f5, r"By the fundamental theorem of calculus $\frac{\partial PV}{\partial T} = c\,e^{-rT}$", 1, r"\frac{\partial PV}{\partial T} = c\,e^{-rT}", 'correct', '',
  lambda: same(sp.integrate(c*sp.exp(-r*s_), (s_, 0, T)), PVrt) and same(sp.diff(PVrt, T), c*sp.exp(-r*T)))
R('Q47', f5, r"\frac{\partial PV}{\partial r} = -\frac{c}{r^2}\left(1 - e^{-rT}\right) - \frac{cT}{r}\,e^{-rT}.", 1,
  r"\frac{\partial PV}{\partial r} = -\frac{c}{r^2}\left(1 - e^{-rT}\right) - \frac{cT}{r}\,e^{-rT}", 'MISTAKE', 'wrong sign of the second term: + (cT/r) e^{-rT}',
  lambda: fails(sp.diff(PVrt, r), -c/r**2*(1 - sp.exp(-r*T)) - c*T/r*sp.exp(-r*T)) and same(sp.diff(PVrt, r), -c/r**2*(1 - sp.exp(-r*T)) + c*T/r*sp.exp(-r*T)))
uu = sp.Symbol('u', positive=True)
Dt = sp.exp(-sp.Integral(rf(uu), (uu, 0, t)))
R('Q48', f5, r"chain rule gives $D'(t) = -r(t)\,D(t)$", 1, r"D'(t) = -r(t)\,D(t)", 'correct', 'generic r(u)',
  lambda: sp.simplify(sp.diff(Dt, t) - (-rf(t)*Dt)) == 0)

# ======================================================================= softmax_fisher.rst
f6 = 'softmax_fisher.rst'
def ce(k, yidx):
    zz = zvec(k); return zz, -zz[yidx] + sp.log(sum(sp.exp(zi) for zi in zz)), softmax(zz)
def onehot(k, i): return sp.eye(k)[:, i]
R('S01', f6, r":math:`\frac{\partial}{\partial z_k}\log\sum_{j=1}^K e^{z_j} = p_k`", 1, r"\frac{\partial}{\partial z_k}\log\sum_{j=1}^K e^{z_j} = p_k", 'correct', 'K = 2, 3',
  lambda: all(same(sp.diff(sp.log(sum(sp.exp(zi) for zi in zvec(k))), zvec(k)[i]), softmax(zvec(k))[i]) for k in (2, 3) for i in range(k)))
def s02(step):
    for k in (2, 3):
        for yi in range(k):
            zz, Lz, pp = ce(k, yi)
            for i in range(k):
                yk = 1 if i == yi else 0
                a = sp.diff(Lz, zz[i]); b = -yk + sp.exp(zz[i])/sum(sp.exp(zj) for zj in zz); c_ = pp[i] - yk
                if step == 1 and not same(a, b): return False
                if step == 2 and not same(b, c_): return False
    return True
R('S02', f6, r"\frac{\partial L}{\partial z_k} = -y_k + \frac{e^{z_k}}{\sum_{j} e^{z_j}} = p_k - y_k,", 1, r"\frac{\partial L}{\partial z_k} = -y_k + \frac{e^{z_k}}{\sum_{j} e^{z_j}}",
  'correct', 'K = 2, 3, every label', lambda: s02(1))
R('S03', f6, r"\frac{\partial L}{\partial z_k} = -y_k + \frac{e^{z_k}}{\sum_{j} e^{z_j}} = p_k - y_k,", 2, r"-y_k + \frac{e^{z_k}}{\sum_{j} e^{z_j}} = p_k - y_k", 'correct', '',
  lambda: s02(2))
R('S04', f6, r"or in vector form :math:`\nabla_{\mathbf{z}} L = \mathbf{p} - \mathbf{y}`", 1, r"\nabla_{\mathbf{z}} L = \mathbf{p} - \mathbf{y}", 'correct', 'K = 2, 3',
  lambda: all(same(grad(ce(k, yi)[1], ce(k, yi)[0]), ce(k, yi)[2] - onehot(k, yi)) for k in (2, 3) for yi in range(k)))
R('S05', f6, r":math:`\nabla^2_{\mathbf{z}} L = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top`", 1,
  r"\nabla^2_{\mathbf{z}} L = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top", 'correct', 'K = 2, 3',
  lambda: all(same(hess(ce(k, 0)[1], ce(k, 0)[0]), sp.diag(*ce(k, 0)[2]) - ce(k, 0)[2]*ce(k, 0)[2].T) for k in (2, 3)))
def s06():
    for k in (2, 3):
        zz = zvec(k); smax = T*sp.log(sum(sp.exp(zi/T) for zi in zz)); pT = softmax(zz/T)
        for i in range(k):
            g = sp.diff(smax, zz[i])
            if same(g, pT[i]/T, {T: (0.3, 3)}): return False
            if not same(g, pT[i], {T: (0.3, 3)}): return False
    return True
R('S06', f6, r":math:`\frac{\partial}{\partial z_k}\Bigl(T\log\sum_{j=1}^K e^{z_j/T}\Bigr) = \frac{1}{T}", 1,
  r"\frac{\partial}{\partial z_k}\Bigl(T\log\sum_{j=1}^K e^{z_j/T}\Bigr) = \frac{1}{T}\,\frac{e^{z_k/T}}{\sum_{j} e^{z_j/T}}", 'MISTAKE',
  'spurious 1/T: the derivative is e^{z_k/T}/sum_j e^{z_j/T}', s06)
def wsetup(k, d, yi):
    W = sym_mat('W', k, d); xv = sym_vec('x', d)
    zz = W*xv; Lz = -zz[yi] + sp.log(sum(sp.exp(zi) for zi in zz)); pp = softmax(zz)
    return W, xv, zz, Lz, pp
R('S07', f6, r"Since :math:`\partial z_k/\partial\mathbf{w}_k = \mathbf{x}`", 1, r"\partial z_k/\partial\mathbf{w}_k = \mathbf{x}", 'correct', '(K,d) = (2,3), (3,2)',
  lambda: all(same(grad(wsetup(k, d, 0)[2][i], wsetup(k, d, 0)[0][i, :].T), wsetup(k, d, 0)[1]) for k, d in SIZES_KD for i in range(k)))
R('S08', f6, r"we get :math:`\nabla_{\mathbf{w}_k} L = (p_k - y_k)\,\mathbf{x}`", 1, r"\nabla_{\mathbf{w}_k} L = (p_k - y_k)\,\mathbf{x}", 'correct', '(K,d) = (2,3), (3,2)',
  lambda: all(same(grad(wsetup(k, d, 0)[3], wsetup(k, d, 0)[0][i, :].T), (wsetup(k, d, 0)[4][i] - (1 if i == 0 else 0))*wsetup(k, d, 0)[1])
              for k, d in SIZES_KD for i in range(k)))
def dLdW(Lz, W):
    return sp.Matrix(W.shape[0], W.shape[1], lambda i, j: sp.diff(Lz, W[i, j]))
def s09():
    for k, d in SIZES_KD:
        W, xv, zz, Lz, pp = wsetup(k, d, 1)
        if not same(dLdW(Lz, W), (pp - onehot(k, 1))*xv.T): return False
    return True
R('S09', f6, r"\frac{\partial L}{\partial W} = (\mathbf{p} - \mathbf{y})\,\mathbf{x}^\top .", 1, r"\frac{\partial L}{\partial W} = (\mathbf{p} - \mathbf{y})\,\mathbf{x}^\top",
  'correct', 'K x d, same shape as W; (K,d) = (2,3), (3,2)', s09)
def s10():
    for nn, d, k in ((2, 3, 2), (3, 2, 3)):
        W = sym_mat('W', k, d); X = sym_mat('X', nn, d)
        labels = [i % k for i in range(nn)]
        Y = sp.Matrix(nn, k, lambda i, j: 1 if labels[i] == j else 0)
        Lsum = 0; Prows = []
        for i in range(nn):
            zz = W*X[i, :].T
            Lsum += -zz[labels[i]] + sp.log(sum(sp.exp(zj) for zj in zz))
            Prows.append(softmax(zz).T)
        P = sp.Matrix.vstack(*Prows)
        G = dLdW(Lsum, W)
        if not same(G, (P - Y).T*X): return False
        if same(G, X.T*(P - Y)): return False
    return True
R('S10', f6, r":math:`\frac{\partial L}{\partial W} = X^\top(P - Y)`", 1, r"\frac{\partial L}{\partial W} = X^\top(P - Y)", 'MISTAKE',
  'transposed (d x K); with W in R^{K x d} the gradient is (P - Y)^T X', s10)
L2c = -z1 + sp.log(sp.exp(z1) + sp.exp(z2))
E12 = sp.exp(z1) + sp.exp(z2)
R('S11', f6, r"\frac{\partial L}{\partial z_1} &= -1 + \frac{e^{z_1}}{e^{z_1}+e^{z_2}}, &", 1, r"\frac{\partial L}{\partial z_1} = -1 + \frac{e^{z_1}}{e^{z_1}+e^{z_2}}", 'correct', '',
  lambda: same(sp.diff(L2c, z1), -1 + sp.exp(z1)/E12))
R('S12', f6, r"\frac{\partial L}{\partial z_2} &= \frac{e^{z_2}}{e^{z_1}+e^{z_2}}, \\", 1, r"\frac{\partial L}{\partial z_2} = \frac{e^{z_2}}{e^{z_1}+e^{z_2}}", 'correct', '',
  lambda: same(sp.diff(L2c, z2), sp.exp(z2)/E12))
R('S13', f6, r"\frac{\partial^2 L}{\partial z_1^2} &= \frac{e^{z_1}}{e^{z_1}+e^{z_2}}, &", 1, r"\frac{\partial^2 L}{\partial z_1^2} = \frac{e^{z_1}}{e^{z_1}+e^{z_2}}", 'MISTAKE',
  'correct e^{z_1+z_2}/(e^{z_1}+e^{z_2})^2', lambda: fails(sp.diff(L2c, z1, 2), sp.exp(z1)/E12) and same(sp.diff(L2c, z1, 2), sp.exp(z1 + z2)/E12**2))
R('S14', f6, r"\frac{\partial^2 L}{\partial z_1\,\partial z_2} &= -\frac{e^{z_1+z_2}}{\left(e^{z_1}+e^{z_2}\right)^2}.", 1,
  r"\frac{\partial^2 L}{\partial z_1\,\partial z_2} = -\frac{e^{z_1+z_2}}{\left(e^{z_1}+e^{z_2}\right)^2}", 'correct', '', lambda: same(sp.diff(L2c, z1, z2), -sp.exp(z1 + z2)/E12**2))
def s15(step):
    zz, Lz, pp = ce(4, 2)
    g = sp.diff(Lz, zz[2]).subs({zi: 0 for zi in zz})
    return same(g, Q_(1, 4) - 1) if step == 1 else same(Q_(1, 4) - 1, -Q_(3, 4))
R('S15', f6, r":math:`\left.\frac{\partial L}{\partial z_y}\right|_{\mathbf z = \mathbf 0} = \frac14 - 1 = -\frac34`", 1,
  r"\left.\frac{\partial L}{\partial z_y}\right|_{\mathbf z = \mathbf 0} = \frac14 - 1", 'correct', 'K = 4', lambda: s15(1))
R('S16', f6, r":math:`\left.\frac{\partial L}{\partial z_y}\right|_{\mathbf z = \mathbf 0} = \frac14 - 1 = -\frac34`", 2, r"\frac14 - 1 = -\frac34", 'correct', 'arithmetic',
  lambda: s15(2))
# Fisher information: exact expectations for the four families
Xr = sp.Symbol('X', real=True); kk = sp.Symbol('k', integer=True, nonnegative=True)
def E_bern(e): return sp.simplify(e.subs(x, 1)*p + e.subs(x, 0)*(1 - p))
def E_pois(e): return sp.simplify(sp.summation(e*sp.exp(-lam)*lam**kk/sp.factorial(kk), (kk, 0, sp.oo)))
def E_expo(e): return sp.simplify(sp.integrate(e*lam*sp.exp(-lam*x), (x, 0, sp.oo)))
def E_gaus(e): return sp.simplify(sp.integrate(e*sp.exp(-(xr - mu)**2/(2*sig**2))/(sp.sqrt(2*sp.pi)*sig), (xr, -sp.oo, sp.oo)))
lf_b = x*sp.log(p) + (1 - x)*sp.log(1 - p)
lf_p = kk*sp.log(lam) - lam - sp.log(sp.factorial(kk))
lf_e = sp.log(lam) - lam*x
lf_g = -(xr - mu)**2/(2*sig**2) - sp.log(sp.sqrt(2*sp.pi)*sig)
def s17():  # information identity on the four families
    ok = same(E_bern(sp.diff(lf_b, p)**2), -E_bern(sp.diff(lf_b, p, 2)), PR)
    ok &= same(E_pois(sp.diff(lf_p, lam)**2), -E_pois(sp.diff(lf_p, lam, 2)))
    ok &= same(E_expo(sp.diff(lf_e, lam)**2), -E_expo(sp.diff(lf_e, lam, 2)))
    ok &= same(E_gaus(sp.diff(lf_g, mu)**2), -E_gaus(sp.diff(lf_g, mu, 2)))
    return bool(ok)
R('S17', f6, r"I(\theta) = \mathbb{E}\left[\left(\frac{\partial}{\partial\theta}\log f(X;\theta)\right)^2\right]", 1,
  r"I(\theta) = \mathbb{E}\left[\left(\frac{\partial}{\partial\theta}\log f(X;\theta)\right)^2\right]", 'not-a-claim', 'definition of Fisher information',
  lambda: same(E_bern(sp.diff(lf_b, p)**2), 1/(p*(1 - p)), PR))
R('S18', f6, r"= -\mathbb{E}\left[\frac{\partial^2}{\partial\theta^2}\log f(X;\theta)\right],", 2,
  r"\mathbb{E}[(\partial_\theta\log f)^2] = -\mathbb{E}\left[\frac{\partial^2}{\partial\theta^2}\log f(X;\theta)\right]", 'correct',
  'information identity (checked on Bernoulli, Poisson, exponential, Gaussian)', s17)
R('S19', f6, r":math:`\frac{\partial}{\partial p}\log f(x;p) = \frac{x-p}{p(1-p)}`", 1, r"\frac{\partial}{\partial p}\log f(x;p) = \frac{x-p}{p(1-p)}", 'correct', '',
  lambda: same(sp.diff(lf_b, p), (x - p)/(p*(1 - p)), PR))
R('S20', f6, r":math:`\frac{\partial}{\partial\lambda}\log f(x;\lambda) = \frac{x}{\lambda} - 1`", 1, r"\frac{\partial}{\partial\lambda}\log f(x;\lambda) = \frac{x}{\lambda} - 1",
  'correct', '', lambda: same(sp.diff(x*sp.log(lam) - lam, lam), x/lam - 1))
R('S21', f6, r"\log f(X;\lambda)\right)^2\right] = \mathbb{E}\left[\left(\frac{X}{\lambda}-1\right)^2\right] = \frac{1}{\lambda}`", 1,
  r"\mathbb{E}\left[\left(\frac{\partial}{\partial\lambda}\log f(X;\lambda)\right)^2\right] = \mathbb{E}\left[\left(\frac{X}{\lambda}-1\right)^2\right]", 'correct', '',
  lambda: same(E_pois(sp.diff(lf_p, lam)**2), E_pois((kk/lam - 1)**2)))
R('S22', f6, r"\log f(X;\lambda)\right)^2\right] = \mathbb{E}\left[\left(\frac{X}{\lambda}-1\right)^2\right] = \frac{1}{\lambda}`", 2,
  r"\mathbb{E}\left[\left(\frac{X}{\lambda}-1\right)^2\right] = \frac{1}{\lambda}", 'correct', 'Poisson moments', lambda: same(E_pois((kk/lam - 1)**2), 1/lam))
R('S23', f6, r":math:`\frac{\partial}{\partial\lambda}\log f(x;\lambda) = \frac{1}{\lambda} - x`", 1, r"\frac{\partial}{\partial\lambda}\log f(x;\lambda) = \frac{1}{\lambda} - x",
  'correct', '', lambda: same(sp.diff(lf_e, lam), 1/lam - x))
R('S24', f6, r":math:`\frac{\partial^2}{\partial\lambda^2}\log f(x;\lambda) = -\frac{1}{\lambda^2}`", 1, r"\frac{\partial^2}{\partial\lambda^2}\log f(x;\lambda) = -\frac{1}{\lambda^2}",
  'correct', '', lambda: same(sp.diff(lf_e, lam, 2), -1/lam**2))
R('S25', f6, r":math:`\frac{\partial}{\partial\mu}\log f(x;\mu) = \frac{x-\mu}{\sigma^2}`", 1, r"\frac{\partial}{\partial\mu}\log f(x;\mu) = \frac{x-\mu}{\sigma^2}", 'correct', '',
  lambda: same(sp.diff(lf_g, mu), (xr - mu)/sig**2, {xr: (-2, 2)}))
R('S26', f6, r":math:`\frac{\partial^2}{\partial\mu^2}\log f(x;\mu) = -\frac{1}{\sigma^2}`", 1, r"\frac{\partial^2}{\partial\mu^2}\log f(x;\mu) = -\frac{1}{\sigma^2}", 'correct', '',
  lambda: same(sp.diff(lf_g, mu, 2), -1/sig**2))
tau = sp.Symbol('tau', positive=True)
lf_t = sp.log(tau)/2 - sp.log(2*sp.pi)/2 - tau/2*(xr - mu)**2
R('S27', f6, r"\frac{\partial}{\partial\tau}\log f(x;\tau) = \frac{1}{2\tau} - \frac{(x-\mu)^2}{2},", 1, r"\frac{\partial}{\partial\tau}\log f(x;\tau) = \frac{1}{2\tau} - \frac{(x-\mu)^2}{2}",
  'correct', '', lambda: same(sp.diff(lf_t, tau), 1/(2*tau) - (xr - mu)**2/2, {xr: (-2, 2)}))
R('S28', f6, r"\frac{\partial^2}{\partial\tau^2}\log f(x;\tau) = -\frac{1}{\tau^2}.", 1, r"\frac{\partial^2}{\partial\tau^2}\log f(x;\tau) = -\frac{1}{\tau^2}", 'MISTAKE',
  'wrong factor: correct -1/(2 tau^2)', lambda: fails(sp.diff(lf_t, tau, 2), -1/tau**2) and same(sp.diff(lf_t, tau, 2), -1/(2*tau**2)))
def s29():
    # exponential with lambda = e^eta, and Poisson with lambda = e^eta: direct information vs formula
    lam_eta = sp.exp(eta)
    le = sp.log(lam_eta) - lam_eta*x
    I_eta_direct = -sp.simplify(sp.integrate(sp.diff(le, eta, 2)*lam_eta*sp.exp(-lam_eta*x), (x, 0, sp.oo), conds='none'))
    ok = same(I_eta_direct, (1/lam**2).subs(lam, lam_eta)*sp.diff(lam_eta, eta)**2, ER)
    lp = kk*eta - sp.exp(eta) - sp.log(sp.factorial(kk))
    I_p = -E_pois(sp.diff(lp, eta, 2)).subs(lam, sp.exp(eta))
    ok &= same(I_p, (1/lam).subs(lam, lam_eta)*sp.diff(lam_eta, eta)**2, ER)
    return bool(ok)
R('S29', f6, r"I_\eta(\eta) = I_\theta\bigl(g(\eta)\bigr)\left(\frac{d\theta}{d\eta}\right)^2 .", 1,
  r"I_\eta(\eta) = I_\theta\bigl(g(\eta)\bigr)\left(\frac{d\theta}{d\eta}\right)^2", 'correct', 'reparametrisation rule (checked: exponential and Poisson with log-rate)', s29)
R('S30', f6, r":math:`\frac{d\lambda}{d\eta} = e^{\eta}`", 1, r"\frac{d\lambda}{d\eta} = e^{\eta}", 'correct', '', lambda: same(sp.diff(sp.exp(eta), eta), sp.exp(eta), ER))
wv = sp.Symbol('w', real=True)
def vreg(Tn):
    X = sp.symbols(f'x1:{Tn+1}', real=True); G = sp.symbols(f'G1:{Tn+1}', real=True)
    return X, G, sum((G[i] - wv*X[i])**2 for i in range(Tn))/2
R('S31', f6, r"\frac{dL}{dw} = -\sum_{t=1}^T \left(G_t - w x_t\right), \qquad", 1, r"\frac{dL}{dw} = -\sum_{t=1}^T \left(G_t - w x_t\right)", 'MISTAKE',
  'dropped chain factor x_t: correct -sum (G_t - w x_t) x_t',
  lambda: fails(sp.diff(vreg(2)[2], wv), -sum(vreg(2)[1][i] - wv*vreg(2)[0][i] for i in range(2)))
  and all(same(sp.diff(vreg(k)[2], wv), -sum((vreg(k)[1][i] - wv*vreg(k)[0][i])*vreg(k)[0][i] for i in range(k))) for k in NS))
R('S32', f6, r"\frac{d^2L}{dw^2} = \sum_{t=1}^T x_t^2 ,", 1, r"\frac{d^2L}{dw^2} = \sum_{t=1}^T x_t^2", 'correct', 'T = 1..4',
  lambda: all(same(sp.diff(vreg(k)[2], wv, 2), sum(xi**2 for xi in vreg(k)[0])) for k in NS))
R('S33', f6, r"and the normal equation :math:`\frac{dL}{dw} = 0`", 1, r"\frac{dL}{dw} = 0", 'not-a-claim', 'normal equation; solved by w-hat = sum G x / sum x^2',
  lambda: not identically_zero(sp.diff(vreg(3)[2], wv)) and
          same(sp.diff(vreg(3)[2], wv).subs(wv, sum(vreg(3)[1][i]*vreg(3)[0][i] for i in range(3))/sum(xi**2 for xi in vreg(3)[0])), 0))
def s34():
    for d in (2, 3):
        th_ = sym_vec('t', d); ph = sym_vec('f', d)
        if not same(grad((th_.T*ph)[0], th_), ph): return False
    return True
R('S34', f6, r":math:`\nabla_{\boldsymbol\theta} Q(s,a;\boldsymbol\theta) = \boldsymbol\phi(s,a)`", 1, r"\nabla_{\boldsymbol\theta} Q(s,a;\boldsymbol\theta) = \boldsymbol\phi(s,a)",
  'correct', 'd = 2, 3', s34)
R('S35', f6, r":math:`\boldsymbol\theta \leftarrow \boldsymbol\theta + \alpha\bigl(r", 1,
  r"\boldsymbol\theta \leftarrow \boldsymbol\theta + \alpha\bigl(r + \gamma\max_{a'}Q(s',a';\boldsymbol\theta) - Q(s,a;\boldsymbol\theta)\bigr)\boldsymbol\phi(s,a)",
  'not-a-claim', 'update rule (assignment)', s34)

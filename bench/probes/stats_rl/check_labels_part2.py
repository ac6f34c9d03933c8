# (exec'd from check_labels.py) ===================================== jingji_daoshu.md
f2 = 'jingji_daoshu.md'
q, A_, K, L_, al, be, I_, P_ = sp.symbols('q A K L alpha beta I P', positive=True)
Q_ = sp.Rational
Cq = Q_(1, 100)*q**3 - Q_(6, 10)*q**2 + 30*q + 400
R('C01', f2, r"$C'(q) = 0.03q^2 - 1.2q + 30$", 1, r"C'(q) = 0.03q^2 - 1.2q + 30", 'correct', '',
  lambda: same(sp.diff(Cq, q), Q_(3, 100)*q**2 - Q_(12, 10)*q + 30))
R('C02', f2, r"$C'(20) = 12 - 24 + 30 = 18$", 1, r"C'(20) = 12 - 24 + 30", 'correct', '', lambda: same(sp.diff(Cq, q).subs(q, 20), 12 - 24 + 30))
R('C03', f2, r"$C'(20) = 12 - 24 + 30 = 18$", 2, r"12 - 24 + 30 = 18", 'correct', 'arithmetic', lambda: same(S(12) - 24 + 30, 18))
ACq = Cq/q
R('C04', f2, r"$AC'(q) = 0.02q - 0.6 + \dfrac{400}{q^2}$", 1, r"AC'(q) = 0.02q - 0.6 + \dfrac{400}{q^2}", 'MISTAKE',
  'wrong sign: correct 0.02q - 0.6 - 400/q^2', lambda: fails(sp.diff(ACq, q), Q_(2, 100)*q - Q_(6, 10) + 400/q**2)
  and same(sp.diff(ACq, q), Q_(2, 100)*q - Q_(6, 10) - 400/q**2))
R('C05', f2, r"平均成本的最低点满足 $AC'(q) = 0$", 1, r"AC'(q) = 0", 'not-a-claim', 'first-order condition',
  lambda: not identically_zero(sp.diff(ACq, q), {q: (1, 60)}))
Cf = sp.Function('C')
R('C06', f2, r"\frac{d}{dq}\left(\frac{C(q)}{q}\right) = \frac{qC'(q) - C(q)}{q^2},", 1,
  r"\frac{d}{dq}\left(\frac{C(q)}{q}\right) = \frac{qC'(q) - C(q)}{q^2}", 'correct', 'quotient rule (generic C)',
  lambda: same(sp.diff(Cf(q)/q, q), (q*sp.diff(Cf(q), q) - Cf(q))/q**2))
Rq = 70*q - Q_(1, 2)*q**2
R('C07', f2, r"边际收益为 $R'(q) = 70 - q$", 1, r"R'(q) = 70 - q", 'correct', '', lambda: same(sp.diff(Rq, q), 70 - q))
PIq = Rq - Cq
R('C08', f2, r"其导数（边际利润）为 $\pi'(q) = -0.03q^2 + 0.2q + 40$", 1, r"\pi'(q) = -0.03q^2 + 0.2q + 40", 'correct', '',
  lambda: same(sp.diff(PIq, q), -Q_(3, 100)*q**2 + Q_(2, 10)*q + 40) and same(PIq, -Q_(1, 100)*q**3 + Q_(1, 10)*q**2 + 40*q - 400))
R('C09', f2, r"令 $\pi'(q) = 0$", 1, r"\pi'(q) = 0", 'not-a-claim', 'first-order condition; root q* = 40',
  lambda: not identically_zero(sp.diff(PIq, q)) and same(sp.diff(PIq, q).subs(q, 40), 0))
R('C10', f2, r"$R'(40) = C'(40) = 30$", 1, r"R'(40) = C'(40)", 'correct', 'both 30', lambda: same(sp.diff(Rq, q).subs(q, 40), sp.diff(Cq, q).subs(q, 40)))
R('C11', f2, r"$R'(40) = C'(40) = 30$", 2, r"C'(40) = 30", 'correct', '', lambda: same(sp.diff(Cq, q).subs(q, 40), 30))
R('C12', f2, r"$\pi''(q) = -0.06q + 0.2$", 1, r"\pi''(q) = -0.06q + 0.2", 'correct', '', lambda: same(sp.diff(PIq, q, 2), -Q_(6, 100)*q + Q_(2, 10)))
R('C13', f2, r"$\pi''(40) = -2.2 < 0$", 1, r"\pi''(40) = -2.2", 'correct', '(then < 0)', lambda: same(sp.diff(PIq, q, 2).subs(q, 40), Q_(-22, 10)))
qp = 140 - 2*p
R('C14', f2, r"$\varepsilon = \dfrac{dq}{dp}\cdot\dfrac{p}{q}$", 1, r"\varepsilon = \dfrac{dq}{dp}\cdot\dfrac{p}{q}", 'not-a-claim', 'definition of elasticity',
  lambda: not identically_zero(sp.diff(qp, p)*p/qp, {p: (1, 60)}))
qf = sp.Function('q'); u = sp.Symbol('u', real=True)
R('C15', f2, r"$\varepsilon = \dfrac{d\ln q}{d\ln p}$", 1, r"\varepsilon = \dfrac{d\ln q}{d\ln p}", 'correct',
  'equivalent log-derivative form (true for any q(p))',
  lambda: same(sp.diff(sp.log(qf(sp.exp(u))), u).subs(u, sp.log(p)).doit(), (sp.diff(qf(p), p)*p/qf(p))) or
          same(sp.diff(sp.log(qp.subs(p, sp.exp(u))), u).subs(u, sp.log(p)), sp.diff(qp, p)*p/qp, {p: (1, 60)}))
R('C16', f2, r"则 $\dfrac{dq}{dp} = -2$", 1, r"\dfrac{dq}{dp} = -2", 'correct', 'q = 140 - 2p', lambda: same(sp.diff(qp, p), -2))
R('C17', f2, r"\varepsilon(p) = \frac{dq}{dp}\cdot\frac{p}{q} = \frac{-2p}{140 - 2p}.", 1, r"\varepsilon(p) = \frac{dq}{dp}\cdot\frac{p}{q}",
  'not-a-claim', 'restates the definition of epsilon', lambda: not identically_zero(sp.diff(qp, p)*p/qp - p, {p: (1, 60)}))
R('C18', f2, r"\varepsilon(p) = \frac{dq}{dp}\cdot\frac{p}{q} = \frac{-2p}{140 - 2p}.", 2, r"\frac{dq}{dp}\cdot\frac{p}{q} = \frac{-2p}{140 - 2p}",
  'correct', 'with q = 140 - 2p', lambda: same(sp.diff(qp, p)*p/qp, -2*p/(140 - 2*p), {p: (1, 60)}))
R('C19', f2, r"则 $\dfrac{dR}{dp} = q\,(1 + \varepsilon)$", 1, r"\dfrac{dR}{dp} = q\,(1 + \varepsilon)", 'correct', 'R = p q(p), generic q',
  lambda: same(sp.diff(p*qf(p), p), qf(p)*(1 + sp.diff(qf(p), p)*p/qf(p))))
qce = A_*p**(-eta)
R('C20', f2, r"有 $\dfrac{dq}{dp} = -\eta A p^{-\eta - 1}$", 1, r"\dfrac{dq}{dp} = -\eta A p^{-\eta - 1}", 'correct', '',
  lambda: same(sp.diff(qce, p), -eta*A_*p**(-eta - 1), {eta: (0.2, 3)}))
R('C21', f2, r"因此 $\dfrac{dq}{dp}\cdot\dfrac{p}{q} = -\eta$", 1, r"\dfrac{dq}{dp}\cdot\dfrac{p}{q} = -\eta", 'correct', '',
  lambda: same(sp.diff(qce, p)*p/qce, -eta, {eta: (0.2, 3)}))
Qcd = A_*K**al*L_**be
R('C22', f2, r"\frac{\partial Q}{\partial K} = \alpha A K^{\alpha-1}L^{\beta} = \frac{\alpha Q}{K}, \qquad", 1,
  r"\frac{\partial Q}{\partial K} = \alpha A K^{\alpha-1}L^{\beta}", 'correct', '', lambda: same(sp.diff(Qcd, K), al*A_*K**(al-1)*L_**be))
R('C23', f2, r"\frac{\partial Q}{\partial K} = \alpha A K^{\alpha-1}L^{\beta} = \frac{\alpha Q}{K}, \qquad", 2,
  r"\alpha A K^{\alpha-1}L^{\beta} = \frac{\alpha Q}{K}", 'correct', 'Q = A K^a L^b', lambda: same(al*A_*K**(al-1)*L_**be, al*Qcd/K))
R('C24', f2, r"\frac{\partial Q}{\partial L} = \beta A K^{\alpha}L^{\beta-1}.", 1, r"\frac{\partial Q}{\partial L} = \beta A K^{\alpha}L^{\beta-1}", 'correct', '',
  lambda: same(sp.diff(Qcd, L_), be*A_*K**al*L_**(be-1)))
R('C25', f2, r"$\dfrac{\partial^2 Q}{\partial K\,\partial L} = \alpha\beta A K^{\alpha-1}L^{\beta-1}$", 1,
  r"\dfrac{\partial^2 Q}{\partial K\,\partial L} = \alpha\beta A K^{\alpha-1}L^{\beta-1}", 'correct', '',
  lambda: same(sp.diff(Qcd, K, L_), al*be*A_*K**(al-1)*L_**(be-1)))
R('C26', f2, r"$\dfrac{\partial^2 Q}{\partial L^2} = \beta(\beta-1)AK^{\alpha}L^{\beta-1}$", 1,
  r"\dfrac{\partial^2 Q}{\partial L^2} = \beta(\beta-1)AK^{\alpha}L^{\beta-1}", 'MISTAKE', 'wrong exponent: correct L^{beta-2}',
  lambda: fails(sp.diff(Qcd, L_, 2), be*(be-1)*A_*K**al*L_**(be-1)) and same(sp.diff(Qcd, L_, 2), be*(be-1)*A_*K**al*L_**(be-2)))
R('C27', f2, r"欧拉定理给出 $K\dfrac{\partial Q}{\partial K} + L\dfrac{\partial Q}{\partial L} = (\alpha + \beta)Q$", 1,
  r"K\dfrac{\partial Q}{\partial K} + L\dfrac{\partial Q}{\partial L} = (\alpha + \beta)Q", 'correct', 'Euler',
  lambda: same(K*sp.diff(Qcd, K) + L_*sp.diff(Qcd, L_), (al + be)*Qcd))
R('C28', f2, r"\mathrm{MRTS}_{LK} = \frac{\partial Q/\partial L}{\partial Q/\partial K} = \frac{\alpha L}{\beta K}.", 1,
  r"\mathrm{MRTS}_{LK} = \frac{\partial Q/\partial L}{\partial Q/\partial K}", 'not-a-claim', 'definition of MRTS',
  lambda: not identically_zero(sp.diff(Qcd, L_)/sp.diff(Qcd, K) - 1))
R('C29', f2, r"\mathrm{MRTS}_{LK} = \frac{\partial Q/\partial L}{\partial Q/\partial K} = \frac{\alpha L}{\beta K}.", 2,
  r"\frac{\partial Q/\partial L}{\partial Q/\partial K} = \frac{\alpha L}{\beta K}", 'MISTAKE', 'inverted: correct beta K/(alpha L)',
  lambda: fails(sp.diff(Qcd, L_)/sp.diff(Qcd, K), al*L_/(be*K)) and same(sp.diff(Qcd, L_)/sp.diff(Qcd, K), be*K/(al*L_)))
Q4 = 4*sp.sqrt(K)*sp.sqrt(L_)
R('C30', f2, r"$\dfrac{\partial Q}{\partial K}(16, 4) = 2\cdot 16^{-1/2}\cdot 4^{1/2} = 1$", 1,
  r"\dfrac{\partial Q}{\partial K}(16, 4) = 2\cdot 16^{-1/2}\cdot 4^{1/2}", 'correct', '',
  lambda: same(sp.diff(Q4, K).subs({K: 16, L_: 4}), 2*S(16)**Q_(-1, 2)*S(4)**Q_(1, 2)))
R('C31', f2, r"$\dfrac{\partial Q}{\partial K}(16, 4) = 2\cdot 16^{-1/2}\cdot 4^{1/2} = 1$", 2, r"2\cdot 16^{-1/2}\cdot 4^{1/2} = 1", 'correct', 'arithmetic',
  lambda: same(2*S(16)**Q_(-1, 2)*S(4)**Q_(1, 2), 1))
R('C32', f2, r"$\dfrac{\partial Q}{\partial L}(16, 4) = 2\cdot 16^{1/2}\cdot 4^{-1/2} = 4$", 1,
  r"\dfrac{\partial Q}{\partial L}(16, 4) = 2\cdot 16^{1/2}\cdot 4^{-1/2}", 'correct', '',
  lambda: same(sp.diff(Q4, L_).subs({K: 16, L_: 4}), 2*S(16)**Q_(1, 2)*S(4)**Q_(-1, 2)))
R('C33', f2, r"$\dfrac{\partial Q}{\partial L}(16, 4) = 2\cdot 16^{1/2}\cdot 4^{-1/2} = 4$", 2, r"2\cdot 16^{1/2}\cdot 4^{-1/2} = 4", 'correct', 'arithmetic',
  lambda: same(2*S(16)**Q_(1, 2)*S(4)**Q_(-1, 2), 4))
xx, yy, ll_ = sp.symbols('x y lambda', positive=True)
Lag = sp.log(xx) + 2*sp.log(yy) - ll_*(2*xx + 4*yy - 120)
sol = {xx: 20, yy: 20, ll_: Q_(1, 40)}
R('C34', f2, r"\frac{\partial\mathcal{L}}{\partial x} &= \frac{1}{x} - 2\lambda = 0, \\", 1, r"\frac{\partial\mathcal{L}}{\partial x} = \frac{1}{x} - 2\lambda",
  'correct', '', lambda: same(sp.diff(Lag, xx), 1/xx - 2*ll_))
R('C35', f2, r"\frac{\partial\mathcal{L}}{\partial x} &= \frac{1}{x} - 2\lambda = 0, \\", 2, r"\frac{1}{x} - 2\lambda = 0", 'not-a-claim', 'first-order condition',
  lambda: not identically_zero(1/xx - 2*ll_) and same((1/xx - 2*ll_).subs(sol), 0))
R('C36', f2, r"\frac{\partial\mathcal{L}}{\partial y} &= \frac{2}{y} - 4\lambda = 0, \\", 1, r"\frac{\partial\mathcal{L}}{\partial y} = \frac{2}{y} - 4\lambda",
  'correct', '', lambda: same(sp.diff(Lag, yy), 2/yy - 4*ll_))
R('C37', f2, r"\frac{\partial\mathcal{L}}{\partial y} &= \frac{2}{y} - 4\lambda = 0, \\", 2, r"\frac{2}{y} - 4\lambda = 0", 'not-a-claim', 'first-order condition',
  lambda: not identically_zero(2/yy - 4*ll_) and same((2/yy - 4*ll_).subs(sol), 0))
R('C38', f2, r"\frac{\partial\mathcal{L}}{\partial\lambda} &= 2x + 4y - 120 = 0.", 1, r"\frac{\partial\mathcal{L}}{\partial\lambda} = 2x + 4y - 120",
  'MISTAKE', 'wrong sign: correct -(2x + 4y - 120) = 120 - 2x - 4y',
  lambda: fails(sp.diff(Lag, ll_), 2*xx + 4*yy - 120) and same(sp.diff(Lag, ll_), -(2*xx + 4*yy - 120)))
R('C39', f2, r"\frac{\partial\mathcal{L}}{\partial\lambda} &= 2x + 4y - 120 = 0.", 2, r"2x + 4y - 120 = 0", 'not-a-claim', 'budget constraint',
  lambda: not identically_zero(2*xx + 4*yy - 120) and same((2*xx + 4*yy - 120).subs(sol), 0))
U_ = sp.log(xx) + 2*sp.log(yy)
R('C40', f2, r"\mathrm{MRS} = \frac{\partial U/\partial x}{\partial U/\partial y} = \frac{1/x}{2/y}", 1,
  r"\mathrm{MRS} = \frac{\partial U/\partial x}{\partial U/\partial y}", 'not-a-claim', 'definition of MRS',
  lambda: not identically_zero(sp.diff(U_, xx)/sp.diff(U_, yy) - 1))
R('C41', f2, r"\mathrm{MRS} = \frac{\partial U/\partial x}{\partial U/\partial y} = \frac{1/x}{2/y}", 2,
  r"\frac{\partial U/\partial x}{\partial U/\partial y} = \frac{1/x}{2/y}", 'correct', '', lambda: same(sp.diff(U_, xx)/sp.diff(U_, yy), (1/xx)/(2/yy)))
R('C42', f2, r"\mathrm{MRS} = \frac{\partial U/\partial x}{\partial U/\partial y} = \frac{1/x}{2/y}", 3, r"\frac{1/x}{2/y} = \frac{y}{2x}", 'correct', 'algebra',
  lambda: same((1/xx)/(2/yy), yy/(2*xx)))
R('C43', f2, r"\mathrm{MRS} = \frac{\partial U/\partial x}{\partial U/\partial y} = \frac{1/x}{2/y}", 4, r"\frac{y}{2x} = \frac{1}{2}", 'correct',
  'value at the optimum x* = y* = 20 (stated just above); equals price ratio 2/4',
  lambda: same((yy/(2*xx)).subs(sol), Q_(1, 2)) and not identically_zero(yy/(2*xx) - Q_(1, 2)))
VI = 3*sp.log(I_/6)
R('C44', f2, r"于是 $V'(I) = \dfrac{3}{I}$", 1, r"V'(I) = \dfrac{3}{I}", 'correct', '', lambda: same(sp.diff(VI, I_), 3/I_))
R('C45', f2, r"而 $V'(120) = \dfrac{1}{40}$", 1, r"V'(120) = \dfrac{1}{40}", 'correct', '', lambda: same(sp.diff(VI, I_).subs(I_, 120), Q_(1, 40)))
Af = sp.Function('A')
At = P_*sp.exp(r*t)
R('C46', f2, r"它满足微分方程 $\dfrac{dA}{dt} = rA$", 1, r"\dfrac{dA}{dt} = rA", 'correct',
  'written as a DE, but asserted of the defined A(t) = P e^{rt} ("it satisfies"), which it does',
  lambda: same(sp.diff(At, t), r*At) and sp.simplify(sp.diff(Af(t), t) - r*Af(t)) != 0)
R('C47', f2, r"$A'(t) = rPe^{rt} = rA(t)$", 1, r"A'(t) = rPe^{rt}", 'correct', '', lambda: same(sp.diff(At, t), r*P_*sp.exp(r*t)))
R('C48', f2, r"$A'(t) = rPe^{rt} = rA(t)$", 2, r"rPe^{rt} = rA(t)", 'correct', 'A(t) = P e^{rt}', lambda: same(r*P_*sp.exp(r*t), r*At))
R('C49', f2, r"$A'(10) = 50e^{0.5} \approx 82.4$", 1, r"A'(10) = 50e^{0.5}", 'correct', 'P = 1000, r = 0.05 (then approx 82.44)',
  lambda: same(sp.diff(At, t).subs({P_: 1000, r: Q_(5, 100), t: 10}), 50*sp.exp(Q_(1, 2))))
R('C50', f2, r"$\dfrac{d}{dt}P(1+r)^t = tP(1+r)^{t-1}$", 1, r"\dfrac{d}{dt}P(1+r)^t = tP(1+r)^{t-1}", 'MISTAKE', 'power rule misapplied: correct P(1+r)^t ln(1+r)',
  lambda: fails(sp.diff(P_*(1 + r)**t, t), t*P_*(1 + r)**(t - 1)) and same(sp.diff(P_*(1 + r)**t, t), P_*(1 + r)**t*sp.log(1 + r)))
R('C51', f2, r"$\dfrac{d}{dt}\ln A(t) = \dfrac{A'(t)}{A(t)}$", 1, r"\dfrac{d}{dt}\ln A(t) = \dfrac{A'(t)}{A(t)}", 'correct', 'generic A',
  lambda: same(sp.diff(sp.log(Af(t)), t), sp.diff(Af(t), t)/Af(t)))
PV = F*sp.exp(-r*T)
R('C52', f2, r"$\dfrac{\partial PV}{\partial T} = -rFe^{-rT}$", 1, r"\dfrac{\partial PV}{\partial T} = -rFe^{-rT}", 'correct', '',
  lambda: same(sp.diff(PV, T), -r*F*sp.exp(-r*T)))
R('C53', f2, r"$\dfrac{\partial PV}{\partial r} = -rFe^{-rT}$", 1, r"\dfrac{\partial PV}{\partial r} = -rFe^{-rT}", 'MISTAKE', 'wrong partial: correct -T F e^{-rT}',
  lambda: fails(sp.diff(PV, r), -r*F*sp.exp(-r*T)) and same(sp.diff(PV, r), -T*F*sp.exp(-r*T)))
def c54():
    for TT in NS:
        Py = sum(c*sp.exp(-y*tt) for tt in range(1, TT + 1))
        if not same(sp.diff(Py, y), -sum(tt*c*sp.exp(-y*tt) for tt in range(1, TT + 1))): return False
    return True
R('C54', f2, r"\frac{dP}{dy} = -\sum_{t=1}^{T} t\,c\,e^{-yt},", 1, r"\frac{dP}{dy} = -\sum_{t=1}^{T} t\,c\,e^{-yt}", 'correct', 'T = 1..4', c54)

# ======================================================================= policy_gradients.ipynb
f3 = 'policy_gradients.ipynb'
pf = sp.Function('p')
xr = sp.Symbol('x', real=True); thr = sp.Symbol('theta', real=True)
gauss = sp.exp(-(xr - thr)**2/(2*sig**2))/(sp.sqrt(2*sp.pi)*sig)
def E_g(expr):
    return sp.simplify(sp.integrate(expr*gauss, (xr, -sp.oo, sp.oo)))
R('N01', f3, r"$$\nabla_\theta p_\theta(x) = p_\theta(x)\,\nabla_\theta \log p_\theta(x).$$", 1,
  r"\nabla_\theta p_\theta(x) = p_\theta(x)\,\nabla_\theta \log p_\theta(x)", 'correct', 'log-derivative trick (generic p)',
  lambda: same(sp.diff(pf(thr, xr), thr), pf(thr, xr)*sp.diff(sp.log(pf(thr, xr)), thr)))
def n02():
    for f in (xr**2, xr**3):
        lhs = sp.diff(E_g(f), thr)
        mid = sp.simplify(sp.integrate(f*sp.diff(gauss, thr), (xr, -sp.oo, sp.oo)))
        if not same(lhs, mid, {thr: (-2, 2)}): return False
    return True
def n03():
    for f in (xr**2, xr**3):
        mid = sp.simplify(sp.integrate(f*sp.diff(gauss, thr), (xr, -sp.oo, sp.oo)))
        rhs = E_g(f*sp.diff(sp.log(gauss), thr))
        if not same(mid, rhs, {thr: (-2, 2)}): return False
    return True
R('N02', f3, r"&= \int f(x)\,\nabla_\theta p_\theta(x)\,dx \\", 1, r"\nabla_\theta \mathbb{E}_{x\sim p_\theta}[f(x)] = \int f(x)\,\nabla_\theta p_\theta(x)\,dx",
  'correct', 'differentiation under the integral (checked for N(theta, s^2), f = x^2, x^3)', n02)
R('N03', f3, r"&= \mathbb{E}_{x\sim p_\theta}\bigl[f(x)\,\nabla_\theta \log p_\theta(x)\bigr].", 2,
  r"\int f\,\nabla_\theta p_\theta\,dx = \mathbb{E}[f(x)\nabla_\theta \log p_\theta(x)]", 'correct', 'checked as N02', n03)
R('N04', f3, r"$\frac{\partial}{\partial\theta}\log p_\theta(x) = \frac{x-\theta}{\sigma^2}$", 1,
  r"\frac{\partial}{\partial\theta}\log p_\theta(x) = \frac{x-\theta}{\sigma^2}", 'correct', '',
  lambda: same(sp.diff(-(xr - thr)**2/(2*sig**2) - sp.log(sp.sqrt(2*sp.pi)*sig), thr), (xr - thr)/sig**2, {xr: (-2, 2), thr: (-2, 2)}))
R('N05', f3, r"$\frac{d}{d\theta}\mathbb{E}[x^2] = \frac{d}{d\theta}(\theta^2 + \sigma^2) = 2\theta$", 1,
  r"\frac{d}{d\theta}\mathbb{E}[x^2] = \frac{d}{d\theta}(\theta^2 + \sigma^2)", 'correct', 'E[x^2] = theta^2 + sigma^2',
  lambda: same(sp.diff(E_g(xr**2), thr), sp.diff(thr**2 + sig**2, thr), {thr: (-2, 2)}))
R('N06', f3, r"$\frac{d}{d\theta}\mathbb{E}[x^2] = \frac{d}{d\theta}(\theta^2 + \sigma^2) = 2\theta$", 2,
  r"\frac{d}{d\theta}(\theta^2 + \sigma^2) = 2\theta", 'correct', '', lambda: same(sp.diff(thr**2 + sig**2, thr), 2*thr, {thr: (-2, 2)}))
sg = sigm(thr)
R('N07', f3, r"$\sigma'(\theta) = \sigma(\theta)\bigl(1-\sigma(\theta)\bigr)$, hence", 1, r"\sigma'(\theta) = \sigma(\theta)\bigl(1-\sigma(\theta)\bigr)",
  'correct', '', lambda: same(sp.diff(sg, thr), sg*(1 - sg), {thr: (-3, 3)}))
R('N08', f3, r"$\frac{d}{d\theta}\log\sigma(\theta) = 1 - \sigma(\theta)$", 1, r"\frac{d}{d\theta}\log\sigma(\theta) = 1 - \sigma(\theta)", 'correct', '',
  lambda: same(sp.diff(sp.log(sg), thr), 1 - sg, {thr: (-3, 3)}))
R('N09', f3, r"$\frac{d}{d\theta}\log\bigl(1-\sigma(\theta)\bigr) = -\sigma(\theta)$", 1, r"\frac{d}{d\theta}\log\bigl(1-\sigma(\theta)\bigr) = -\sigma(\theta)",
  'correct', '', lambda: same(sp.diff(sp.log(1 - sg), thr), -sg, {thr: (-3, 3)}))
R('N10', f3, r"$\sigma'(0) = \frac{1}{2}$", 1, r"\sigma'(0) = \frac{1}{2}", 'MISTAKE', "sigma'(0) = 1/4 (sigma(0) = 1/2)",
  lambda: fails(sp.diff(sg, thr).subs(thr, 0), Q_(1, 2)) and same(sp.diff(sg, thr).subs(thr, 0), Q_(1, 4)))
R('N11', f3, r"$\sigma''(\theta) = \sigma(\theta)\bigl(1-\sigma(\theta)\bigr)\bigl(1-2\sigma(\theta)\bigr)$", 1,
  r"\sigma''(\theta) = \sigma(\theta)\bigl(1-\sigma(\theta)\bigr)\bigl(1-2\sigma(\theta)\bigr)", 'correct', '',
  lambda: same(sp.diff(sg, thr, 2), sg*(1 - sg)*(1 - 2*sg), {thr: (-3, 3)}))
R('N12', f3, r"so $\sigma''(0) = 0$", 1, r"\sigma''(0) = 0", 'correct', '', lambda: same(sp.diff(sg, thr, 2).subs(thr, 0), 0))
def zvec(k): return sym_vec('z', k)
def n13():
    for k in (2, 3):
        zz = zvec(k); pi = softmax(zz)
        for a in range(k):
            for b in range(k):
                if not same(sp.diff(sp.log(pi[a]), zz[b]), (1 if a == b else 0) - pi[b], {}): return False
    return True
R('N13', f3, r"$$\frac{\partial \log\pi(a\mid s)}{\partial z_b} = \mathbb{1}[a=b] - \pi(b\mid s),$$", 1,
  r"\frac{\partial \log\pi(a\mid s)}{\partial z_b} = \mathbb{1}[a=b] - \pi(b\mid s)", 'correct', 'K = 2, 3', n13)
def n14():
    for k in (2, 3):
        zz = zvec(k); pi = softmax(zz)
        for a in range(k):
            for b in range(k):
                if not same(sp.diff(pi[a], zz[b]), pi[a]*((1 if a == b else 0) - pi[b])): return False
    return True
R('N14', f3, r"$\frac{\partial \pi(a\mid s)}{\partial z_b} = \pi(a\mid s)\bigl(\mathbb{1}[a=b] - \pi(b\mid s)\bigr)$", 1,
  r"\frac{\partial \pi(a\mid s)}{\partial z_b} = \pi(a\mid s)\bigl(\mathbb{1}[a=b] - \pi(b\mid s)\bigr)", 'correct', 'K = 2, 3', n14)
def n15():
    for k in (2, 3):
        zz = zvec(k); pi = softmax(zz)
        if not same(jac(pi, zz), sp.diag(*pi) - pi*pi.T): return False
    return True
R('N15', f3, r"$\frac{\partial \boldsymbol{\pi}}{\partial \mathbf{z}} = \operatorname{diag}(\boldsymbol{\pi}) - \boldsymbol{\pi}\boldsymbol{\pi}^\top$", 1,
  r"\frac{\partial \boldsymbol{\pi}}{\partial \mathbf{z}} = \operatorname{diag}(\boldsymbol{\pi}) - \boldsymbol{\pi}\boldsymbol{\pi}^\top", 'correct', 'K = 2, 3 (symmetric)', n15)
def n16():
    for k in (2, 3):
        zz = zvec(k); pi = softmax(zz)
        for a in range(k):
            if not same(grad(sp.log(pi[a]), zz), sp.eye(k)[:, a] - pi): return False
    return True
R('N16', f3, r"$\nabla_{\mathbf{z}} \log\pi(a\mid s) = \mathbf{e}_a - \boldsymbol{\pi}$", 1,
  r"\nabla_{\mathbf{z}} \log\pi(a\mid s) = \mathbf{e}_a - \boldsymbol{\pi}", 'correct', 'K = 2, 3', n16)
z3 = zvec(3); pi3 = softmax(z3); z0 = {z3[0]: 0, z3[1]: 0, z3[2]: sp.log(2)}
R('N17', f3, r"$\nabla_{\mathbf{z}}\log\pi(a_3\mid s) = \left(-\tfrac14, -\tfrac14, \tfrac12\right)^\top$", 1,
  r"\nabla_{\mathbf{z}}\log\pi(a_3\mid s) = \left(-\tfrac14, -\tfrac14, \tfrac12\right)^\top", 'correct', 'z = (0, 0, ln 2)',
  lambda: same(grad(sp.log(pi3[2]), z3).subs(z0), sp.Matrix([-Q_(1, 4), -Q_(1, 4), Q_(1, 2)])))
R('N18', f3, r"$\nabla_{\mathbf{z}}\log\pi(a_1\mid s) = \left(\tfrac34, -\tfrac14, \tfrac12\right)^\top$", 1,
  r"\nabla_{\mathbf{z}}\log\pi(a_1\mid s) = \left(\tfrac34, -\tfrac14, \tfrac12\right)^\top", 'MISTAKE', 'third entry: correct (3/4, -1/4, -1/2)',
  lambda: fails(grad(sp.log(pi3[0]), z3).subs(z0), sp.Matrix([Q_(3, 4), -Q_(1, 4), Q_(1, 2)])) and
          same(grad(sp.log(pi3[0]), z3).subs(z0), sp.Matrix([Q_(3, 4), -Q_(1, 4), -Q_(1, 2)])))
z1, z2 = sp.symbols('z1 z2', real=True)
two = sp.log(sp.exp(z1)/(sp.exp(z1) + sp.exp(z2)))
R('N19', f3, r"$$\frac{\partial}{\partial z_1}\log\frac{e^{z_1}}{e^{z_1}+e^{z_2}} = \frac{e^{z_2}}{e^{z_1}+e^{z_2}}, \qquad", 1,
  r"\frac{\partial}{\partial z_1}\log\frac{e^{z_1}}{e^{z_1}+e^{z_2}} = \frac{e^{z_2}}{e^{z_1}+e^{z_2}}", 'correct', '',
  lambda: same(sp.diff(two, z1), sp.exp(z2)/(sp.exp(z1) + sp.exp(z2))))
R('N20', f3, r"\frac{\partial}{\partial z_2}\log\frac{e^{z_1}}{e^{z_1}+e^{z_2}} = \frac{e^{z_1}}{e^{z_1}+e^{z_2}} .$$", 1,
  r"\frac{\partial}{\partial z_2}\log\frac{e^{z_1}}{e^{z_1}+e^{z_2}} = \frac{e^{z_1}}{e^{z_1}+e^{z_2}}", 'MISTAKE', 'correct -e^{z_2}/(e^{z_1}+e^{z_2})',
  lambda: fails(sp.diff(two, z2), sp.exp(z1)/(sp.exp(z1) + sp.exp(z2))) and same(sp.diff(two, z2), -sp.exp(z2)/(sp.exp(z1) + sp.exp(z2))))
def linsoft(k, d):
    Phi = sym_mat('f', k, d); th_ = sym_vec('t', d)
    zz = Phi*th_; pi = softmax(zz)
    return Phi, th_, pi
SIZES_KD = ((2, 3), (3, 2))
def n21():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        for a in range(k):
            rhs = Phi[a, :].T - sum((pi[b]*Phi[b, :].T for b in range(k)), sp.zeros(d, 1))
            if not same(grad(sp.log(pi[a]), th_), rhs): return False
    return True
R('N21', f3, r"\nabla_\theta \log\pi_\theta(a\mid s) = \phi(s,a) - \sum_{b}\pi_\theta(b\mid s)\,\phi(s,b)", 1,
  r"\nabla_\theta \log\pi_\theta(a\mid s) = \phi(s,a) - \sum_{b}\pi_\theta(b\mid s)\,\phi(s,b)", 'correct', '(K,d) = (2,3), (3,2)', n21)
def n22():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        E = sum((pi[b]*Phi[b, :].T for b in range(k)), sp.zeros(d, 1))   # E_{b~pi}[phi] by definition
        rhs = Phi[0, :].T - E
        if not same(Phi[0, :].T - sum((pi[b]*Phi[b, :].T for b in range(k)), sp.zeros(d, 1)), rhs): return False
    return True
R('N22', f3, r"= \phi(s,a) - \mathbb{E}_{b\sim\pi_\theta}\bigl[\phi(s,b)\bigr].", 2,
  r"\phi(s,a) - \sum_b \pi_\theta(b\mid s)\phi(s,b) = \phi(s,a) - \mathbb{E}_{b\sim\pi_\theta}[\phi(s,b)]", 'correct', 'definition of the expectation', n22)
def n23():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        mean = sum((pi[b]*Phi[b, :].T for b in range(k)), sp.zeros(d, 1))
        cov = sum((pi[b]*Phi[b, :].T*Phi[b, :] for b in range(k)), sp.zeros(d, d)) - mean*mean.T
        for a in range(k):
            if not same(hess(sp.log(pi[a]), th_), -cov): return False
    return True
R('N23', f3, r"$\nabla^2_\theta \log\pi_\theta(a\mid s) = -\operatorname{Cov}_{b\sim\pi_\theta}\bigl[\phi(s,b)\bigr]$", 1,
  r"\nabla^2_\theta \log\pi_\theta(a\mid s) = -\operatorname{Cov}_{b\sim\pi_\theta}\bigl[\phi(s,b)\bigr]", 'correct', '(K,d) = (2,3), (3,2)', n23)
def n24():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        J = jac(Phi*th_, th_)
        if not (J.shape == (k, d) and same(J, Phi)): return False
    return True
R('N24', f3, r"$\bigl(\partial\mathbf{z}/\partial\theta\bigr)_{kj} = \partial z_k/\partial\theta_j$", 1,
  r"\bigl(\partial\mathbf{z}/\partial\theta\bigr)_{kj} = \partial z_k/\partial\theta_j", 'not-a-claim', 'states the Jacobian convention (K x d)', n24)
def n25():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        J = jac(Phi*th_, th_)
        if same(J, Phi.T): return False
        if not same(J, Phi): return False
    # also square case: generic entries, still different
    Phi, th_, pi = linsoft(2, 2)
    return not same(jac(Phi*th_, th_), Phi.T)
R('N25', f3, r"we have $\frac{\partial \mathbf{z}}{\partial \theta} = \Phi^\top$", 1, r"\frac{\partial \mathbf{z}}{\partial \theta} = \Phi^\top", 'MISTAKE',
  'transposed: under the stated K x d convention the Jacobian is Phi', n25)
def n26():
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        for a in range(k):
            if not same(grad(sp.log(pi[a]), th_), Phi.T*(sp.eye(k)[:, a] - pi)): return False
    return True
R('N26', f3, r"$\nabla_\theta\log\pi_\theta(a\mid s) = \Phi^\top(\mathbf{e}_a - \boldsymbol{\pi})$", 1,
  r"\nabla_\theta\log\pi_\theta(a\mid s) = \Phi^\top(\mathbf{e}_a - \boldsymbol{\pi})", 'correct', '(K,d) = (2,3), (3,2)', n26)
ar = sp.Symbol('a', real=True)
def n27():
    for d in (2, 3):
        th_ = sym_vec('t', d); ph = sym_vec('f', d)
        m = (th_.T*ph)[0]
        logpi = -(ar - m)**2/(2*sig**2) - sp.log(sp.sqrt(2*sp.pi)*sig)
        if not same(grad(logpi, th_), (ar - m)*ph/sig**2): return False
    return True
R('N27', f3, r"$$\nabla_\theta \log\pi_\theta(a\mid s) = \frac{\bigl(a - \theta^\top\phi(s)\bigr)\,\phi(s)}{\sigma^2},", 1,
  r"\nabla_\theta \log\pi_\theta(a\mid s) = \frac{\bigl(a - \theta^\top\phi(s)\bigr)\,\phi(s)}{\sigma^2}", 'correct', 'd = 2, 3', n27)
mr = sp.Symbol('m', real=True)
R('N28', f3, r"\frac{\partial}{\partial\sigma}\log\pi_\theta(a\mid s) = -\frac{1}{\sigma} + \frac{\bigl(a-\theta^\top\phi(s)\bigr)^2}{\sigma^3}.$$", 1,
  r"\frac{\partial}{\partial\sigma}\log\pi_\theta(a\mid s) = -\frac{1}{\sigma} + \frac{(a-\theta^\top\phi(s))^2}{\sigma^3}", 'correct', 'm = theta^T phi(s)',
  lambda: same(sp.diff(-(ar - mr)**2/(2*sig**2) - sp.log(sp.sqrt(2*sp.pi)*sig), sig), -1/sig + (ar - mr)**2/sig**3, {ar: (-2, 2), mr: (-2, 2)}))
R('N29', f3, r"$\frac{\partial}{\partial\theta}\left[-\frac{(a-\theta x)^2}{2\sigma^2}\right] = \frac{a-\theta x}{\sigma^2}$", 1,
  r"\frac{\partial}{\partial\theta}\left[-\frac{(a-\theta x)^2}{2\sigma^2}\right] = \frac{a-\theta x}{\sigma^2}", 'MISTAKE', 'dropped chain factor x: correct x(a - theta x)/sigma^2',
  lambda: fails(sp.diff(-(ar - thr*xr)**2/(2*sig**2), thr), (ar - thr*xr)/sig**2, {xr: (0.3, 2), ar: (-2, 2), thr: (-2, 2)}))
def n30():   # update rule: ascent direction G * score, not an equation
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        g = grad(sp.log(pi[0]), th_)
        if identically_zero(g[0]): return False
    return True
R('N30', f3, r"$\theta \leftarrow \theta + \alpha\, G_t\, \nabla_\theta \log\pi_\theta(A_t\mid S_t)$", 1,
  r"\theta \leftarrow \theta + \alpha\, G_t\, \nabla_\theta \log\pi_\theta(A_t\mid S_t)", 'not-a-claim', 'update rule (assignment)', n30)
def baseline(step):
    for k, d in SIZES_KD:
        Phi, th_, pi = linsoft(k, d)
        s0 = sum((pi[a]*grad(sp.log(pi[a]), th_) for a in range(k)), sp.zeros(d, 1))
        s1 = sum((grad(pi[a], th_) for a in range(k)), sp.zeros(d, 1))
        s2 = grad(sum(pi), th_)
        s3 = grad(sp.S(1), th_) if False else sp.zeros(d, 1)
        pairs = {1: (s0, s1), 2: (s1, s2), 3: (s2, s3), 4: (s3, sp.zeros(d, 1))}
        if not same(*pairs[step]): return False
    return True
R('N31', f3, r"= \sum_a \nabla_\theta\pi_\theta(a\mid s)", 1, r"\mathbb{E}_{a\sim\pi_\theta}[\nabla_\theta\log\pi_\theta(a\mid s)] = \sum_a \nabla_\theta\pi_\theta(a\mid s)",
  'correct', 'linear softmax, (K,d) = (2,3), (3,2)', lambda: baseline(1))
R('N32', f3, r"= \nabla_\theta \sum_a \pi_\theta(a\mid s)", 2, r"\sum_a \nabla_\theta\pi_\theta(a\mid s) = \nabla_\theta \sum_a \pi_\theta(a\mid s)", 'correct', '', lambda: baseline(2))
R('N33', f3, r"= \nabla_\theta 1 = 0,", 3, r"\nabla_\theta \sum_a \pi_\theta(a\mid s) = \nabla_\theta 1", 'correct', 'probabilities sum to 1', lambda: baseline(3))
R('N34', f3, r"= \nabla_\theta 1 = 0,", 4, r"\nabla_\theta 1 = 0", 'correct', '', lambda: baseline(4))
gam, rr = sp.symbols('gamma r', real=True)
def tdsetup(d):
    w = sym_vec('w', d); xa = sym_vec('x', d); xb = sym_vec('u', d)
    delta = rr + gam*(w.T*xb)[0] - (w.T*xa)[0]
    return w, xa, xb, delta
R('N35', f3, r"so that $\nabla_{\mathbf{w}}\hat v(s;\mathbf{w}) = \mathbf{x}(s)$", 1, r"\nabla_{\mathbf{w}}\hat v(s;\mathbf{w}) = \mathbf{x}(s)", 'correct', 'd = 2, 3',
  lambda: all(same(grad((tdsetup(d)[0].T*tdsetup(d)[1])[0], tdsetup(d)[0]), tdsetup(d)[1]) for d in (2, 3)))
def td(kind):
    for d in (2, 3):
        w, xa, xb, delta = tdsetup(d)
        g = gam*xb - xa
        if kind == 'ddelta' and not same(grad(delta, w), g): return False
        if kind == 'step1' and not same(grad(delta**2/2, w), delta*grad(delta, w)): return False
        if kind == 'step2' and not same(delta*grad(delta, w), delta*g): return False
        if kind == 'hess' and not same(hess(delta**2/2, w), g*g.T): return False
    return True
R('N36', f3, r"and $\frac{\partial \delta}{\partial \mathbf{w}} = \gamma\mathbf{x}(s') - \mathbf{x}(s)$", 1,
  r"\frac{\partial \delta}{\partial \mathbf{w}} = \gamma\mathbf{x}(s') - \mathbf{x}(s)", 'correct', 'd = 2, 3 (gradient as column)', lambda: td('ddelta'))
R('N37', f3, r"\nabla_{\mathbf{w}}\,\tfrac12\delta^2 = \delta\,\nabla_{\mathbf{w}}\delta", 1, r"\nabla_{\mathbf{w}}\,\tfrac12\delta^2 = \delta\,\nabla_{\mathbf{w}}\delta",
  'correct', 'd = 2, 3', lambda: td('step1'))
R('N38', f3, r"= \delta\,\bigl(\gamma\mathbf{x}(s') - \mathbf{x}(s)\bigr),", 2, r"\delta\,\nabla_{\mathbf{w}}\delta = \delta\,\bigl(\gamma\mathbf{x}(s') - \mathbf{x}(s)\bigr)",
  'correct', 'd = 2, 3', lambda: td('step2'))
R('N39', f3, r"with constant Hessian $\nabla^2_{\mathbf{w}}\,\tfrac12\delta^2", 1,
  r"\nabla^2_{\mathbf{w}}\,\tfrac12\delta^2 = \bigl(\gamma\mathbf{x}(s') - \mathbf{x}(s)\bigr)\bigl(\gamma\mathbf{x}(s') - \mathbf{x}(s)\bigr)^\top", 'correct', 'd = 2, 3',
  lambda: td('hess'))
def n40():
    for d in (2, 3):
        w, xa, xb, delta = tdsetup(d)
        if identically_zero(delta): return False
    return True
R('N40', f3, r"$\mathbf{w} \leftarrow \mathbf{w} + \alpha\,\delta\,\mathbf{x}(s)$", 1, r"\mathbf{w} \leftarrow \mathbf{w} + \alpha\,\delta\,\mathbf{x}(s)", 'not-a-claim',
  'update rule (semi-gradient: not the gradient of delta^2/2)', lambda: n40() and not td_semi_is_grad())
def td_semi_is_grad():
    w, xa, xb, delta = tdsetup(2)
    return same(-grad(delta**2/2, w), delta*xa)
R('N46', f3, r"and $\mathbf{x}(s') = (0,1)$, so", 1, r"\mathbf{x}(s') = (0,1)", 'not-a-claim',
  "definition of the next state's features (no derivative; the prime marks the next state s')",
  lambda: not same(sp.Matrix([1, 0]), sp.Matrix([0, 1])))
w1, w2 = sp.symbols('w1 w2', real=True)
d2 = rr + gam*w2 - w1
R('N41', f3, r"Then $\frac{\partial\delta}{\partial w_1} = -1$", 1, r"\frac{\partial\delta}{\partial w_1} = -1", 'correct', '', lambda: same(sp.diff(d2, w1), -1))
R('N42', f3, r"$\frac{\partial\delta}{\partial w_2} = \gamma$", 1, r"\frac{\partial\delta}{\partial w_2} = \gamma", 'correct', '', lambda: same(sp.diff(d2, w2), gam))
R('N43', f3, r"$\frac{\partial}{\partial w_1}\tfrac12(r + \gamma w_2 - w_1)^2 = -(r + \gamma w_2 - w_1)$", 1,
  r"\frac{\partial}{\partial w_1}\tfrac12(r + \gamma w_2 - w_1)^2 = -(r + \gamma w_2 - w_1)", 'correct', '', lambda: same(sp.diff(d2**2/2, w1), -d2))
vals = {rr: 1, gam: Q_(9, 10), w1: Q_(1, 2), w2: Q_(1, 5)}
R('N44', f3, r"\right|_{\mathbf{w}=(0.5,\,0.2)} = 0.9\times 0.68 = 0.612", 1,
  r"\left.\frac{\partial}{\partial w_2}\tfrac12\delta^2\right|_{\mathbf{w}=(0.5,\,0.2)} = 0.9\times 0.68", 'correct', 'r = 1, gamma = 0.9',
  lambda: same(sp.diff(d2**2/2, w2).subs(vals), Q_(9, 10)*Q_(68, 100)))
R('N45', f3, r"\right|_{\mathbf{w}=(0.5,\,0.2)} = 0.9\times 0.68 = 0.612", 2, r"0.9\times 0.68 = 0.612", 'correct', 'arithmetic',
  lambda: same(Q_(9, 10)*Q_(68, 100), Q_(612, 1000)))

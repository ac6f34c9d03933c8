from sympy import *
x, y, z, t, a, b, c, d, k, m, r, s, u, v, w, h, n = symbols('x y z t a b c d k m r s u v w h n', positive=True)
lam, ell, sig, tau, theta, alpha, eps, omega, A0, g, v0, G, M, p, gam, beta, mu = symbols(
    'lambda ell sigma tau theta alpha epsilon omega A g v_0 G M p gamma beta mu', positive=True)
x1, x2, y1, y2, z1, z2 = symbols('x1 x2 y1 y2 z1 z2', positive=True)
ROWS = []
def F(file, key, label, why, lhs=None, rhs=None):
    line, col, step = map(int, key.split(':'))
    ROWS.append(dict(file=file, line=line, column=col, step=step, label=label, why=why, lhs=lhs, rhs=rhs, latex=None))
def X(file, line, latex, label, why, lhs=None, rhs=None):
    ROWS.append(dict(file=file, line=line, column=None, step=None, label=label, why=why, lhs=lhs, rhs=rhs, latex=latex))

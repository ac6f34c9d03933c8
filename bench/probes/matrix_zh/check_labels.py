"""Hand labels for every claim step of the six probe notes, each checked with SymPy.

Abstract identities are checked with concrete random matrices at two different size sets
(m != n).  A check returns True when the step holds, False when it does not (a shape error
counts as False).  `None` marks a step that is not a claim.
"""
import random
import sympy as sp

rng = random.Random(20240611)
SIZES = [dict(m=3, n=2, p=4, k=5, K=3), dict(m=2, n=4, p=3, k=2, K=4)]


def rq():
    return sp.Rational(rng.choice([-1, 1]) * rng.randint(1, 9), rng.randint(1, 5))


def rmat(r, c):
    return sp.Matrix(r, c, lambda i, j: rq())


def rsym(n):
    M = rmat(n, n)
    return M + M.T


def svec(name, n):
    return sp.Matrix(n, 1, lambda i, j: sp.Symbol(f"{name}{i+1}", real=True))


def smat(name, r, c):
    return sp.Matrix(r, c, lambda i, j: sp.Symbol(f"{name}{i+1}_{j+1}", real=True))


def grad(f, x):  # column gradient / denominator layout
    f = f[0, 0] if isinstance(f, sp.MatrixBase) else f
    return sp.Matrix(x.shape[0], 1, lambda i, j: sp.diff(f, x[i]))


def jac(F, x):  # numerator layout Jacobian
    return sp.Matrix(F.shape[0], x.shape[0], lambda i, j: sp.diff(F[i], x[j]))


def dmat(f, X):  # denominator layout: shape of X
    f = f[0, 0] if isinstance(f, sp.MatrixBase) else f
    return X.applyfunc(lambda e: sp.diff(f, e))


def hess(f, x):
    return jac(grad(f, x), x)


def sq(v):
    return (v.T * v)[0, 0]


def _num(e, subs):
    return complex(sp.N(sp.sympify(e).subs(subs), 30))


def eq(a, b):
    """numeric equality at three random points; shapes must agree"""
    A = a if isinstance(a, sp.MatrixBase) else sp.Matrix([[a]])
    B = b if isinstance(b, sp.MatrixBase) else sp.Matrix([[b]])
    if A.shape != B.shape:
        return False
    syms = set()
    for e in list(A) + list(B):
        syms |= sp.sympify(e).free_symbols
    for _ in range(3):
        subs = {s: sp.Rational(rng.randint(5, 95), 50) for s in syms}  # in (0.1, 1.9): positive
        for x, y in zip(A, B):
            if abs(_num(x, subs) - _num(y, subs)) > 1e-9 * (1 + abs(_num(y, subs))):
                return False
    return True


def both(fn):
    """an abstract identity: must hold (or fail) at both size sets"""
    def run():
        res = []
        for s in SIZES:
            try:
                res.append(bool(fn(**s)))
            except (sp.ShapeError, ValueError, TypeError) as exc:
                if "shape" in str(exc).lower() or "dimension" in str(exc).lower() or isinstance(exc, sp.ShapeError):
                    res.append(False)
                else:
                    raise
        assert len(set(res)) == 1, ("size-dependent", res)
        return res[0]
    return run


def once(fn):
    def run():
        try:
            return bool(fn())
        except sp.ShapeError:
            return False
    return run


x, y, r, th, s, t, u, v = sp.symbols("x y r theta s t u v", real=True)
a, b, c, d, lam, z, rho, phi, h = sp.symbols("a b c d lambda z rho varphi h", real=True)
sig = lambda q: 1 / (1 + sp.exp(-q))
S = []  # (id, file, line, step, latex, label, why, check)


def add(f, line, step, latex, label, why, check):
    S.append((len(S) + 1, f, line, step, latex, label, why, check))


# ---------------------------------------------------------------- file 1 (denominator layout)
F1 = "01_二次型与最小二乘.md"


@both
def c1_1(m, n, **_):
    av, xv = rmat(n, 1), svec("x", n)
    return eq(grad(av.T * xv, xv), av)


@both
def c1_2(m, n, **_):
    A, xv = rmat(n, n), svec("x", n)
    return eq(grad(xv.T * A * xv, xv), (A + A.T) * xv)


@both
def c1_3(m, n, **_):
    A, xv = rsym(n), svec("x", n)
    return eq(grad(xv.T * A * xv, xv), 2 * A * xv)


A1 = sp.Matrix([[2, 1], [0, 3]])
x1, x2 = sp.symbols("x1 x2", real=True)
X12 = sp.Matrix([x1, x2])
f1 = (X12.T * A1 * X12)[0, 0]


def lsq(m, n):
    return rmat(m, n), svec("w", n), rmat(m, 1)


@both
def c1_9(m, n, **_):
    X, w, yv = lsq(m, n)
    rv = X * w - yv
    return eq(sq(rv), (rv.T * rv)[0, 0])


def expanded(X, w, yv):
    return (w.T * X.T * X * w - 2 * yv.T * X * w + yv.T * yv)[0, 0]


@both
def c1_10(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv), w), grad(expanded(X, w, yv), w))


@both
def c1_11(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(expanded(X, w, yv), w), 2 * X.T * X * w - 2 * X.T * yv)


@both
def c1_12(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(2 * X.T * X * w - 2 * X.T * yv, 2 * X.T * (X * w - yv))


@both
def c1_13(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv), w), 2 * X * (X * w - yv))


@both
def c1_14(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv) / m, w), sp.Rational(2, m) * X.T * (X * w - yv))


@both
def c1_15(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv) / 2, w), X.T * (X * w - yv))


def ridge(m, n):
    X, w, yv = lsq(m, n)
    L = rq() ** 2
    return X, w, yv, L, sq(X * w - yv) + L * sq(w)


@both
def c1_16(m, n, **_):
    X, w, yv, L, J = ridge(m, n)
    return eq(grad(J, w), 2 * X.T * (X * w - yv) + 2 * L * w)


@both
def c1_17(m, n, **_):
    X, w, yv, L, J = ridge(m, n)
    return eq(2 * X.T * (X * w - yv) + 2 * L * w, 2 * ((X.T * X + L * sp.eye(n)) * w - X.T * yv))


@both
def c1_18(m, n, **_):
    X, w, yv, L, J = ridge(m, n)
    return eq(hess(J, w), 2 * (X.T * X + L * sp.eye(n)))


@both
def c1_19(m, n, **_):
    X, w, yv, L, J = ridge(m, n)
    return eq(grad(J, w), 2 * X.T * (X * w - yv) + L * w)


@both
def c1_20(m, n, **_):
    xv, cv = svec("x", n), rmat(n, 1)
    return eq(grad(xv.T * cv, xv), cv)


@both
def c1_21(m, n, **_):
    xv = svec("x", n)
    return eq(grad(xv.T * xv, xv), 2 * xv)


@both
def c1_22(m, n, **_):
    xv, cv = svec("x", n), rmat(n, 1)
    return eq(grad(sq(xv - cv), xv), 2 * (xv - cv))


@both
def c1_23(m, n, **_):
    bv, B, xv = rmat(m, 1), rmat(m, n), svec("x", n)
    return eq(grad(bv.T * B * xv, xv), B.T * bv)


@both
def c1_24(m, n, **_):
    bv, B, xv = rmat(m, 1), rmat(m, n), svec("x", n)
    return eq(grad(bv.T * B * xv, xv), B * bv)


@both
def c1_25(m, n, **_):
    B, xv = rmat(m, n), svec("x", n)
    return eq(grad(sq(B * xv), xv), 2 * B.T * B * xv)


add(F1, 9, 1, r"\frac{\partial (\mathbf a^\top \mathbf x)}{\partial \mathbf x} = \mathbf a", "correct", "denominator layout: column a", c1_1)
add(F1, 13, 1, r"\nabla_{\mathbf x}\, \mathbf x^\top A \mathbf x = (A + A^\top)\mathbf x", "correct", "A general n×n", c1_2)
add(F1, 15, 1, r"\nabla_{\mathbf x}\, \mathbf x^\top A \mathbf x = 2A\mathbf x", "correct", "prose: 若 A 是对称矩阵 (condition)", c1_3)
add(F1, 19, 1, r"\mathbf x^\top A \mathbf x = 2x_1^2 + x_1 x_2 + 3x_2^2", "correct", "algebra, no derivative (A of 例 1)", once(lambda: eq(f1, 2*x1**2 + x1*x2 + 3*x2**2)))
add(F1, 21, 1, r"\nabla f = \begin{bmatrix} 4x_1 + x_2 \\ x_1 + 6x_2 \end{bmatrix}", "correct", "f = 2x1²+x1x2+3x2²", once(lambda: eq(grad(f1, X12), sp.Matrix([4*x1 + x2, x1 + 6*x2]))))
add(F1, 21, 2, r"\begin{bmatrix} 4x_1 + x_2 \\ x_1 + 6x_2 \end{bmatrix} = (A + A^\top)\mathbf x", "correct", "A = [[2,1],[0,3]]", once(lambda: eq(sp.Matrix([4*x1 + x2, x1 + 6*x2]), (A1 + A1.T) * X12)))
add(F1, 23, 1, r"\nabla f = 2A\mathbf x", "MISTAKE", "A not symmetric; correct (A+A^T)x = [4x1+x2, x1+6x2]", once(lambda: eq(grad(f1, X12), 2 * A1 * X12)))
add(F1, 23, 2, r"2A\mathbf x = \begin{bmatrix} 4x_1 + 2x_2 \\ 6x_2 \end{bmatrix}", "correct", "algebra", once(lambda: eq(2 * A1 * X12, sp.Matrix([4*x1 + 2*x2, 6*x2]))))
add(F1, 29, 1, r"\|X\mathbf w - \mathbf y\|^2 = (X\mathbf w - \mathbf y)^\top (X\mathbf w - \mathbf y)", "correct", "algebra, no derivative (first link L(w)=… is a definition)", c1_9)
add(F1, 35, 1, r"\nabla_{\mathbf w} L = \nabla_{\mathbf w}(\mathbf w^\top X^\top X \mathbf w - 2\mathbf y^\top X\mathbf w + \mathbf y^\top \mathbf y)", "correct", "expansion", c1_10)
add(F1, 36, 2, r"\dots = 2X^\top X\mathbf w - 2X^\top \mathbf y", "correct", "", c1_11)
add(F1, 37, 3, r"\dots = 2X^\top (X\mathbf w - \mathbf y)", "correct", "", c1_12)
add(F1, 43, 1, r"\nabla_{\mathbf w} \|X\mathbf w - \mathbf y\|^2 = 2X(X\mathbf w - \mathbf y)", "MISTAKE", "shape mismatch (m×n times m); correct 2X^T(Xw-y)", c1_13)
add(F1, 47, 1, r"\nabla_{\mathbf w}\, \frac{1}{m}\|X\mathbf w - \mathbf y\|^2 = \frac{2}{m} X^\top (X\mathbf w - \mathbf y)", "correct", "", c1_14)
add(F1, 49, 1, r"\nabla_{\mathbf w}\, \tfrac12 \|X\mathbf w - \mathbf y\|^2 = X^\top (X\mathbf w - \mathbf y)", "correct", "", c1_15)
add(F1, 57, 1, r"\nabla_{\mathbf w} J = 2X^\top (X\mathbf w - \mathbf y) + 2\lambda \mathbf w", "correct", "J defined line 55", c1_16)
add(F1, 57, 2, r"\dots = 2\left[(X^\top X + \lambda I)\mathbf w - X^\top \mathbf y\right]", "correct", "", c1_17)
add(F1, 59, 1, r"\nabla^2_{\mathbf w} J = 2(X^\top X + \lambda I)", "correct", "", c1_18)
add(F1, 63, 1, r"\nabla g = 2X^\top (X\mathbf w - \mathbf y) + \lambda \mathbf w", "MISTAKE", "missing 2: correct ... + 2λw", c1_19)
add(F1, 75, 1, r"\frac{\partial\, \mathbf x^\top \mathbf c}{\partial \mathbf x} = \mathbf c", "correct", "", c1_20)
add(F1, 76, 1, r"\frac{\partial\, \mathbf x^\top \mathbf x}{\partial \mathbf x} = 2\mathbf x", "correct", "", c1_21)
add(F1, 77, 1, r"\frac{\partial}{\partial \mathbf x} \|\mathbf x - \mathbf c\|^2 = 2(\mathbf x - \mathbf c)", "correct", "`\\|` inside a GFM table cell", c1_22)
add(F1, 78, 1, r"\frac{\partial\, \mathbf b^\top B \mathbf x}{\partial \mathbf x} = B^\top \mathbf b", "correct", "B m×n, b in R^m", c1_23)
add(F1, 79, 1, r"\frac{\partial\, \mathbf b^\top B \mathbf x}{\partial \mathbf x} = B \mathbf b", "MISTAKE", "B instead of B^T (shape mismatch m≠n); correct B^T b", c1_24)
add(F1, 80, 1, r"\frac{\partial}{\partial \mathbf x}\|B\mathbf x\|^2 = 2B^\top B \mathbf x", "correct", "", c1_25)

# ---------------------------------------------------------------- file 2 (numerator layout)
F2 = "02_雅可比矩阵与链式法则.md"
XY = sp.Matrix([x, y])
JF = jac(sp.Matrix([x**2 * y, sp.sin(x)]), XY)
Juv = jac(sp.Matrix([sp.exp(x*y), x - y**2]), XY)
Jg = jac(sp.Matrix([s + t, s*t, s**2]), sp.Matrix([s, t]))
Jpol = jac(sp.Matrix([r*sp.cos(th), r*sp.sin(th)]), sp.Matrix([r, th]))
Jinv = jac(sp.Matrix([sp.sqrt(x**2 + y**2), sp.atan(y/x)]), XY)


@both
def c2_14(m, n, **_):  # dz/dx = dz/dy dy/dx, all numerator layout
    A, xv = rmat(m, n), svec("x", n)
    yv = A * xv
    zz = sq(yv)
    Y = svec("y", m)
    dz_dy = grad(sq(Y), Y).T.subs(dict(zip(Y, yv)))
    return eq(grad(zz, xv).T, dz_dy * jac(yv, xv))


@both
def c2_15(m, n, **_):
    A, xv = rmat(m, n), svec("x", n)
    yv = A * xv
    return eq(grad(sq(yv), xv).T, 2 * yv.T * A)


@both
def c2_16(m, n, **_):
    A, xv = rmat(m, n), svec("x", n)
    yv = A * xv
    return eq(2 * yv.T * A, 2 * xv.T * A.T * A)


@both
def c2_17(m, n, **_):
    A, xv = rmat(m, n), svec("x", n)
    return eq(grad(sq(A * xv), xv).T, 2 * A.T * A * xv)


@both
def c2_18(m, n, **_):
    xv = svec("x", n)
    return eq(jac(xv.applyfunc(sp.sin), xv), sp.diag(*[sp.cos(e) for e in xv]))


add(F2, 11, 1, r"\begin{bmatrix} \frac{\partial F_1}{\partial x} & \dots \end{bmatrix} = \begin{bmatrix} 2xy & x^2 \\ \cos x & 0 \end{bmatrix}", "correct", "F1=x²y, F2=sin x", once(lambda: eq(JF, sp.Matrix([[2*x*y, x**2], [sp.cos(x), 0]]))))
add(F2, 15, 1, r"\begin{bmatrix} \nabla F_1 \\ \nabla F_2 \end{bmatrix} = \begin{bmatrix} 2xy & x^2 \\ \cos x & 0 \end{bmatrix}", "correct", "gradients stacked as rows", once(lambda: eq(JF, sp.Matrix([[2*x*y, x**2], [sp.cos(x), 0]]))))
add(F2, 17, 1, r"\begin{bmatrix} \nabla F_1 \\ \nabla F_2 \end{bmatrix} = \begin{bmatrix} 2xy & \cos x \\ x^2 & 0 \end{bmatrix}", "MISTAKE", "transposed (denominator layout); correct [[2xy,x²],[cos x,0]]", once(lambda: eq(JF, sp.Matrix([[2*x*y, sp.cos(x)], [x**2, 0]]))))
add(F2, 21, 1, r"\frac{\partial (u, v)}{\partial (x, y)} = \begin{bmatrix} y e^{xy} & x e^{xy} \\ 1 & -2y \end{bmatrix}", "correct", "u=e^{xy}, v=x−y²", once(lambda: eq(Juv, sp.Matrix([[y*sp.exp(x*y), x*sp.exp(x*y)], [1, -2*y]]))))
add(F2, 23, 1, r"\frac{\partial (u, v)}{\partial (x, y)} = \begin{bmatrix} y e^{xy} & e^{xy} \\ 1 & -2y \end{bmatrix}", "MISTAKE", "entry (1,2) should be x e^{xy}", once(lambda: eq(Juv, sp.Matrix([[y*sp.exp(x*y), sp.exp(x*y)], [1, -2*y]]))))
add(F2, 27, 1, r"\frac{\partial (g_1, g_2, g_3)}{\partial (s, t)} = \begin{bmatrix} 1 & 1 \\ t & s \\ 2s & 0 \end{bmatrix}", "correct", "", once(lambda: eq(Jg, sp.Matrix([[1, 1], [t, s], [2*s, 0]]))))
add(F2, 33, 1, r"\frac{\partial (x, y)}{\partial (r, \theta)} = \begin{bmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{bmatrix}", "correct", "polar", once(lambda: eq(Jpol, sp.Matrix([[sp.cos(th), -r*sp.sin(th)], [sp.sin(th), r*sp.cos(th)]]))))
add(F2, 37, 1, r"\begin{vmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{vmatrix} = r\cos^2\theta + r\sin^2\theta", "correct", "determinant, no derivative", once(lambda: eq(Jpol.det(), r*sp.cos(th)**2 + r*sp.sin(th)**2)))
add(F2, 37, 2, r"r\cos^2\theta + r\sin^2\theta = r", "correct", "no derivative", once(lambda: eq(r*sp.cos(th)**2 + r*sp.sin(th)**2, r)))
add(F2, 39, 1, r"dx\,dy = r\,dr\,d\theta", "not-a-claim", "change of measure, not an identity of expressions", None)
add(F2, 39, 2, r"\begin{vmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{vmatrix} = r\cos^2\theta - r\sin^2\theta", "MISTAKE", "sign: det = r cos²θ + r sin²θ = r (no derivative)", once(lambda: eq(Jpol.det(), r*sp.cos(th)**2 - r*sp.sin(th)**2)))
add(F2, 39, 3, r"r\cos^2\theta - r\sin^2\theta = r\cos 2\theta", "correct", "algebra", once(lambda: eq(r*sp.cos(th)**2 - r*sp.sin(th)**2, r*sp.cos(2*th))))
add(F2, 43, 1, r"\frac{\partial (r, \theta)}{\partial (x, y)} = \begin{bmatrix} \frac{x}{\sqrt{x^2+y^2}} & \frac{y}{\sqrt{x^2+y^2}} \\ -\frac{y}{x^2+y^2} & \frac{x}{x^2+y^2} \end{bmatrix}", "correct", "r=√(x²+y²), θ=arctan(y/x)", once(lambda: eq(Jinv, sp.Matrix([[x/sp.sqrt(x**2+y**2), y/sp.sqrt(x**2+y**2)], [-y/(x**2+y**2), x/(x**2+y**2)]]))))
add(F2, 49, 1, r"\frac{\partial \mathbf z}{\partial \mathbf x} = \frac{\partial \mathbf z}{\partial \mathbf y}\,\frac{\partial \mathbf y}{\partial \mathbf x}", "correct", "generic chain rule, numerator layout (checked in 例 4's instance)", c2_14)
add(F2, 53, 1, r"\frac{\partial z}{\partial \mathbf x} = \frac{\partial z}{\partial \mathbf y}\,\frac{\partial \mathbf y}{\partial \mathbf x}", "correct", "y=Ax, z=yᵀy", c2_14)
add(F2, 53, 2, r"\frac{\partial z}{\partial \mathbf y}\,\frac{\partial \mathbf y}{\partial \mathbf x} = 2\mathbf y^\top A", "correct", "∂z/∂y = 2yᵀ, ∂y/∂x = A", c2_15)
add(F2, 53, 3, r"2\mathbf y^\top A = 2\mathbf x^\top A^\top A", "correct", "y = Ax", c2_16)
add(F2, 55, 1, r"\frac{\partial z}{\partial \mathbf x} = 2A^\top A\mathbf x", "MISTAKE", "column in numerator layout; correct 2xᵀAᵀA", c2_17)
add(F2, 57, 1, r"\frac{\partial \mathbf h}{\partial \mathbf x} = \operatorname{diag}(\cos \mathbf x)", "correct", "h = sin elementwise", c2_18)
J63 = jac(sp.Matrix([2*x + y, x - y]), XY)
J64 = jac(sp.Matrix([x*y, x/y]), XY)
J65 = jac(sp.Matrix([x**2 - y**2, 2*x*y]), XY)
add(F2, 63, 1, r"\frac{\partial (p, q)}{\partial (x, y)} = \begin{bmatrix} 2 & 1 \\ 1 & -1 \end{bmatrix}", "correct", "table row p=2x+y, q=x−y", once(lambda: eq(J63, sp.Matrix([[2, 1], [1, -1]]))))
add(F2, 63, 1, r"\begin{vmatrix} 2 & 1 \\ 1 & -1 \end{vmatrix} = -3", "correct", "no derivative", once(lambda: eq(J63.det(), -3)))
add(F2, 64, 1, r"\frac{\partial (p, q)}{\partial (x, y)} = \begin{bmatrix} y & x \\ \frac{1}{y} & -\frac{x}{y^2} \end{bmatrix}", "correct", "p=xy, q=x/y", once(lambda: eq(J64, sp.Matrix([[y, x], [1/y, -x/y**2]]))))
add(F2, 64, 1, r"\begin{vmatrix} y & x \\ \frac{1}{y} & -\frac{x}{y^2} \end{vmatrix} = -\frac{x}{y} + \frac{x}{y}", "MISTAKE", "det = −x/y − x/y = −2x/y (no derivative)", once(lambda: eq(J64.det(), -x/y + x/y)))
add(F2, 64, 2, r"-\frac{x}{y} + \frac{x}{y} = 0", "correct", "algebra", once(lambda: eq(-x/y + x/y, 0)))
add(F2, 65, 1, r"\frac{\partial (p, q)}{\partial (x, y)} = \begin{bmatrix} 2x & -2y \\ 2y & 2x \end{bmatrix}", "correct", "p=x²−y², q=2xy", once(lambda: eq(J65, sp.Matrix([[2*x, -2*y], [2*y, 2*x]]))))
add(F2, 65, 1, r"\begin{vmatrix} 2x & -2y \\ 2y & 2x \end{vmatrix} = 4(x^2 + y^2)", "correct", "no derivative", once(lambda: eq(J65.det(), 4*(x**2 + y**2))))

# ---------------------------------------------------------------- file 3 (denominator, column gradients)
F3 = "03_海森矩阵与逻辑回归.md"
f3 = x**3 + 2*x*y**2 - y
g3 = sp.exp(x) * sp.sin(y)
h3 = x**2 * y**3
q3 = x*y + y*z + z*x
XYZ = sp.Matrix([x, y, z])


@both
def c3_8(m, n, **_):
    A, bv, xv = rmat(n, n), rmat(n, 1), svec("x", n)
    phi_ = (xv.T * A * xv / 2 + bv.T * xv)[0, 0]
    return eq(hess(phi_, xv), (A + A.T) / 2)


@both
def c3_9(m, n, **_):
    A, bv, xv = rsym(n), rmat(n, 1), svec("x", n)
    phi_ = (xv.T * A * xv / 2 + bv.T * xv)[0, 0]
    return eq(grad(phi_, xv), A * xv + bv)


def ew(f, vec):
    return vec.applyfunc(f)


@both
def c3_11(m, n, **_):
    zv = svec("z", n)
    sz = ew(sig, zv)
    return eq(jac(sz, zv), sp.diag(*[e * (1 - e) for e in sz]))


@both
def c3_12(m, n, **_):
    zv, wv = svec("z", n), rmat(n, 1)
    return eq(jac(sp.matrix_multiply_elementwise(wv, zv), zv), sp.diag(*wv))


@both
def c3_13(m, n, **_):
    zv = svec("z", n)
    return eq(jac(sp.matrix_multiply_elementwise(zv, zv), zv), 2 * sp.diag(*zv))


@both
def c3_14(m, n, **_):
    zv, av, bv = svec("z", n), rmat(n, 1), rmat(n, 1)
    return eq(jac(sp.matrix_multiply_elementwise(av, zv) + bv, zv), sp.diag(*av))


@both
def c3_15(m, n, **_):
    zv = svec("z", n)
    return eq(jac(ew(sp.tanh, zv), zv), sp.diag(*[1 - sp.tanh(e)**2 for e in zv]))


@both
def c3_16(m, n, **_):
    zv = svec("z", n)
    return eq(grad(sum(e * e for e in zv), zv), 2 * zv)


@both
def c3_17(m, n, **_):
    zv = svec("z", n)
    return eq(grad(sum(sp.exp(e) for e in zv), zv), ew(sp.exp, zv))


@both
def c3_18(m, n, **_):
    zv = svec("z", n)
    return eq(jac(sp.matrix_multiply_elementwise(zv, zv), zv), 2 * zv)


def logreg(m, n):
    X, wv = rmat(m, n), svec("w", n)
    yv = sp.Matrix(m, 1, lambda i, j: rng.randint(0, 1))
    pv = ew(sig, X * wv)
    ell = -sum(yv[i] * sp.log(pv[i]) + (1 - yv[i]) * sp.log(1 - pv[i]) for i in range(m))
    return X, wv, yv, pv, ell


@both
def c3_19(m, n, **_):
    X, wv, yv, pv, ell = logreg(m, n)
    return eq(grad(ell, wv), X.T * (pv - yv))


@both
def c3_20(m, n, **_):
    X, wv, yv, pv, ell = logreg(m, n)
    return eq(hess(ell, wv), X.T * sp.diag(*[e * (1 - e) for e in pv]) * X)


@both
def c3_21(m, n, **_):
    X, wv, yv, pv, ell = logreg(m, n)
    return eq(grad(ell, wv), X * (pv - yv))


@both
def c3_23(m, n, **_):
    wv, xv = svec("w", n), rmat(n, 1)
    return eq(grad((wv.T * xv)[0, 0], wv), xv)


@both
def c3_24(m, n, **_):
    wv, xv = svec("w", n), rmat(n, 1)
    yy = rng.randint(0, 1)
    zz = (wv.T * xv)[0, 0]
    li = -yy * sp.log(sig(zz)) - (1 - yy) * sp.log(1 - sig(zz))
    return eq(grad(li, wv), (sig(zz) - yy) * xv)


add(F3, 9, 1, r"\nabla f = \begin{bmatrix} 3x^2 + 2y^2 \\ 4xy - 1 \end{bmatrix}", "correct", "", once(lambda: eq(grad(f3, XY), sp.Matrix([3*x**2 + 2*y**2, 4*x*y - 1]))))
add(F3, 9, 1, r"\nabla^2 f = \begin{bmatrix} 6x & 4y \\ 4y & 4x \end{bmatrix}", "correct", "", once(lambda: eq(hess(f3, XY), sp.Matrix([[6*x, 4*y], [4*y, 4*x]]))))
add(F3, 13, 1, r"g_x = e^x\sin y", "correct", "subscript partial of g = e^x sin y", once(lambda: eq(sp.diff(g3, x), sp.exp(x)*sp.sin(y))))
add(F3, 13, 1, r"g_y = e^x\cos y", "correct", "", once(lambda: eq(sp.diff(g3, y), sp.exp(x)*sp.cos(y))))
add(F3, 15, 1, r"H_g = \begin{bmatrix} e^x \sin y & e^x \cos y \\ e^x \cos y & -e^x \sin y \end{bmatrix}", "correct", "Hessian of g (H_g notation)", once(lambda: eq(hess(g3, XY), sp.Matrix([[g3, sp.exp(x)*sp.cos(y)], [sp.exp(x)*sp.cos(y), -g3]]))))
add(F3, 19, 1, r"\nabla^2 h = \begin{bmatrix} 2y^3 & 6xy^2 \\ 6xy^2 & 3x^2 y \end{bmatrix}", "MISTAKE", "entry (2,2) should be 6x²y", once(lambda: eq(hess(h3, XY), sp.Matrix([[2*y**3, 6*x*y**2], [6*x*y**2, 3*x**2*y]]))))
add(F3, 23, 1, r"\nabla^2 q = \begin{bmatrix} 0 & 1 & 1 \\ 1 & 0 & 1 \\ 1 & 1 & 0 \end{bmatrix}", "correct", "", once(lambda: eq(hess(q3, XYZ), sp.Matrix([[0, 1, 1], [1, 0, 1], [1, 1, 0]]))))
add(F3, 27, 1, r"\nabla^2_{\mathbf x}\, \phi = \tfrac12 (A + A^\top)", "correct", "", c3_8)
add(F3, 29, 1, r"\nabla \phi = A\mathbf x + \mathbf b", "correct", "prose: 当 A 对称时", c3_9)
add(F3, 33, 1, r"\sigma'(t) = \sigma(t)\,(1 - \sigma(t))", "correct", "", once(lambda: eq(sp.diff(sig(t), t), sig(t)*(1 - sig(t)))))
add(F3, 37, 1, r"\frac{\partial \sigma(\mathbf z)}{\partial \mathbf z} = \operatorname{diag}(\sigma(\mathbf z) \odot (1 - \sigma(\mathbf z)))", "correct", "", c3_11)
add(F3, 38, 1, r"\frac{\partial (\mathbf w \odot \mathbf z)}{\partial \mathbf z} = \operatorname{diag}(\mathbf w)", "correct", "", c3_12)
add(F3, 39, 1, r"\frac{\partial (\mathbf z \odot \mathbf z)}{\partial \mathbf z} = 2\operatorname{diag}(\mathbf z)", "correct", "", c3_13)
add(F3, 40, 1, r"\frac{\partial (\mathbf a \odot \mathbf z + \mathbf b)}{\partial \mathbf z} = \operatorname{diag}(\mathbf a)", "correct", "", c3_14)
add(F3, 41, 1, r"\frac{\partial \tanh(\mathbf z)}{\partial \mathbf z} = \operatorname{diag}(1 - \tanh^2 \mathbf z)", "correct", "", c3_15)
add(F3, 43, 1, r"\nabla_{\mathbf z}\, \mathbf 1^\top (\mathbf z \odot \mathbf z) = 2\mathbf z", "correct", "", c3_16)
add(F3, 43, 1, r"\nabla_{\mathbf z} \sum_{i=1}^n e^{z_i} = \exp(\mathbf z)", "correct", "", c3_17)
add(F3, 45, 1, r"\frac{\partial (\mathbf z \odot \mathbf z)}{\partial \mathbf z} = 2\mathbf z", "MISTAKE", "Jacobian is n×n: 2 diag(z)", c3_18)
add(F3, 55, 1, r"\nabla_{\mathbf w}\, \ell = X^\top (\mathbf p - \mathbf y)", "correct", "p = σ(Xw), ℓ the NLL (line 51)", c3_19)
add(F3, 55, 1, r"\nabla^2_{\mathbf w}\, \ell = X^\top \operatorname{diag}(\mathbf p \odot (1 - \mathbf p)) X", "correct", "", c3_20)
add(F3, 57, 1, r"\nabla_{\mathbf w}\, \ell = X(\mathbf p - \mathbf y)", "MISTAKE", "shape mismatch; correct Xᵀ(p−y)", c3_21)
add(F3, 61, 1, r"\frac{d}{dz}[-y\log\sigma(z) - (1 - y)\log(1 - \sigma(z))] = \sigma(z) - y", "correct", "", once(lambda: eq(sp.diff(-y*sp.log(sig(z)) - (1 - y)*sp.log(1 - sig(z)), z), sig(z) - y)))
add(F3, 63, 1, r"\frac{\partial z}{\partial \mathbf w} = \mathbf x", "correct", "z = wᵀx (令 … line 59), denominator layout", c3_23)
add(F3, 63, 1, r"\nabla_{\mathbf w}[-y\log\sigma(\mathbf w^\top\mathbf x) - \dots] = (\sigma(\mathbf w^\top \mathbf x) - y)\,\mathbf x", "correct", "", c3_24)
add(F3, 65, 1, r"\frac{d}{dz}\log\sigma(z) = \sigma(z)", "MISTAKE", "correct 1 − σ(z)", once(lambda: eq(sp.diff(sp.log(sig(z)), z), sig(z))))
add(F3, 69, 1, r"\nabla_{\mathbf w}\, \ell = X^\top (\mathbf p - \mathbf y)", "correct", "table", c3_19)
add(F3, 70, 1, r"\nabla^2_{\mathbf w}\, \ell = X^\top S X", "correct", "S = diag(p⊙(1−p)) defined after 其中", c3_20)

# ---------------------------------------------------------------- file 4 (denominator layout, matrices)
F4 = "04_trace_logdet.md"


def tr(M):
    return M.trace()


@both
def c4_1(m, n, **_):
    A, X = rmat(n, m), smat("X", m, n)
    return eq(tr(A * X), sum(A[j, i] * X[i, j] for i in range(m) for j in range(n)))


@both
def c4_2(m, n, **_):
    A, X = rmat(n, m), smat("X", m, n)
    return eq(dmat(tr(A * X), X), A.T)


@both
def c4_3(m, n, **_):
    A, X = rmat(n, m), smat("X", m, n)
    return eq(dmat(tr(X * A), X), A.T)


@both
def c4_4(m, n, **_):
    A, X = rmat(n, m), smat("X", m, n)
    return eq(dmat(tr(A * X), X), A)


@both
def c4_5(m, n, **_):
    X = smat("X", m, n)
    return eq(dmat(tr(X.T * X), X), 2 * X)


@both
def c4_6(m, n, **_):
    X = smat("X", m, n)
    return eq(dmat(sum(e**2 for e in X), X), 2 * X)


@both
def c4_7(m, n, **_):
    B, X = rmat(m, m), smat("X", m, n)
    return eq(dmat(tr(X.T * B * X), X), (B + B.T) * X)


@both
def c4_8(m, n, p, **_):
    C, D, X = rmat(p, m), rmat(n, p), smat("X", m, n)
    return eq(dmat(tr(C * X * D), X), C.T * D.T)


@both
def c4_9(m, n, **_):
    Y = smat("Y", n, n)
    return eq(dmat(tr(Y * Y), Y), 2 * Y)


@both
def c4_10(m, n, k, **_):
    E, Fm, X = rmat(k, m), rmat(k, n), smat("X", m, n)
    R = E * X - Fm
    return eq(dmat(sum(e**2 for e in R), X), 2 * E.T * R)


def sqY(n):  # a generic square matrix with positive determinant at the sample points
    Y = smat("Y", n, n)
    return Y + 3 * n * sp.eye(n), Y  # diagonal shifted so det > 0 in (0.1,1.9)


@both
def c4_11(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(sp.log(Yf.det()), Y), Yf.inv().T)


@both
def c4_12(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(Yf.det(), Y), Yf.det() * Yf.inv().T)


@both
def c4_13(m, n, **_):  # symmetric Y: Y^{-T} = Y^{-1}
    nn = min(n, 3)
    Y0 = rsym(nn) + 10 * nn * sp.eye(nn)
    Yf, Y = sqY(nn)
    G = dmat(sp.log(Yf.det()), Y).subs(dict(zip(list(Y), list(Y0 - 3 * nn * sp.eye(nn)))))
    return eq(G, Y0.inv())


Ya = sp.Matrix([[a, b], [c, d]])


@both
def c4_16(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(sp.log(Yf.inv().det()), Y), -Yf.inv().T)


@both
def c4_17(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(sp.log(Yf.inv().det()), Y), Yf.inv().T)


@both
def c4_18(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(tr(Yf.inv()), Y), -Yf.inv().T * Yf.inv().T)


@both
def c4_19(m, n, **_):
    xv = svec("x", n)
    return eq(grad(sq(xv), xv), 2 * xv)


@both
def c4_20(m, n, **_):
    M, xv = rmat(m, n), svec("x", n)
    return eq(jac(M * xv, xv).T, M.T)  # denominator layout = transposed Jacobian


@both
def c4_21(m, n, **_):
    M, xv, bv = rmat(m, n), svec("x", n), rmat(m, 1)
    R = M * xv - bv
    return eq(grad(sp.sqrt(sq(R)), xv), M.T * R / sp.sqrt(sq(R)))


@both
def c4_22(m, n, **_):
    M, xv = rmat(m, n), svec("x", n)
    return eq(grad(xv.T * M.T * M * xv, xv), 2 * M * M.T * xv)


@both
def c4_23(m, n, **_):
    M, xv, bv = rmat(m, n), svec("x", n), rmat(m, 1)
    return eq(grad(bv.T * M * xv, xv), M.T * bv)


@both
def c4_24(m, n, **_):
    A, X = rmat(n, m), smat("X", m, n)
    return eq(dmat(tr(X.T * A.T), X), A.T)


@both
def c4_25(m, n, **_):
    M, xv, bv = rmat(m, n), svec("x", n), rmat(m, 1)
    return eq(grad(xv.T * M.T * bv, xv), M.T * bv)


add(F4, 10, 1, r"\operatorname{tr}(AX) = \sum_{i,j} A_{ji}X_{ij}", "correct", "algebra, no derivative", c4_1)
add(F4, 12, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(AX) = A^\top", "correct", "denominator: shape of X (m×n)", c4_2)
add(F4, 14, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(XA) = A^\top", "correct", "", c4_3)
add(F4, 16, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(AX) = A", "MISTAKE", "numerator-layout answer in a denominator doc; correct Aᵀ", c4_4)
add(F4, 20, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top X) = 2X", "correct", "", c4_5)
add(F4, 20, 1, r"\frac{\partial}{\partial X}\|X\|_F^2 = 2X", "correct", "", c4_6)
add(F4, 24, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top B X) = (B + B^\top)X", "correct", "B m×m", c4_7)
add(F4, 28, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(CXD) = C^\top D^\top", "correct", "C p×m, D n×p", c4_8)
add(F4, 31, 1, r"\frac{\partial}{\partial Y}\operatorname{tr}(Y^2) = 2Y", "MISTAKE", "the prose itself calls it wrong; correct 2Yᵀ", c4_9)
add(F4, 35, 1, r"\frac{\partial}{\partial X}\|EX - F\|_F^2 = 2E^\top(EX - F)", "correct", "", c4_10)
add(F4, 41, 1, r"\frac{\partial}{\partial Y}\log\det Y = Y^{-\top}", "correct", "", c4_11)
add(F4, 41, 1, r"\frac{\partial \det Y}{\partial Y} = \det(Y)\, Y^{-\top}", "correct", "", c4_12)
add(F4, 43, 1, r"\frac{\partial}{\partial Y}\log\det Y = Y^{-1}", "correct", "prose: 'When Y is symmetric positive definite' (Y^{-T} = Y^{-1})", c4_13)
add(F4, 46, 1, r"\log\det Y = \log(ad - bc)", "correct", "no derivative", once(lambda: eq(sp.log(Ya.det()), sp.log(a*d - b*c))))
add(F4, 48, 1, r"\begin{bmatrix} \frac{\partial}{\partial a}\log(ad-bc) & \dots & \frac{\partial}{\partial d}\log(ad-bc) \end{bmatrix} = \frac{1}{ad-bc}\begin{bmatrix} d & -c \\ -b & a \end{bmatrix}", "correct", "entrywise gradient = Y^{-T}", once(lambda: eq(dmat(sp.log(Ya.det()), Ya), sp.Matrix([[d, -c], [-b, a]]) / (a*d - b*c))))
add(F4, 52, 1, r"\frac{\partial}{\partial Y}\log\det(Y^{-1}) = -Y^{-\top}", "correct", "", c4_16)
add(F4, 53, 1, r"\frac{\partial}{\partial Y}\log\det(Y^{-1}) = Y^{-\top}", "MISTAKE", "sign; correct −Y^{-T}", c4_17)
add(F4, 55, 1, r"\frac{\partial}{\partial Y}\operatorname{tr}(Y^{-1}) = -Y^{-\top}Y^{-\top}", "correct", "", c4_18)
add(F4, 61, 1, r"\frac{\partial\, \mathbf{x}^\top \mathbf{x}}{\partial \mathbf{x}} = 2\mathbf{x}", "correct", "", c4_19)
add(F4, 62, 1, r"\frac{\partial M\mathbf{x}}{\partial \mathbf{x}} = M^\top", "correct", "denominator layout", c4_20)
add(F4, 63, 1, r"\frac{\partial}{\partial \mathbf{x}}\|M\mathbf{x} - \mathbf{b}\|_2 = \frac{M^\top(M\mathbf{x} - \mathbf{b})}{\|M\mathbf{x} - \mathbf{b}\|_2}", "correct", "", c4_21)
add(F4, 64, 1, r"\frac{\partial}{\partial \mathbf{x}}\, \mathbf{x}^\top M^\top M \mathbf{x} = 2MM^\top\mathbf{x}", "MISTAKE", "correct 2MᵀMx (shape mismatch m≠n)", c4_22)
add(F4, 65, 1, r"\frac{\partial}{\partial \mathbf{x}}\, \mathbf{b}^\top M \mathbf{x} = M^\top \mathbf{b}", "correct", "", c4_23)
add(F4, 69, 1, r"\frac{\partial}{\partial X}\operatorname{tr}(X^\top A^\top) = A^\top", "correct", "A n×m, X m×n", c4_24)
add(F4, 70, 1, r"\frac{\partial}{\partial \mathbf{x}}(\mathbf{x}^\top M^\top \mathbf{b}) = M^\top \mathbf{b}", "correct", "", c4_25)

# ---------------------------------------------------------------- file 5 (numerator Jacobians, column gradients)
F5 = "05_layers.tex"


@both
def c5_1(m, n, **_):
    W, xv, bv = rmat(m, n), svec("x", n), rmat(m, 1)
    return eq(jac(W * xv + bv, xv), W)


@both
def c5_2(m, n, **_):
    W, xv, bv = rmat(m, n), rmat(n, 1), svec("b", m)
    return eq(jac(W * xv + bv, bv), sp.eye(m))


X3 = svec("x", 3)
f5 = sp.Matrix([X3[0] * X3[1], X3[0] + X3[2]**2])


@both
def c5_4(m, n, **_):
    A, xv = rmat(n, n), svec("x", n)
    return eq(grad(xv.T * A * xv, xv).T, xv.T * (A + A.T))


@both
def c5_5(m, n, **_):
    A, xv = rsym(n), svec("x", n)
    return eq(xv.T * (A + A.T), 2 * xv.T * A)


@both
def c5_6(m, n, **_):
    A, xv = rmat(n, n), svec("x", n)
    return eq(grad(xv.T * A * xv, xv), (A + A.T) * xv)


@both
def c5_7(m, n, **_):
    A, xv = rmat(n, n), svec("x", n)
    return eq(grad(xv.T * A * xv, xv), xv.T * (A + A.T))


@both
def c5_8(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv), w).T, 2 * (X * w - yv).T * X)


@both
def c5_9(m, n, **_):
    X, w, yv = lsq(m, n)
    L = rq() ** 2
    return eq(grad(sq(X * w - yv) + L * sq(w), w).T, 2 * (X * w - yv).T * X + 2 * L * w.T)


@both
def c5_10(m, n, **_):
    X, w, yv = lsq(m, n)
    return eq(grad(sq(X * w - yv), w).T, (X * w - yv).T * X)


@both
def c5_11(m, n, **_):  # numerator layout: d tr(AX)/dX = (shape-of-X gradient)^T
    A, X = rmat(n, m), smat("X", m, n)
    return eq(dmat(tr(A * X), X).T, A)


@both
def c5_12(m, n, **_):
    Yf, Y = sqY(min(n, 3))
    return eq(dmat(sp.log(Yf.det()), Y).T.subs({}), Yf.inv())


G5 = jac(sp.Matrix([u*sp.cos(v), u*sp.sin(v), u**2]), sp.Matrix([u, v]))
x1_, x2_ = sp.symbols("x1 x2", real=True)
f5b = sp.log(sp.exp(x1_) + sp.exp(x2_))
X2 = sp.Matrix([x1_, x2_])
Ssum = sp.exp(x1_) + sp.exp(x2_)
H5 = sp.exp(x1_ + x2_) / Ssum**2 * sp.Matrix([[1, -1], [-1, 1]])


def backprop(m, n):
    W, xv, bv, yv = rmat(m, n), svec("x", n), rmat(m, 1), rmat(m, 1)
    zv = W * xv + bv
    hv = ew(sp.tanh, zv)  # σ = tanh as a concrete activation
    L = sq(hv - yv) / 2
    return W, xv, zv, hv, yv, L


@both
def c5_18(m, n, **_):
    W, bv, yv = rmat(m, n), rmat(m, 1), rmat(m, 1)
    Z = svec("z", m)
    hv = ew(sp.tanh, Z)
    L = sq(hv - yv) / 2
    return eq(grad(L, Z).T, (hv - yv).T * sp.diag(*[1 - sp.tanh(e)**2 for e in Z]))


@both
def c5_19(m, n, **_):
    W, xv, zv, hv, yv, L = backprop(m, n)
    return eq(grad(L, xv).T, (hv - yv).T * sp.diag(*[1 - sp.tanh(e)**2 for e in zv]) * W)


@both
def c5_20(m, n, **_):
    zv = svec("z", n)
    return eq(jac(ew(sp.tanh, zv), zv), sp.diag(*[1 - sp.tanh(e) * sp.tanh(e) for e in zv]))


add(F5, 24, 1, r"\nabla f = \left(\frac{\partial f}{\partial \mathbf{x}}\right)^\top", "not-a-claim", "definition of the gradient convention", None)
add(F5, 30, 1, r"\frac{\partial \mathbf{z}}{\partial \mathbf{x}} = W", "correct", "z = Wx + b, numerator", c5_1)
add(F5, 31, 1, r"\frac{\partial \mathbf{z}}{\partial \mathbf{b}} = I_m", "correct", "", c5_2)
add(F5, 37, 1, r"\frac{\partial \mathbf f}{\partial \mathbf{x}} = \begin{bmatrix} x_2 & x_1 & 0 \\ 1 & 0 & 2x_3 \end{bmatrix}", "correct", "x ∈ R^3 declared (\\vx \\in \\R^3)", once(lambda: eq(jac(f5, X3), sp.Matrix([[X3[1], X3[0], 0], [1, 0, 2*X3[2]]]))))
add(F5, 44, 1, r"\frac{\partial}{\partial \mathbf{x}}(\mathbf{x}^\top A \mathbf{x}) = \mathbf{x}^\top (A + A^\top)", "correct", "row (numerator)", c5_4)
add(F5, 45, 2, r"\mathbf{x}^\top (A + A^\top) = 2\mathbf{x}^\top A \qquad \text{if } A = A^\top", "correct", "condition stated inline: \\text{if } A = A^\\top", c5_5)
add(F5, 47, 1, r"\nabla_{\mathbf{x}}(\mathbf{x}^\top A \mathbf{x}) = (A + A^\top)\mathbf{x}", "correct", "gradients are columns (line 22–24)", c5_6)
add(F5, 48, 1, r"\nabla_{\mathbf{x}}(\mathbf{x}^\top A \mathbf{x}) = \mathbf{x}^\top (A + A^\top)", "MISTAKE", "row gradient where columns are declared; correct (A+Aᵀ)x", c5_7)
add(F5, 55, 1, r"\frac{\partial}{\partial \mathbf{w}}\|X\mathbf{w} - \mathbf{y}\|^2 = 2(X\mathbf{w} - \mathbf{y})^\top X", "correct", "", c5_8)
add(F5, 56, 1, r"\frac{\partial}{\partial \mathbf{w}}(\|X\mathbf{w} - \mathbf{y}\|^2 + \lambda\|\mathbf{w}\|^2) = 2(X\mathbf{w} - \mathbf{y})^\top X + 2\lambda\mathbf{w}^\top", "correct", "", c5_9)
add(F5, 59, 1, r"\frac{\partial}{\partial \mathbf{w}}\|X\mathbf{w} - \mathbf{y}\|^2 = (X\mathbf{w} - \mathbf{y})^\top X", "MISTAKE", "missing 2", c5_10)
add(F5, 63, 1, r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A", "correct", "numerator layout, generic A, X (names reused from above: A n×n, X m×n)", c5_11)
add(F5, 63, 1, r"\frac{\partial \log\det X}{\partial X} = X^{-1}", "correct", "numerator layout, generic square X", c5_12)
add(F5, 71, 1, r"\frac{\partial \mathbf g}{\partial (u, v)} = \begin{bmatrix} \cos v & -u\sin v \\ \sin v & u\cos v \\ 2u & 0 \end{bmatrix}", "correct", "", once(lambda: eq(G5, sp.Matrix([[sp.cos(v), -u*sp.sin(v)], [sp.sin(v), u*sp.cos(v)], [2*u, 0]]))))
add(F5, 75, 1, r"\frac{\partial \mathbf g}{\partial (u, v)} = \begin{bmatrix} \cos v & \sin v & 2u \\ -u\sin v & u\cos v & 0 \end{bmatrix}", "MISTAKE", "transposed (denominator layout)", once(lambda: eq(G5, G5.T)))
add(F5, 84, 1, r"\nabla f = \frac{1}{e^{x_1} + e^{x_2}} \begin{bmatrix} e^{x_1} \\ e^{x_2} \end{bmatrix}", "correct", "f = log(e^{x1}+e^{x2}); column gradient", once(lambda: eq(grad(f5b, X2), X2.applyfunc(sp.exp) / Ssum)))
add(F5, 85, 1, r"\nabla^2 f = \frac{e^{x_1 + x_2}}{(e^{x_1} + e^{x_2})^2} \begin{bmatrix} 1 & -1 \\ -1 & 1 \end{bmatrix}", "correct", "", once(lambda: eq(hess(f5b, X2), H5)))
add(F5, 87, 1, r"\det \nabla^2 f = 0", "correct", "", once(lambda: eq(hess(f5b, X2).det(), 0)))
add(F5, 93, 1, r"\frac{\partial L}{\partial \mathbf{z}} = (\mathbf h - \mathbf{y})^\top \operatorname{diag}(\sigma'(\mathbf{z}))", "correct", "generic σ; checked with σ = tanh", c5_18)
add(F5, 94, 1, r"\frac{\partial L}{\partial \mathbf{x}} = (\mathbf h - \mathbf{y})^\top \operatorname{diag}(\sigma'(\mathbf{z}))\, W", "correct", "generic σ; checked with σ = tanh", c5_19)
add(F5, 97, 1, r"\frac{\partial}{\partial \mathbf{z}}\tanh(\mathbf{z}) = \operatorname{diag}(1 - \tanh(\mathbf{z})\odot\tanh(\mathbf{z}))", "correct", "", c5_20)

# ---------------------------------------------------------------- file 6 (numerator Jacobians, column gradients)
F6 = "06_optimisation.rst"


@both
def c6_1(m, n, **_):
    bv, xv = rmat(n, 1), svec("x", n)
    return eq(grad(bv.T * xv, xv).T, bv.T)


@both
def c6_2(m, n, **_):
    bv, xv = rmat(n, 1), svec("x", n)
    return eq(grad(bv.T * xv, xv), bv)


@both
def c6_3(m, n, **_):
    xv = svec("x", n)
    return eq(grad(sq(xv), xv), 2 * xv.T)


def quad(n):
    Q, cv, xv = rsym(n), rmat(n, 1), svec("x", n)
    return Q, cv, xv, (xv.T * Q * xv / 2 - cv.T * xv)[0, 0]


@both
def c6_4(m, n, **_):
    Q, cv, xv, f = quad(n)
    return eq(grad(f, xv), Q * xv - cv)


@both
def c6_5(m, n, **_):
    Q, cv, xv, f = quad(n)
    return eq(hess(f, xv), Q)


g6 = x**2 + 3*x*y + y**3
J6 = jac(sp.Matrix([x*y, x**2 - y**2]), XY)
Jcyl = jac(sp.Matrix([rho*sp.cos(phi), rho*sp.sin(phi), h]), sp.Matrix([rho, phi, h]))


@both
def c6_16(m, n, K, **_):
    Z = svec("z", K)
    E = Z.applyfunc(sp.exp)
    sv = E / sum(E)
    return eq(jac(sv, Z), sp.diag(*sv) - sv * sv.T)


@both
def c6_17(m, n, K, **_):
    Z = svec("z", K)
    E = Z.applyfunc(sp.exp)
    sv = E / sum(E)
    yv = sp.zeros(K, 1)
    yv[rng.randrange(K)] = 1  # one-hot
    L = -sum(yv[i] * sp.log(sv[i]) for i in range(K))
    return eq(grad(L, Z), sv - yv)


z1, z2 = sp.symbols("z1 z2", real=True)
sm = sp.exp(z1) / (sp.exp(z1) + sp.exp(z2))

add(F6, 12, 1, r"\frac{\partial}{\partial \mathbf{x}} \mathbf{b}^\top \mathbf{x} = \mathbf{b}^\top", "correct", "numerator: row", c6_1)
add(F6, 13, 1, r"\nabla_{\mathbf{x}}\, \mathbf{b}^\top \mathbf{x} = \mathbf{b}", "correct", "gradient column", c6_2)
add(F6, 15, 1, r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = 2\mathbf{x}^\top", "MISTAKE", "row gradient; gradients declared columns: 2x", c6_3)
add(F6, 23, 1, r"\nabla f(\mathbf{x}) = Q\mathbf{x} - \mathbf{c}", "correct", "Q declared symmetric (line 18: 'be symmetric')", c6_4)
add(F6, 23, 1, r"\nabla^2 f(\mathbf{x}) = Q", "correct", "", c6_5)
add(F6, 25, 1, r"\mathbf{x}_{k+1} = \mathbf{x}_k - [\nabla^2 f]^{-1} \nabla f", "not-a-claim", "definition of the Newton iterate", None)
add(F6, 36, 1, r"\nabla g = \begin{bmatrix} 2x + 3y \\ 3x + 3y^2 \end{bmatrix}", "correct", "", once(lambda: eq(grad(g6, XY), sp.Matrix([2*x + 3*y, 3*x + 3*y**2]))))
add(F6, 40, 1, r"\nabla^2 g = \begin{bmatrix} 2 & 3 \\ 3 & 6y \end{bmatrix}", "correct", "", once(lambda: eq(hess(g6, XY), sp.Matrix([[2, 3], [3, 6*y]]))))
add(F6, 42, 1, r"\det \nabla^2 g = 12y - 9", "correct", "", once(lambda: eq(hess(g6, XY).det(), 12*y - 9)))
add(F6, 46, 1, r"\frac{\partial g}{\partial y} = 3x + 3y^2", "correct", "", once(lambda: eq(sp.diff(g6, y), 3*x + 3*y**2)))
add(F6, 53, 1, r"\frac{d}{dt}(\cos^2 t + 3\cos t\sin t + \sin^3 t) = -2\cos t\sin t + 3\cos^2 t - 3\sin^2 t + 3\sin^2 t\cos t", "correct", "", once(lambda: eq(sp.diff(sp.cos(t)**2 + 3*sp.cos(t)*sp.sin(t) + sp.sin(t)**3, t), -2*sp.cos(t)*sp.sin(t) + 3*sp.cos(t)**2 - 3*sp.sin(t)**2 + 3*sp.sin(t)**2*sp.cos(t))))
add(F6, 63, 1, r"\frac{\partial (u, v)}{\partial (x, y)} = \begin{bmatrix} y & x \\ 2x & -2y \end{bmatrix}", "correct", "u=xy, v=x²−y²", once(lambda: eq(J6, sp.Matrix([[y, x], [2*x, -2*y]]))))
add(F6, 67, 1, r"\det \begin{bmatrix} y & x \\ 2x & -2y \end{bmatrix} = -2y^2 - 2x^2", "correct", "no derivative", once(lambda: eq(J6.det(), -2*y**2 - 2*x**2)))
add(F6, 67, 2, r"-2y^2 - 2x^2 = 2(x^2 + y^2)", "MISTAKE", "sign: −2(x²+y²) (no derivative)", once(lambda: eq(-2*y**2 - 2*x**2, 2*(x**2 + y**2))))
add(F6, 79, 1, r"\frac{\partial (x, y, z)}{\partial (\rho, \varphi, h)} = \begin{bmatrix} \cos\varphi & -\rho\sin\varphi & 0 \\ \dots \end{bmatrix}", "correct", "cylindrical", once(lambda: eq(Jcyl, sp.Matrix([[sp.cos(phi), -rho*sp.sin(phi), 0], [sp.sin(phi), rho*sp.cos(phi), 0], [0, 0, 1]]))))
add(F6, 89, 1, r"\begin{vmatrix} \cos\varphi & -\rho\sin\varphi & 0 \\ \dots \end{vmatrix} = \rho", "correct", "no derivative", once(lambda: eq(Jcyl.det(), rho)))
add(F6, 95, 1, r"\frac{\partial \mathbf{s}}{\partial \mathbf{z}} = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^\top", "correct", "", c6_16)
add(F6, 97, 1, r"\nabla_{\mathbf{z}} L = \mathbf{s} - \mathbf{y}", "correct", "prose: one-hot y (1ᵀy = 1)", c6_17)
add(F6, 99, 1, r"\frac{\partial}{\partial z_1} \frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \frac{e^{z_1 + z_2}}{(e^{z_1} + e^{z_2})^2}", "correct", "", once(lambda: eq(sp.diff(sm, z1), sp.exp(z1 + z2) / (sp.exp(z1) + sp.exp(z2))**2)))
add(F6, 100, 1, r"\frac{\partial}{\partial z_2} \frac{e^{z_1}}{e^{z_1} + e^{z_2}} = \frac{e^{z_1 + z_2}}{(e^{z_1} + e^{z_2})^2}", "MISTAKE", "sign: −e^{z1+z2}/(…)²", once(lambda: eq(sp.diff(sm, z2), sp.exp(z1 + z2) / (sp.exp(z1) + sp.exp(z2))**2)))


if __name__ == "__main__":
    import json
    bad = 0
    out = []
    for (i, f, line, step, latex, label, why, check) in S:
        if check is None:
            got = "not-a-claim"
        else:
            got = "correct" if check() else "MISTAKE"
        ok = got == label
        bad += not ok
        print(f"{i:3d} {f}:{line} step {step}: label={label} sympy={got} {'' if ok else '  <<< DISAGREE'}")
        out.append(dict(id=i, file=f, line=line, step=step, latex=latex, label=label, why=why))
    json.dump(out, open("labels.json", "w"), ensure_ascii=False, indent=1)
    print("disagreements:", bad, "steps:", len(S))

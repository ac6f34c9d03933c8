"""Check every label of the vector_calc probe set with SymPy.

Each row: id, file, anchor (a substring of the line where the step's right-hand member starts;
for the notebook, of the decoded JSON string on that line), step, latex, label, why, check.
`check` is a function returning True when the label is confirmed:
  correct     -> the relation holds (symbolically, else at random points)
  MISTAKE     -> the relation fails (and the `why` column names the correct value, also checked)
  not-a-claim -> a definition / equation / condition: checked to be what it is (a definition that
                 agrees with SymPy on an instance, or an equation that is NOT an identity).
Writes labels.md and labels_base.json.  Prints how many checks ran and how many disagree.
"""
import json, random, sys
import sympy as sp

random.seed(7)
HERE = str(__import__("pathlib").Path(__file__).resolve().parent) + "/"

x, y, z, t, s, c = sp.symbols("x y z t s c", real=True)
r, rho = sp.symbols("r rho", positive=True)
th, ph = sp.symbols("theta phi", real=True)
u, v, lam, a, b, h, p = sp.symbols("u v lambda a b h p", real=True)
E = sp.exp
D = sp.diff

N_CHECKS = [0]


def _num(expr, syms, positive=True, tries=6):
    """True if expr vanishes at `tries` random points (positive values by default)."""
    for _ in range(tries):
        vals = {q: sp.Rational(random.randint(5, 40), 17) * (1 if positive or random.random() < .5 else -1)
                for q in syms}
        val = complex(sp.N(expr.subs(vals), 40))
        if abs(val) > 1e-25:
            return False
    return True


def eq(A, B, positive=True):
    """A == B as scalars or as equal-shape matrices."""
    N_CHECKS[0] += 1
    A, B = sp.sympify(A), sp.sympify(B)
    if isinstance(A, sp.MatrixBase) or isinstance(B, sp.MatrixBase):
        A, B = sp.Matrix(A), sp.Matrix(B)
        if A.shape != B.shape:
            return False
        return all(_eq1(ai, bi, positive) for ai, bi in zip(A, B))
    return _eq1(A, B, positive)


def _eq1(A, B, positive):
    d = sp.simplify(sp.expand(A - B))
    if d == 0:
        return True
    return _num(A - B, sorted(d.free_symbols | A.free_symbols | B.free_symbols, key=str), positive)


def ne(A, B, positive=True):
    return not eq(A, B, positive)


def grad(f, vs):
    return sp.Matrix([D(f, q) for q in vs])


def jac(F, vs):
    return sp.Matrix(F).jacobian(list(vs))


def div(F, vs=(x, y, z)):
    return sum(D(Fi, q) for Fi, q in zip(F, vs))


def curl(F):
    P, Q, R = F
    return sp.Matrix([D(R, y) - D(Q, z), D(P, z) - D(R, x), D(Q, x) - D(P, y)])


def lap(f, vs=(x, y, z)):
    return sum(D(f, q, 2) for q in vs)


def at(e, **kw):
    m = {"x": x, "y": y, "z": z, "t": t, "s": s, "u": u, "v": v}
    return e.subs({m[k]: val for k, val in kw.items()})



from sympy.vector import CoordSys3D, divergence as _vdiv, curl as _vcurl
_C = CoordSys3D("C")
_to = {x: _C.x, y: _C.y, z: _C.z}
_back = {_C.x: x, _C.y: y, _C.z: z}


def svec_div(F):
    Fv = sum((sp.sympify(Fi).subs(_to)*e for Fi, e in zip(F, (_C.i, _C.j, _C.k))), sp.vector.Vector.zero)
    return sp.sympify(_vdiv(Fv)).subs(_back)


def svec_curl(F):
    Fv = sum((sp.sympify(Fi).subs(_to)*e for Fi, e in zip(F, (_C.i, _C.j, _C.k))), sp.vector.Vector.zero)
    cv = _vcurl(Fv)
    return sp.Matrix([cv.dot(e) for e in (_C.i, _C.j, _C.k)]).subs(_back)


ROWS = []


def row(id, file, anchor, step, latex, label, why, check):
    ROWS.append(dict(id=id, file=file, anchor=anchor, step=step, latex=latex, label=label, why=why, check=check))


R = sp.Rational
# ---------------------------------------------------------------- partials.rst
F_ = "partials.rst"
f1 = x**3*y**2 - 4*x*y + y**3
hh = sp.Symbol("hh")
row("rst-01", F_, r"f_x(a,b) = \lim", 1, r"f_x(a,b) = \lim_{h\to 0}\frac{f(a+h,b)-f(a,b)}{h}", "not-a-claim",
    "definition of the partial derivative (consistent with SymPy on f = x^3y^2-4xy+y^3)",
    lambda: eq(sp.limit((f1.subs({x: a + hh, y: b}) - f1.subs({x: a, y: b})) / hh, hh, 0), D(f1, x).subs({x: a, y: b})))
row("rst-02", F_, r"f_y(a,b) = \lim", 1, r"f_y(a,b) = \lim_{h\to 0}\frac{f(a,b+h)-f(a,b)}{h}", "not-a-claim",
    "definition of the partial derivative",
    lambda: eq(sp.limit((f1.subs({x: a, y: b + hh}) - f1.subs({x: a, y: b})) / hh, hh, 0), D(f1, y).subs({x: a, y: b})))
row("rst-03", F_, r"\frac{\partial f}{\partial x} = 3x^2y^2 - 4y", 1, r"\frac{\partial f}{\partial x} = 3x^2y^2 - 4y", "correct", "",
    lambda: eq(D(f1, x), 3*x**2*y**2 - 4*y))
row("rst-04", F_, r"\frac{\partial f}{\partial y} = 2x^3y - 4x + 3y^2", 1, r"\frac{\partial f}{\partial y} = 2x^3y - 4x + 3y^2", "correct", "",
    lambda: eq(D(f1, y), 2*x**3*y - 4*x + 3*y**2))
row("rst-05", F_, r"f_x(1,2) &=", 1, r"f_x(1,2) = 3(1)^2(2)^2 - 4(2)", "correct", "both 4",
    lambda: eq(at(D(f1, x), x=1, y=2), 3*1*4 - 4*2))
row("rst-06", F_, r"f_x(1,2) &=", 2, r"3(1)^2(2)^2 - 4(2) = 4", "correct", "",
    lambda: eq(3*1**2*2**2 - 4*2, 4))
row("rst-07", F_, r"f_y(1,2) &=", 1, r"f_y(1,2) = 2(1)^3(2) - 4(1) + 3(2)^2", "correct", "both 12",
    lambda: eq(at(D(f1, y), x=1, y=2), 2*1*2 - 4*1 + 3*4))
row("rst-08", F_, r"f_y(1,2) &=", 2, r"2(1)^3(2) - 4(1) + 3(2)^2 = 12", "correct", "",
    lambda: eq(2*1*2 - 4*1 + 3*4, 12))
row("rst-09", F_, r"\nabla f(1,2) = (4, 12)", 1, r"\nabla f(1,2) = (4, 12)", "correct", "",
    lambda: eq(at(grad(f1, (x, y)), x=1, y=2), sp.Matrix([4, 12])))
g1 = x*E(y*z)
row("rst-10", F_, r"g_x &= e^{yz}", 1, r"g_x = e^{yz}", "correct", "", lambda: eq(D(g1, x), E(y*z)))
row("rst-11", F_, r"g_y &= xz", 1, r"g_y = xz\,e^{yz}", "correct", "", lambda: eq(D(g1, y), x*z*E(y*z)))
row("rst-12", F_, r"g_z &= xz", 1, r"g_z = xz\,e^{yz}", "MISTAKE", "wrong partial; g_z = xy e^{yz}",
    lambda: ne(D(g1, z), x*z*E(y*z)) and eq(D(g1, z), x*y*E(y*z)))
row("rst-13", F_, r"\nabla g(x,y,z) =", 1, r"\nabla g(x,y,z) = \left(e^{yz},\; xze^{yz},\; xye^{yz}\right)", "correct", "",
    lambda: eq(grad(g1, (x, y, z)), sp.Matrix([E(y*z), x*z*E(y*z), x*y*E(y*z)])))
row("rst-14", F_, r"\nabla g(2,0,1) = (1, 2, 0)", 1, r"\nabla g(2,0,1) = (1, 2, 0)", "correct", "",
    lambda: eq(grad(g1, (x, y, z)).subs({x: 2, y: 0, z: 1}), sp.Matrix([1, 2, 0])))
row("rst-15", F_, r"\left(x^2 y^3\right) = 3x^2y^2", 1, r"\frac{\partial}{\partial y}\left(x^2 y^3\right) = 3x^2y^2", "correct", "",
    lambda: eq(D(x**2*y**3, y), 3*x**2*y**2))
fd = x**2*y
a_pt, u_dir = (1, 2), (R(3, 5), R(4, 5))
lim_dd = lambda: sp.limit((fd.subs({x: 1 + hh*R(3, 5), y: 2 + hh*R(4, 5)}) - fd.subs({x: 1, y: 2})) / hh, hh, 0)
row("rst-16", F_, r"= \lim_{t\to 0}\frac{f(\mathbf{a}+t\mathbf{u})", 1,
    r"D_{\mathbf{u}}f(\mathbf{a}) = \lim_{t\to 0}\frac{f(\mathbf{a}+t\mathbf{u})-f(\mathbf{a})}{t}", "not-a-claim",
    "definition of the directional derivative (consistent with grad.u on f = x^2y)",
    lambda: eq(lim_dd(), (grad(fd, (x, y)).subs({x: 1, y: 2}).T * sp.Matrix(u_dir))[0]))
row("rst-17", F_, r"= \nabla f(\mathbf{a})\cdot\mathbf{u},", 2,
    r"\lim_{t\to 0}\frac{f(\mathbf{a}+t\mathbf{u})-f(\mathbf{a})}{t} = \nabla f(\mathbf{a})\cdot\mathbf{u}", "correct",
    "theorem for differentiable f (checked on instances)",
    lambda: eq(lim_dd(), (grad(fd, (x, y)).subs({x: 1, y: 2}).T * sp.Matrix(u_dir))[0]) and
    eq(sp.limit((sp.sin(x*y).subs({x: 2 + hh*R(5, 13), y: -1 + hh*R(12, 13)}) - sp.sin(-2)) / hh, hh, 0),
       (grad(sp.sin(x*y), (x, y)).subs({x: 2, y: -1}).T * sp.Matrix([R(5, 13), R(12, 13)]))[0]))
h1 = x**2 + 3*x*y - y**2
row("rst-18", F_, r"\nabla h = (2x + 3y", 1, r"\nabla h = (2x + 3y,\; 3x - 2y)", "correct", "",
    lambda: eq(grad(h1, (x, y)), sp.Matrix([2*x + 3*y, 3*x - 2*y])))
row("rst-19", F_, r"\nabla h(1,-1) = (-1, 5)", 1, r"\nabla h(1,-1) = (-1, 5)", "correct", "",
    lambda: eq(grad(h1, (x, y)).subs({x: 1, y: -1}), sp.Matrix([-1, 5])))
row("rst-20", F_, r"D_{\mathbf{u}}h(1,-1) =", 1, r"D_{\mathbf{u}}h(1,-1) = (-1)\cdot\frac{3}{5} + 5\cdot\frac{4}{5}", "correct", "u = (3/5, 4/5)",
    lambda: eq((grad(h1, (x, y)).subs({x: 1, y: -1}).T * sp.Matrix([R(3, 5), R(4, 5)]))[0], -R(3, 5) + 5*R(4, 5)))
row("rst-21", F_, r"D_{\mathbf{u}}h(1,-1) =", 2, r"(-1)\cdot\frac{3}{5} + 5\cdot\frac{4}{5} = \frac{17}{5}", "correct", "",
    lambda: eq(-R(3, 5) + 4, R(17, 5)))
row("rst-22", F_, r"\|\nabla h(1,-1)\|", 1, r"\|\nabla h(1,-1)\| = \sqrt{1 + 25}", "correct", "",
    lambda: eq(grad(h1, (x, y)).subs({x: 1, y: -1}).norm(), sp.sqrt(26)))
row("rst-23", F_, r"\|\nabla h(1,-1)\|", 2, r"\sqrt{1 + 25} = \sqrt{26}", "correct", "", lambda: eq(sp.sqrt(1 + 25), sp.sqrt(26)))
k1 = sp.sin(x**2*y)
row("rst-24", F_, r"k_x = 2xy\cos(x^2y)", 1, r"k_x = 2xy\cos(x^2y)", "correct", "", lambda: eq(D(k1, x), 2*x*y*sp.cos(x**2*y)))
row("rst-25", F_, r"k_x = 2xy\cos(x^2y)", 1, r"k_y = \cos(x^2y)", "MISTAKE", "dropped chain factor; k_y = x^2 cos(x^2 y)",
    lambda: ne(D(k1, y), sp.cos(x**2*y)) and eq(D(k1, y), x**2*sp.cos(x**2*y)))
row("rst-26", F_, r"z = f(a,b) + f_x(a,b)\,(x-a)", 1, r"z = f(a,b) + f_x(a,b)\,(x-a) + f_y(a,b)\,(y-b)", "not-a-claim",
    "equation of the tangent plane (definition); not an identity for a nonlinear f",
    lambda: ne(f1, f1.subs({x: a, y: b}) + D(f1, x).subs({x: a, y: b})*(x - a) + D(f1, y).subs({x: a, y: b})*(y - b)))
fs = sp.sqrt(x**2 + y**2)
row("rst-27", F_, r"\frac{\partial f}{\partial x} &= \frac{1}{2\sqrt", 1, r"\frac{\partial f}{\partial x} = \frac{1}{2\sqrt{x^2+y^2}}\cdot 2x", "correct", "",
    lambda: eq(D(fs, x), 2*x/(2*fs)))
row("rst-28", F_, r"\frac{\partial f}{\partial x} &= \frac{1}{2\sqrt", 2, r"\frac{1}{2\sqrt{x^2+y^2}}\cdot 2x = \frac{x}{\sqrt{x^2+y^2}}", "correct", "",
    lambda: eq(2*x/(2*fs), x/fs))
row("rst-29", F_, r"\frac{\partial f}{\partial y} &= \frac{y}", 1, r"\frac{\partial f}{\partial y} = \frac{y}{\sqrt{x^2+y^2}}", "correct", "",
    lambda: eq(D(fs, y), y/fs))
row("rst-30", F_, r"so :math:`f_x(3,4) = \tfrac35`", 1, r"f_x(3,4) = \tfrac35", "correct", "",
    lambda: eq(D(fs, x).subs({x: 3, y: 4}), R(3, 5)))
row("rst-31", F_, r"so :math:`f_x(3,4) = \tfrac35`", 1, r"f_y(3,4) = \tfrac35", "MISTAKE", "wrong value at the point; f_y(3,4) = 4/5",
    lambda: ne(D(fs, y).subs({x: 3, y: 4}), R(3, 5)) and eq(D(fs, y).subs({x: 3, y: 4}), R(4, 5)))
zz = x**2*E(y)
row("rst-32", F_, r"\left.\frac{\partial z}{\partial x}\right|_{(1,0)}", 1, r"\left.\frac{\partial z}{\partial x}\right|_{(1,0)} = \left.2xe^{y}\right|_{(1,0)}", "correct", "",
    lambda: eq(D(zz, x).subs({x: 1, y: 0}), (2*x*E(y)).subs({x: 1, y: 0})))
row("rst-33", F_, r"\left.\frac{\partial z}{\partial x}\right|_{(1,0)}", 2, r"\left.2xe^{y}\right|_{(1,0)} = 2", "correct", "",
    lambda: eq((2*x*E(y)).subs({x: 1, y: 0}), 2))
row("rst-34", F_, r"\left.\frac{\partial z}{\partial y}\right|_{(1,0)}", 1, r"\left.\frac{\partial z}{\partial y}\right|_{(1,0)} = \left.x^2e^{y}\right|_{(1,0)}", "correct", "",
    lambda: eq(D(zz, y).subs({x: 1, y: 0}), (x**2*E(y)).subs({x: 1, y: 0})))
row("rst-35", F_, r"\left.\frac{\partial z}{\partial y}\right|_{(1,0)}", 2, r"\left.x^2e^{y}\right|_{(1,0)} = 1", "correct", "",
    lambda: eq((x**2*E(y)).subs({x: 1, y: 0}), 1))
ut = E(-t)*sp.sin(x)
row("rst-36", F_, r"\frac{\partial u}{\partial t} = \frac{\partial^2 u}{\partial x^2}", 1, r"\frac{\partial u}{\partial t} = \frac{\partial^2 u}{\partial x^2}", "not-a-claim",
    "the heat equation (a PDE, not an identity: fails for u = x^3 + t); the u stated after it does solve it",
    lambda: ne(D(x**3 + t, t), D(x**3 + t, x, 2)) and eq(D(ut, t), D(ut, x, 2)))
row("rst-37", F_, r"u_t = -e^{-t}\sin x", 1, r"u_t = -e^{-t}\sin x", "correct", "", lambda: eq(D(ut, t), -E(-t)*sp.sin(x)))
row("rst-38", F_, r":math:`u_{xx} = -e^{-t}\sin x`", 1, r"u_{xx} = -e^{-t}\sin x", "correct", "", lambda: eq(D(ut, x, 2), -E(-t)*sp.sin(x)))
wt = E(-4*t)*sp.cos(2*x)
row("rst-39", F_, r"w_t = -4e^{-4t}\cos 2x", 1, r"w_t = -4e^{-4t}\cos 2x", "correct", "", lambda: eq(D(wt, t), -4*E(-4*t)*sp.cos(2*x)))
row("rst-40", F_, r"w_t = -4e^{-4t}\cos 2x", 2, r"-4e^{-4t}\cos 2x = w_{xx}", "correct", "", lambda: eq(-4*E(-4*t)*sp.cos(2*x), D(wt, x, 2)))
row("rst-41", F_, r"\arctan\dfrac{y}{x} = \dfrac{y}{x^2+y^2}", 1, r"\dfrac{\partial}{\partial x}\arctan\dfrac{y}{x} = \dfrac{y}{x^2+y^2}", "MISTAKE",
    "sign; the derivative is -y/(x^2+y^2)",
    lambda: ne(D(sp.atan(y/x), x), y/(x**2 + y**2)) and eq(D(sp.atan(y/x), x), -y/(x**2 + y**2)))
fl = sp.log(x + 2*y + 3*z)
row("rst-42", F_, r"\nabla f = \dfrac{1}{x+2y+3z}", 1, r"\nabla f = \dfrac{1}{x+2y+3z}\,(1, 2, 3)", "correct", "",
    lambda: eq(grad(fl, (x, y, z)), sp.Matrix([1, 2, 3]) / (x + 2*y + 3*z)))
fe = x*E(y)
row("rst-43", F_, r"D_{\mathbf{u}}f(2,0) = \tfrac{14}{5}", 1, r"D_{\mathbf{u}}f(2,0) = \tfrac{14}{5}", "MISTAKE",
    "wrong value; u = (3,4)/5, grad f(2,0) = (1,2), D_u f = 11/5",
    lambda: (lambda val: ne(val, R(14, 5)) and eq(val, R(11, 5)))(
        (grad(fe, (x, y)).subs({x: 2, y: 0}).T * sp.Matrix([R(3, 5), R(4, 5)]))[0]))

# ---------------------------------------------------------------- chain_jacobian.tex
F_ = "chain_jacobian.tex"


def chain_path_instances(check):
    """Generic f(x,y), x(t), y(t): two concrete instances."""
    X, Y = sp.symbols("X Y")
    inst = [(X**2*Y + sp.sin(Y), t**3 + 1, sp.cos(t)), (E(X)*Y**3 - X, sp.log(1 + t**2), t**2 - t)]
    return all(check(fx, xt, yt, X, Y) for fx, xt, yt in inst)


def path_rule(fx, xt, yt, X, Y):
    lhs = D(fx.subs({X: xt, Y: yt}), t)
    rhs = (D(fx, X)*D(xt, t) + D(fx, Y)*D(yt, t)).subs({X: xt, Y: yt})
    return eq(lhs, rhs)


row("tex-01", F_, r"\frac{\dd z}{\dd t} = \pd{f}{x}", 1, r"\frac{\dd z}{\dd t} = \pd{f}{x}\,\frac{\dd x}{\dd t} + \pd{f}{y}\,\frac{\dd y}{\dd t}", "correct",
    "the chain rule (theorem; checked on two instances)", lambda: chain_path_instances(path_rule))
zt = x**2*y + y**3
sub1 = {x: t**2, y: sp.sin(t)}
row("tex-02", F_, r"&= \pd{z}{x}\frac{\dd x}{\dd t}", 1, r"\frac{\dd z}{\dd t} = \pd{z}{x}\frac{\dd x}{\dd t} + \pd{z}{y}\frac{\dd y}{\dd t}", "correct", "",
    lambda: eq(D(zt.subs(sub1), t), (D(zt, x)*2*t + D(zt, y)*sp.cos(t)).subs(sub1)))
row("tex-03", F_, r"&= 2xy\cdot 2t", 2, r"\pd{z}{x}\frac{\dd x}{\dd t} + \pd{z}{y}\frac{\dd y}{\dd t} = 2xy\cdot 2t + \left(x^2 + 3y^2\right)\cos t", "correct", "",
    lambda: eq(D(zt, x)*D(t**2, t) + D(zt, y)*D(sp.sin(t), t), 2*x*y*2*t + (x**2 + 3*y**2)*sp.cos(t)))
row("tex-04", F_, r"&= 4t^3\sin t + \left(t^4", 3, r"2xy\cdot 2t + \left(x^2 + 3y^2\right)\cos t = 4t^3\sin t + \left(t^4 + 3\sin^2 t\right)\cos t", "correct",
    "with x = t^2, y = sin t",
    lambda: eq((2*x*y*2*t + (x**2 + 3*y**2)*sp.cos(t)).subs(sub1), 4*t**3*sp.sin(t) + (t**4 + 3*sp.sin(t)**2)*sp.cos(t)))
row("tex-05", F_, r"directly $\frac{\dd z}{\dd t} =", 1, r"\frac{\dd z}{\dd t} = 4t^3\sin t + t^4\cos t + 3\sin^2 t\cos t", "correct", "",
    lambda: eq(D(t**4*sp.sin(t) + sp.sin(t)**3, t), 4*t**3*sp.sin(t) + t**4*sp.cos(t) + 3*sp.sin(t)**2*sp.cos(t)))
w2 = sp.sin(x*y)
sub2 = {x: 3*t, y: t**2}
row("tex-06", F_, r"\frac{\dd w}{\dd t} = \cos(xy)", 1, r"\frac{\dd w}{\dd t} = \cos(xy)\,(3y + 2tx)", "correct", "",
    lambda: eq(D(w2.subs(sub2), t), (sp.cos(x*y)*(3*y + 2*t*x)).subs(sub2)))
row("tex-07", F_, r"\frac{\dd w}{\dd t} = \cos(xy)", 2, r"\cos(xy)\,(3y + 2tx) = \cos(3t^3)\left(3t^2 + 6t^2\right)", "correct", "",
    lambda: eq((sp.cos(x*y)*(3*y + 2*t*x)).subs(sub2), sp.cos(3*t**3)*(3*t**2 + 6*t**2)))
row("tex-08", F_, r"\frac{\dd w}{\dd t} = \cos(xy)", 3, r"\cos(3t^3)\left(3t^2 + 6t^2\right) = 9t^2\cos(3t^3)", "correct", "",
    lambda: eq(sp.cos(3*t**3)*(3*t**2 + 6*t**2), 9*t**2*sp.cos(3*t**3)))


def two_param_instances(var):
    X, Y = sp.symbols("X Y")
    inst = [(X**2*Y + sp.sin(Y), s*t + s**2, s - t**3), (E(X)*Y - X**3, sp.cos(s*t), s**2 + t)]
    ok = True
    for fx, xs, ys in inst:
        lhs = D(fx.subs({X: xs, Y: ys}), var)
        rhs = (D(fx, X)*D(xs, var) + D(fx, Y)*D(ys, var)).subs({X: xs, Y: ys})
        ok = ok and eq(lhs, rhs)
    return ok


row("tex-09", F_, r"\pd{w}{s} = \pd{f}{x}\pd{x}{s}", 1, r"\pd{w}{s} = \pd{f}{x}\pd{x}{s} + \pd{f}{y}\pd{y}{s}", "correct", "chain rule (theorem)",
    lambda: two_param_instances(s))
row("tex-10", F_, r"\pd{w}{t} = \pd{f}{x}\pd{x}{t}", 1, r"\pd{w}{t} = \pd{f}{x}\pd{x}{t} + \pd{f}{y}\pd{y}{t}", "correct", "chain rule (theorem)",
    lambda: two_param_instances(t))


def st_instances(var, coeffs):
    X, Y = sp.symbols("X Y")
    xs, ys = s**2 - t**2, 2*s*t
    ok = True
    for fx in (X**3*Y + sp.sin(Y), E(X - Y)*X):
        lhs = D(fx.subs({X: xs, Y: ys}), var)
        rhs = (coeffs[0]*D(fx, X) + coeffs[1]*D(fx, Y)).subs({X: xs, Y: ys})
        ok = ok and eq(lhs, rhs)
    return ok


row("tex-11", F_, r"$\pd{w}{s} = 2s\,f_x + 2t\,f_y$", 1, r"\pd{w}{s} = 2s\,f_x + 2t\,f_y", "correct", "x = s^2 - t^2, y = 2st; f generic",
    lambda: st_instances(s, (2*s, 2*t)))
row("tex-12", F_, r"$\pd{w}{s} = 2s\,f_x + 2t\,f_y$", 1, r"\pd{w}{t} = -2t\,f_x + 2s\,f_y", "correct", "",
    lambda: st_instances(t, (-2*t, 2*s)))
u3 = E(x)*sp.cos(y)
sub3 = {x: s*t, y: s**2 + t**2}
row("tex-13", F_, r"\pd{u}{s} = e^{x}\cos y\cdot t", 1, r"\pd{u}{s} = e^{x}\cos y\cdot t - e^{x}\sin y\cdot 2s", "correct", "",
    lambda: eq(D(u3.subs(sub3), s), (E(x)*sp.cos(y)*t - E(x)*sp.sin(y)*2*s).subs(sub3)))
row("tex-14", F_, r"\pd{u}{t} = e^{x}\cos y\cdot s", 1, r"\pd{u}{t} = e^{x}\cos y\cdot s - e^{x}\sin y", "MISTAKE",
    "dropped chain factor dy/dt = 2t; correct e^x cos y s - 2t e^x sin y",
    lambda: ne(D(u3.subs(sub3), t), (E(x)*sp.cos(y)*s - E(x)*sp.sin(y)).subs(sub3))
    and eq(D(u3.subs(sub3), t), (E(x)*sp.cos(y)*s - E(x)*sp.sin(y)*2*t).subs(sub3)))


def polar_generic(which):
    X, Y = sp.symbols("X Y")
    ok = True
    for U in (X**3*Y - Y**2, sp.sin(X)*E(Y)):
        up = U.subs({X: r*sp.cos(th), Y: r*sp.sin(th)})
        ux, uy = [e.subs({X: r*sp.cos(th), Y: r*sp.sin(th)}) for e in (D(U, X), D(U, Y))]
        if which == "r":
            ok = ok and eq(D(up, r), ux*sp.cos(th) + uy*sp.sin(th))
        else:
            ok = ok and eq(D(up, th), -ux*r*sp.sin(th) + uy*r*sp.cos(th))
    return ok


row("tex-15", F_, r"\pd{u}{r} &= u_x\cos\theta", 1, r"\pd{u}{r} = u_x\cos\theta + u_y\sin\theta", "correct", "chain rule in polar coordinates (generic u)",
    lambda: polar_generic("r"))
row("tex-16", F_, r"\pd{u}{\theta} &= -u_x\,r\sin\theta", 1, r"\pd{u}{\theta} = -u_x\,r\sin\theta + u_y\,r\cos\theta", "correct", "",
    lambda: polar_generic("t"))
f4 = x**2 + x*y
pol = {x: r*sp.cos(th), y: r*sp.sin(th)}
row("tex-17", F_, r"we have $f_x = 2x + y$", 1, r"f_x = 2x + y", "correct", "", lambda: eq(D(f4, x), 2*x + y))
row("tex-18", F_, r"we have $f_x = 2x + y$", 1, r"f_y = x", "correct", "", lambda: eq(D(f4, y), x))
row("tex-19", F_, r"\pd{f}{r} &= (2x + y)\cos\theta", 1, r"\pd{f}{r} = (2x + y)\cos\theta + x\sin\theta", "correct", "",
    lambda: eq(D(f4.subs(pol), r), ((2*x + y)*sp.cos(th) + x*sp.sin(th)).subs(pol)))
row("tex-20", F_, r"\pd{f}{r} &= (2x + y)\cos\theta", 2, r"(2x + y)\cos\theta + x\sin\theta = 2r\cos^2\theta + 2r\sin\theta\cos\theta", "correct", "",
    lambda: eq(((2*x + y)*sp.cos(th) + x*sp.sin(th)).subs(pol), 2*r*sp.cos(th)**2 + 2*r*sp.sin(th)*sp.cos(th)))
row("tex-21", F_, r"\pd{f}{\theta} &= -(2x + y)\,r\sin\theta", 1, r"\pd{f}{\theta} = -(2x + y)\,r\sin\theta + x\,r\cos\theta", "correct", "",
    lambda: eq(D(f4.subs(pol), th), (-(2*x + y)*r*sp.sin(th) + x*r*sp.cos(th)).subs(pol)))
row("tex-22", F_, r"&= -2r^2\sin\theta\cos\theta", 2, r"-(2x + y)\,r\sin\theta + x\,r\cos\theta = -2r^2\sin\theta\cos\theta - r^2\sin^2\theta + r^2\cos^2\theta", "correct", "",
    lambda: eq((-(2*x + y)*r*sp.sin(th) + x*r*sp.cos(th)).subs(pol),
               -2*r**2*sp.sin(th)*sp.cos(th) - r**2*sp.sin(th)**2 + r**2*sp.cos(th)**2))
row("tex-23", F_, r"&= r^2\left(\cos 2\theta + \sin 2\theta\right)", 3,
    r"-2r^2\sin\theta\cos\theta - r^2\sin^2\theta + r^2\cos^2\theta = r^2\left(\cos 2\theta + \sin 2\theta\right)", "MISTAKE",
    "sign; equals r^2(cos 2θ - sin 2θ)",
    lambda: ne(-2*r**2*sp.sin(th)*sp.cos(th) - r**2*sp.sin(th)**2 + r**2*sp.cos(th)**2, r**2*(sp.cos(2*th) + sp.sin(2*th)))
    and eq(-2*r**2*sp.sin(th)*sp.cos(th) - r**2*sp.sin(th)**2 + r**2*sp.cos(th)**2, r**2*(sp.cos(2*th) - sp.sin(2*th))))
Jp = jac([r*sp.cos(th), r*sp.sin(th)], (r, th))
row("tex-24", F_, r"\begin{pmatrix} \cos\theta & -r\sin\theta", 1,
    r"\frac{\partial(x,y)}{\partial(r,\theta)} = \begin{pmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{pmatrix}", "correct", "",
    lambda: eq(Jp, sp.Matrix([[sp.cos(th), -r*sp.sin(th)], [sp.sin(th), r*sp.cos(th)]])))
row("tex-25", F_, r"= r\cos^2\theta + r\sin^2\theta = r", 1, r"\det\frac{\partial(x,y)}{\partial(r,\theta)} = r\cos^2\theta + r\sin^2\theta", "correct", "",
    lambda: eq(Jp.det(), r*sp.cos(th)**2 + r*sp.sin(th)**2))
row("tex-26", F_, r"= r\cos^2\theta + r\sin^2\theta = r", 2, r"r\cos^2\theta + r\sin^2\theta = r", "correct", "",
    lambda: eq(r*sp.cos(th)**2 + r*sp.sin(th)**2, r))
sph = [rho*sp.sin(ph)*sp.cos(th), rho*sp.sin(ph)*sp.sin(th), rho*sp.cos(ph)]
Js = jac(sph, (rho, ph, th))
Js_written = sp.Matrix([[sp.sin(ph)*sp.cos(th), rho*sp.cos(ph)*sp.cos(th), -rho*sp.sin(ph)*sp.sin(th)],
                        [sp.sin(ph)*sp.sin(th), rho*sp.cos(ph)*sp.sin(th), rho*sp.sin(ph)*sp.cos(th)],
                        [sp.cos(ph), -rho*sp.sin(ph), 0]])
row("tex-27", F_, (r"\sin\phi\cos\theta & \rho\cos\phi\cos\theta", -1), 1,
    r"\frac{\partial(x,y,z)}{\partial(\rho,\phi,\theta)} = \begin{pmatrix}\sin\phi\cos\theta & \rho\cos\phi\cos\theta & -\rho\sin\phi\sin\theta \\ \dots\end{pmatrix}",
    "correct", "", lambda: eq(Js, Js_written))
row("tex-28", F_, r"\det\frac{\partial(x,y,z)}{\partial(\rho,\phi,\theta)} = \rho^2\sin\phi", 1,
    r"\det\frac{\partial(x,y,z)}{\partial(\rho,\phi,\theta)} = \rho^2\sin\phi", "correct", "", lambda: eq(Js.det(), rho**2*sp.sin(ph)))
row("tex-29", F_, r"$\dd V = \rho^2\sin\phi", 1, r"\dd V = \rho^2\sin\phi\,\dd\rho\,\dd\phi\,\dd\theta", "not-a-claim",
    "volume element (a measure, |det J|), not a total differential of a defined V; |det J| = rho^2 sin phi on 0<phi<pi",
    lambda: eq(sp.Abs(Js.det()).subs(ph, sp.pi/3), (rho**2*sp.sin(ph)).subs(ph, sp.pi/3)))
fsq = x**2 + y**2 + z**2
sphs = dict(zip((x, y, z), sph))
row("tex-30", F_, r"\pd{f}{\rho} = 2x\sin\phi\cos\theta", 1, r"\pd{f}{\rho} = 2x\sin\phi\cos\theta + 2y\sin\phi\sin\theta + 2z\cos\phi", "correct", "",
    lambda: eq(D(fsq.subs(sphs), rho), (2*x*sp.sin(ph)*sp.cos(th) + 2*y*sp.sin(ph)*sp.sin(th) + 2*z*sp.cos(ph)).subs(sphs)))
row("tex-31", F_, r"\pd{f}{\rho} = 2x\sin\phi\cos\theta", 2, r"2x\sin\phi\cos\theta + 2y\sin\phi\sin\theta + 2z\cos\phi = 2\rho", "correct", "",
    lambda: eq((2*x*sp.sin(ph)*sp.cos(th) + 2*y*sp.sin(ph)*sp.sin(th) + 2*z*sp.cos(ph)).subs(sphs), 2*rho))
row("tex-32", F_, r"\frac{\partial(u,v)}{\partial(x,y)} = \begin{pmatrix} 1 & 1", 1,
    r"\frac{\partial(u,v)}{\partial(x,y)} = \begin{pmatrix} 1 & 1 \\ 1 & -1 \end{pmatrix}", "correct", "",
    lambda: eq(jac([x + y, x - y], (x, y)), sp.Matrix([[1, 1], [1, -1]])))
Jxuv = jac([(u + v)/2, (u - v)/2], (u, v))
row("tex-33", F_, r"\frac{\partial(x,y)}{\partial(u,v)} = \begin{pmatrix} \tfrac12", 1,
    r"\frac{\partial(x,y)}{\partial(u,v)} = \begin{pmatrix} \tfrac12 & \tfrac12 \\[2pt] \tfrac12 & -\tfrac12 \end{pmatrix}", "correct", "",
    lambda: eq(Jxuv, sp.Matrix([[R(1, 2), R(1, 2)], [R(1, 2), -R(1, 2)]])))
row("tex-34", F_, r"and $\det\dfrac{\partial(x,y)}{\partial(u,v)} = -\tfrac12$", 1, r"\det\dfrac{\partial(x,y)}{\partial(u,v)} = -\tfrac12", "correct", "",
    lambda: eq(Jxuv.det(), -R(1, 2)))
row("tex-35", F_, r"and $\det\dfrac{\partial(x,y)}{\partial(u,v)} = -\tfrac12$", 1, r"\dd x\,\dd y = \tfrac12\,\dd u\,\dd v", "not-a-claim",
    "area element in a double integral (|det| = 1/2), not a total differential",
    lambda: eq(sp.Abs(Jxuv.det()), R(1, 2)))
JF = jac([x**2*y, x + y**3], (x, y))
JF_written = sp.Matrix([[2*x*y, 1], [x**2, 3*y**2]])
row("tex-36", F_, r"\frac{\partial(F_1,F_2)}{\partial(x,y)} = \begin{pmatrix} 2xy & 1", 1,
    r"\frac{\partial(F_1,F_2)}{\partial(x,y)} = \begin{pmatrix} 2xy & 1 \\ x^2 & 3y^2 \end{pmatrix}", "MISTAKE",
    "transposed (layout) against the stated convention (row i = gradient of F_i); correct [[2xy, x^2],[1, 3y^2]]",
    lambda: ne(JF, JF_written) and eq(JF.T, JF_written))
row("tex-37", F_, r"\det\frac{\partial(F_1,F_2)}{\partial(x,y)} = 6xy^3 - x^2", 1, r"\det\frac{\partial(F_1,F_2)}{\partial(x,y)} = 6xy^3 - x^2", "correct", "",
    lambda: eq(JF.det(), 6*x*y**3 - x**2))
JG = jac([E(x)*sp.cos(y), E(x)*sp.sin(y)], (x, y))
row("tex-38", F_, r"\Jac_{\mathbf{G}}(x,y) = \begin{pmatrix}", 1,
    r"\Jac_{\mathbf{G}}(x,y) = \begin{pmatrix} e^{x}\cos y & -e^{x}\sin y \\ e^{x}\sin y & e^{x}\cos y \end{pmatrix}", "correct", "",
    lambda: eq(JG, sp.Matrix([[E(x)*sp.cos(y), -E(x)*sp.sin(y)], [E(x)*sp.sin(y), E(x)*sp.cos(y)]])))
row("tex-39", F_, r"\det\Jac_{\mathbf{G}} = e^{2x}", 1, r"\det\Jac_{\mathbf{G}} = e^{2x}\cos^2 y + e^{2x}\sin^2 y", "correct", "",
    lambda: eq(JG.det(), E(2*x)*sp.cos(y)**2 + E(2*x)*sp.sin(y)**2))
row("tex-40", F_, r"\det\Jac_{\mathbf{G}} = e^{2x}", 2, r"e^{2x}\cos^2 y + e^{2x}\sin^2 y = e^{x}", "MISTAKE", "exponent; equals e^{2x}",
    lambda: ne(E(2*x)*sp.cos(y)**2 + E(2*x)*sp.sin(y)**2, E(x), positive=False) and eq(E(2*x)*sp.cos(y)**2 + E(2*x)*sp.sin(y)**2, E(2*x)))
rr = sp.sqrt(x**2 + y**2)
tt = sp.atan(y/x)
row("tex-41", F_, r"\pd{r}{x} = \frac{x}{\sqrt{x^2+y^2}}", 1, r"\pd{r}{x} = \frac{x}{\sqrt{x^2+y^2}}", "correct", "", lambda: eq(D(rr, x), x/rr))
row("tex-42", F_, r"\pd{r}{y} = \frac{x}{\sqrt{x^2+y^2}}", 1, r"\pd{r}{y} = \frac{x}{\sqrt{x^2+y^2}}", "MISTAKE", "wrong partial; r_y = y/sqrt(x^2+y^2)",
    lambda: ne(D(rr, y), x/rr) and eq(D(rr, y), y/rr))
row("tex-43", F_, r"\pd{\theta}{x} = -\frac{y}{x^2+y^2}", 1, r"\pd{\theta}{x} = -\frac{y}{x^2+y^2}", "correct", "", lambda: eq(D(tt, x), -y/(x**2 + y**2)))
row("tex-44", F_, r"\pd{\theta}{y} = \frac{x}{x^2+y^2}", 1, r"\pd{\theta}{y} = \frac{x}{x^2+y^2}", "correct", "", lambda: eq(D(tt, y), x/(x**2 + y**2)))
Jrt = jac([rr, tt], (x, y))
row("tex-45", F_, r"= \frac{x^2 + y^2}{(x^2+y^2)^{3/2}}", 1, r"\det\frac{\partial(r,\theta)}{\partial(x,y)} = \frac{x^2 + y^2}{(x^2+y^2)^{3/2}}", "correct", "x > 0",
    lambda: eq(Jrt.det(), (x**2 + y**2)/(x**2 + y**2)**R(3, 2)))
row("tex-46", F_, r"= \frac{x^2 + y^2}{(x^2+y^2)^{3/2}}", 2, r"\frac{x^2 + y^2}{(x^2+y^2)^{3/2}} = \frac{1}{\sqrt{x^2+y^2}}", "correct", "",
    lambda: eq((x**2 + y**2)/(x**2 + y**2)**R(3, 2), 1/rr))
row("tex-47", F_, r"the reciprocal of $\det\partial(x,y)", 1, r"\det\partial(x,y)/\partial(r,\theta) = r", "correct", "", lambda: eq(Jp.det(), r))


def wave_instances():
    ok = True
    for fn, gn in ((sp.sin, E), (lambda q: q**3, sp.cos)):
        zw = fn(x - c*t) + gn(x + c*t)
        ok = ok and eq(D(zw, t, 2), c**2*D(zw, x, 2))
    return ok


row("tex-48", F_, r"then $z_{tt} = c^2 z_{xx}$", 1, r"z_{tt} = c^2 z_{xx}", "correct", "holds for z = f(x-ct)+g(x+ct) (checked on instances)",
    lambda: wave_instances())
ws = (x**2 + y**2).subs({x: E(s)*sp.cos(t), y: E(s)*sp.sin(t)})
row("tex-49", F_, r"Verify that $\pd{w}{s} = 2e^{2s}$", 1, r"\pd{w}{s} = 2e^{2s}", "correct", "", lambda: eq(D(ws, s), 2*E(2*s)))
row("tex-50", F_, r"Verify that $\pd{w}{s} = 2e^{2s}$", 1, r"\pd{w}{t} = 0", "correct", "", lambda: eq(D(ws, t), 0))

# ---------------------------------------------------------------- implicit_differentials.qmd
F_ = "implicit_differentials.qmd"
Yf = sp.Function("Y")


def idiff_fn(Fexpr):
    """dy/dx on F(x,y)=0 as an expression in x, y."""
    return sp.idiff(Fexpr, y, x)


Fc1 = x**2 + x*y + y**2 - 7
row("qmd-01", F_, r"chain rule gives $F_x + F_y\,\dfrac{dy}{dx} = 0$", 1, r"F_x + F_y\,\dfrac{dy}{dx} = 0", "not-a-claim",
    "the differentiated relation, an equation to solve for dy/dx (with p = dy/dx free it is not an identity)",
    lambda: ne(D(Fc1, x) + D(Fc1, y)*p, 0))
row("qmd-02", F_, r"\frac{dy}{dx} = -\frac{F_x}{F_y}", 1, r"\frac{dy}{dx} = -\frac{F_x}{F_y}", "correct", "implicit function theorem (checked on two curves)",
    lambda: eq(idiff_fn(Fc1), -D(Fc1, x)/D(Fc1, y)) and eq(idiff_fn(x**3 + y**3 - 6*x*y), -D(x**3 + y**3 - 6*x*y, x)/D(x**3 + y**3 - 6*x*y, y)))
row("qmd-03", F_, r"so $F_x = 2x + y$", 1, r"F_x = 2x + y", "correct", "", lambda: eq(D(Fc1, x), 2*x + y))
row("qmd-04", F_, r"so $F_x = 2x + y$", 1, r"F_y = x + 2y", "correct", "", lambda: eq(D(Fc1, y), x + 2*y))
row("qmd-05", F_, r"\frac{dy}{dx} = -\frac{2x + y}{x + 2y}", 1, r"\frac{dy}{dx} = -\frac{2x + y}{x + 2y}", "correct", "",
    lambda: eq(idiff_fn(Fc1), -(2*x + y)/(x + 2*y)))
row("qmd-06", F_, r"\left.\dfrac{dy}{dx}\right|_{(1,2)} = -\dfrac{4}{5}", 1, r"\left.\dfrac{dy}{dx}\right|_{(1,2)} = -\dfrac{4}{5}", "correct", "(1,2) is on the curve",
    lambda: eq(Fc1.subs({x: 1, y: 2}), 0) and eq(idiff_fn(Fc1).subs({x: 1, y: 2}), -R(4, 5)))
Fc2 = x**2 + y**2 - 25
yp2 = idiff_fn(Fc2)
ypp2 = sp.idiff(Fc2, y, x, 2)
row("qmd-07", F_, r"we get $2x + 2yy' = 0$", 1, r"2x + 2yy' = 0", "not-a-claim", "the differentiated relation (equation for y'); not an identity with y' free",
    lambda: ne(2*x + 2*y*p, 0))
row("qmd-08", F_, r"that is $y' = -x/y$", 1, r"y' = -x/y", "correct", "", lambda: eq(yp2, -x/y))
row("qmd-09", F_, r"y'' &= -\frac{y - xy'}{y^2}", 1, r"y'' = -\frac{y - xy'}{y^2}", "correct", "",
    lambda: eq(ypp2, -(y - x*yp2)/y**2))
row("qmd-10", F_, r"&= -\frac{y + x^2/y}{y^2}", 2, r"-\frac{y - xy'}{y^2} = -\frac{y + x^2/y}{y^2}", "correct", "with y' = -x/y",
    lambda: eq(-(y - x*yp2)/y**2, -(y + x**2/y)/y**2))
row("qmd-11", F_, r"&= -\frac{x^2 + y^2}{y^3}", 3, r"-\frac{y + x^2/y}{y^2} = -\frac{x^2 + y^2}{y^3}", "correct", "",
    lambda: eq(-(y + x**2/y)/y**2, -(x**2 + y**2)/y**3))
row("qmd-12", F_, r"&= -\frac{25}{y^3}", 4, r"-\frac{x^2 + y^2}{y^3} = -\frac{25}{y^3}", "correct", "on the circle",
    lambda: eq((-(x**2 + y**2)/y**3).subs(x, sp.sqrt(25 - y**2)), -25/y**3))
row("qmd-13", F_, r"this gives $y' = -\tfrac34$", 1, r"y' = -\tfrac34", "correct", "at (3,4)", lambda: eq(yp2.subs({x: 3, y: 4}), -R(3, 4)))
row("qmd-14", F_, r"this gives $y' = -\tfrac34$", 1, r"y'' = -\tfrac{25}{64}", "correct", "at (3,4)", lambda: eq(ypp2.subs({x: 3, y: 4}), -R(25, 64)))
Zf = sp.Function("Z")


def implicit3(Fexpr, var):
    """dz/dvar on F(x,y,z)=0 by differentiating F(x,y,Z(x,y)) = 0."""
    Fz = Fexpr.subs(z, Zf(x, y))
    dZ = sp.Derivative(Zf(x, y), var)
    sol = sp.solve(sp.diff(Fz, var), dZ)[0]
    return sol.subs(Zf(x, y), z)


F3 = x**2 + 2*y**2 + 3*z**2 + x*z - 7
F4 = x*y + y*z + z*x - 11
row("qmd-15", F_, r"\frac{\partial z}{\partial x} = -\frac{F_x}{F_z}", 1, r"\frac{\partial z}{\partial x} = -\frac{F_x}{F_z}", "correct", "theorem (two surfaces)",
    lambda: eq(implicit3(F3, x), -D(F3, x)/D(F3, z)) and eq(implicit3(F4, x), -D(F4, x)/D(F4, z)))
row("qmd-16", F_, r"\frac{\partial z}{\partial y} = -\frac{F_y}{F_z}", 1, r"\frac{\partial z}{\partial y} = -\frac{F_y}{F_z}", "correct", "theorem",
    lambda: eq(implicit3(F3, y), -D(F3, y)/D(F3, z)) and eq(implicit3(F4, y), -D(F4, y)/D(F4, z)))
row("qmd-17", F_, r"F_x = 2x + z, \quad", 1, r"F_x = 2x + z", "correct", "", lambda: eq(D(F3, x), 2*x + z))
row("qmd-18", F_, r"F_x = 2x + z, \quad", 1, r"F_y = 4y", "correct", "", lambda: eq(D(F3, y), 4*y))
row("qmd-19", F_, r"F_x = 2x + z, \quad", 1, r"F_z = 6z + x", "correct", "", lambda: eq(D(F3, z), 6*z + x))
row("qmd-20", F_, r"\frac{\partial z}{\partial x} = -\frac{2x + z}{6z + x}", 1, r"\frac{\partial z}{\partial x} = -\frac{2x + z}{6z + x}", "correct", "",
    lambda: eq(implicit3(F3, x), -(2*x + z)/(6*z + x)))
row("qmd-21", F_, r"\frac{\partial z}{\partial y} = -\frac{4y}{6z + x}", 1, r"\frac{\partial z}{\partial y} = -\frac{4y}{6z + x}", "correct", "",
    lambda: eq(implicit3(F3, y), -4*y/(6*z + x)))
row("qmd-22", F_, r"these are $z_x(1,1) = -\tfrac37$", 1, r"z_x(1,1) = -\tfrac37", "correct", "at P = (1,1,1), on the surface",
    lambda: eq(F3.subs({x: 1, y: 1, z: 1}), 0) and eq(implicit3(F3, x).subs({x: 1, y: 1, z: 1}), -R(3, 7)))
row("qmd-23", F_, r"these are $z_x(1,1) = -\tfrac37$", 1, r"z_y(1,1) = \tfrac47", "MISTAKE", "sign; z_y(1,1) = -4/7",
    lambda: ne(implicit3(F3, y).subs({x: 1, y: 1, z: 1}), R(4, 7)) and eq(implicit3(F3, y).subs({x: 1, y: 1, z: 1}), -R(4, 7)))
row("qmd-24", F_, r"$\nabla F(1,1,1) = (3, 4, 7)$", 1, r"\nabla F(1,1,1) = (3, 4, 7)", "correct", "",
    lambda: eq(grad(F3, (x, y, z)).subs({x: 1, y: 1, z: 1}), sp.Matrix([3, 4, 7])))
row("qmd-25", F_, r"y + y\,\frac{\partial z}{\partial x} + z", 1, r"y + y\,\frac{\partial z}{\partial x} + z + x\,\frac{\partial z}{\partial x} = 0", "not-a-claim",
    "the differentiated constraint, an equation to solve for z_x (not an identity with z_x free)",
    lambda: ne(y + y*p + z + x*p, 0))
row("qmd-26", F_, r"\frac{\partial z}{\partial x} = -\frac{y + z}{x + z}", 1, r"\frac{\partial z}{\partial x} = -\frac{y + z}{x + z}", "MISTAKE",
    "wrong denominator; z_x = -(y+z)/(x+y)",
    lambda: ne(implicit3(F4, x), -(y + z)/(x + z)) and eq(implicit3(F4, x), -(y + z)/(x + y)))
row("qmd-27", F_, r"In the same way $\dfrac{\partial z}{\partial y}", 1, r"\dfrac{\partial z}{\partial y} = -\dfrac{x + z}{x + y}", "correct", "",
    lambda: eq(implicit3(F4, y), -(x + z)/(x + y)))
Ff = x**3 + y**3 - 6*x*y
row("qmd-28", F_, r"$3x^2 + 3y^2y' = 6y + 6xy'$", 1, r"3x^2 + 3y^2y' = 6y + 6xy'", "not-a-claim", "the differentiated relation, an equation for y'",
    lambda: ne(3*x**2 + 3*y**2*p, 6*y + 6*x*p))
row("qmd-29", F_, r"y' = \frac{2y - x^2}{y^2 - 2x}", 1, r"y' = \frac{2y - x^2}{y^2 - 2x}", "correct", "", lambda: eq(idiff_fn(Ff), (2*y - x**2)/(y**2 - 2*x)))
row("qmd-30", F_, r"the slope is $y' = \dfrac{6 - 9}{9 - 6} = 1$", 1, r"y' = \dfrac{6 - 9}{9 - 6}", "correct", "at (3,3), on the folium",
    lambda: eq(Ff.subs({x: 3, y: 3}), 0) and eq(idiff_fn(Ff).subs({x: 3, y: 3}), R(6 - 9, 9 - 6)))
row("qmd-31", F_, r"the slope is $y' = \dfrac{6 - 9}{9 - 6} = 1$", 2, r"\dfrac{6 - 9}{9 - 6} = 1", "MISTAKE", "value; (6-9)/(9-6) = -1",
    lambda: ne(R(6 - 9, 9 - 6), 1) and eq(R(-3, 3), -1))
dx_, dy_, dz_ = sp.symbols("dx dy dz")


def total_diff(fexpr, vs, written):
    """written: dict var -> coefficient"""
    return all(eq(D(fexpr, q), written[q]) for q in vs)


row("qmd-32", F_, r"the total differential is $dz = f_x\,dx + f_y\,dy$", 1, r"dz = f_x\,dx + f_y\,dy", "not-a-claim",
    "definition of the total differential (consistent on z = x^2y^3)",
    lambda: total_diff(x**2*y**3, (x, y), {x: D(x**2*y**3, x), y: D(x**2*y**3, y)}))
row("qmd-33", F_, r"$\quad dz = 2xy^3\,dx + 3x^2y^2\,dy$", 1, r"dz = 2xy^3\,dx + 3x^2y^2\,dy", "correct", "",
    lambda: total_diff(x**2*y**3, (x, y), {x: 2*x*y**3, y: 3*x**2*y**2}))
row("qmd-34", F_, r"$\quad du = \dfrac{1}{y}\,dx + \dfrac{x}{y^2}\,dy$", 1, r"du = \dfrac{1}{y}\,dx + \dfrac{x}{y^2}\,dy", "MISTAKE",
    "sign of the dy coefficient; du = dx/y - x/y^2 dy",
    lambda: not total_diff(x/y, (x, y), {x: 1/y, y: x/y**2}) and total_diff(x/y, (x, y), {x: 1/y, y: -x/y**2}))
wl = sp.log(x**2 + y**2 + z**2)
row("qmd-35", F_, r"$\quad dw = \dfrac{2x\,dx", 1, r"dw = \dfrac{2x\,dx + 2y\,dy + 2z\,dz}{x^2 + y^2 + z^2}", "correct", "",
    lambda: total_diff(wl, (x, y, z), {q: 2*q/(x**2 + y**2 + z**2) for q in (x, y, z)}))
row("qmd-36", F_, r"$\quad dq = \sin y\,dx + x\cos y\,dy$", 1, r"dq = \sin y\,dx + x\cos y\,dy", "correct", "",
    lambda: total_diff(x*sp.sin(y), (x, y), {x: sp.sin(y), y: x*sp.cos(y)}))
V = sp.pi*r**2*h
row("qmd-37", F_, r"dV = \frac{\partial V}{\partial r}\,dr", 1, r"dV = \frac{\partial V}{\partial r}\,dr + \frac{\partial V}{\partial h}\,dh", "correct",
    "total differential of V = pi r^2 h", lambda: total_diff(V, (r, h), {r: D(V, r), h: D(V, h)}))
row("qmd-38", F_, r"= 2\pi r h\,dr + \pi r^2\,dh", 2, r"\frac{\partial V}{\partial r}\,dr + \frac{\partial V}{\partial h}\,dh = 2\pi r h\,dr + \pi r^2\,dh", "correct", "",
    lambda: total_diff(V, (r, h), {r: 2*sp.pi*r*h, h: sp.pi*r**2}))
row("qmd-39", F_, r"|dV| \le 2\pi(3)(5)(0.1)", 1, r"|dV| \le 2\pi(3)(5)(0.1) + \pi(3)^2(0.2)", "not-a-claim",
    "an error bound (inequality); the bound is the max of |V_r dr + V_h dh| over the box",
    lambda: eq(max(abs(D(V, r).subs({r: 3, h: 5})*e1 + D(V, h).subs({r: 3, h: 5})*e2)
                   for e1 in (R(1, 10), -R(1, 10)) for e2 in (R(2, 10), -R(2, 10))),
               2*sp.pi*3*5*R(1, 10) + sp.pi*9*R(2, 10)))
row("qmd-40", F_, r"|dV| \le 2\pi(3)(5)(0.1)", 2, r"2\pi(3)(5)(0.1) + \pi(3)^2(0.2) = 4.8\pi", "correct", "arithmetic: 3π + 1.8π",
    lambda: eq(2*sp.pi*3*5*R(1, 10) + sp.pi*9*R(2, 10), R(48, 10)*sp.pi))
fl2 = E(x)*sp.cos(y)
row("qmd-41", F_, r"$f(x,y) \approx f(a,b) + f_x(a,b)(x - a)", 1, r"f(x,y) \approx f(a,b) + f_x(a,b)(x - a) + f_y(a,b)(y - b)", "not-a-claim",
    "linear approximation (≈), not an identity", lambda: ne(fl2, fl2.subs({x: 0, y: 0}) + D(fl2, x).subs({x: 0, y: 0})*x + D(fl2, y).subs({x: 0, y: 0})*y))
row("qmd-42", F_, r"at $(0,0)$: $f_x = e^{x}\cos y$", 1, r"f_x = e^{x}\cos y", "correct", "", lambda: eq(D(fl2, x), E(x)*sp.cos(y)))
row("qmd-43", F_, r"$f_y = e^{x}\sin y$, so", 1, r"f_y = e^{x}\sin y", "MISTAKE", "sign; f_y = -e^x sin y",
    lambda: ne(D(fl2, y), E(x)*sp.sin(y)) and eq(D(fl2, y), -E(x)*sp.sin(y)))
row("qmd-44", F_, r"$f_y = e^{x}\sin y$, so", 1, r"f_x(0,0) = 1", "correct", "", lambda: eq(D(fl2, x).subs({x: 0, y: 0}), 1))
row("qmd-45", F_, r"$f_y = e^{x}\sin y$, so", 1, r"f_y(0,0) = 0", "correct", "", lambda: eq(D(fl2, y).subs({x: 0, y: 0}), 0))

# ---------------------------------------------------------------- hessian_lagrange_zh.md
F_ = "hessian_lagrange_zh.md"
fz1 = x**3*y**2 + sp.sin(x*y)
row("zh-01", F_, r"记号约定：$f_x=", 1, r"f_x=\dfrac{\partial f}{\partial x}", "not-a-claim", "notation (definition of f_x)",
    lambda: eq(sp.Derivative(fz1, x).doit(), D(fz1, x)))
row("zh-02", F_, r"记号约定：$f_x=", 1, r"f_{xy}=\dfrac{\partial^2 f}{\partial y\,\partial x}", "not-a-claim", "notation (order convention)",
    lambda: eq(D(D(fz1, x), y), D(fz1, x, y)))
row("zh-03", F_, r"f_x = 3x^2y^2 + y\cos(xy)", 1, r"f_x = 3x^2y^2 + y\cos(xy)", "correct", "", lambda: eq(D(fz1, x), 3*x**2*y**2 + y*sp.cos(x*y)))
row("zh-04", F_, r"f_x = 3x^2y^2 + y\cos(xy)", 1, r"f_y = 2x^3y + x\cos(xy)", "correct", "", lambda: eq(D(fz1, y), 2*x**3*y + x*sp.cos(x*y)))
row("zh-05", F_, r"f_{xx} &= 6xy^2 - y\sin(xy)", 1, r"f_{xx} = 6xy^2 - y\sin(xy)", "MISTAKE", "dropped a chain factor; f_xx = 6xy^2 - y^2 sin(xy)",
    lambda: ne(D(fz1, x, 2), 6*x*y**2 - y*sp.sin(x*y)) and eq(D(fz1, x, 2), 6*x*y**2 - y**2*sp.sin(x*y)))
row("zh-06", F_, r"f_{yy} &= 2x^3 - x^2\sin(xy)", 1, r"f_{yy} = 2x^3 - x^2\sin(xy)", "correct", "", lambda: eq(D(fz1, y, 2), 2*x**3 - x**2*sp.sin(x*y)))
row("zh-07", F_, r"f_{xy} &= 6x^2y", 1, r"f_{xy} = 6x^2y + \cos(xy) - xy\sin(xy)", "correct", "",
    lambda: eq(D(fz1, x, y), 6*x**2*y + sp.cos(x*y) - x*y*sp.sin(x*y)))
row("zh-08", F_, r"f_{yx} &= 6x^2y", 1, r"f_{yx} = 6x^2y + \cos(xy) - xy\sin(xy)", "correct", "",
    lambda: eq(D(fz1, y, x), 6*x**2*y + sp.cos(x*y) - x*y*sp.sin(x*y)))
row("zh-09", F_, r"可以看到 $f_{xy}=f_{yx}$", 1, r"f_{xy}=f_{yx}", "correct", "for this f", lambda: eq(D(fz1, x, y), D(fz1, y, x)))
row("zh-10", F_, r"则 $f_{xy}(a,b)=f_{yx}(a,b)$", 1, r"f_{xy}(a,b)=f_{yx}(a,b)", "correct", "Clairaut (theorem; instances)",
    lambda: eq(D(fz1, x, y).subs({x: a, y: b}), D(fz1, y, x).subs({x: a, y: b})) and eq(D(E(x*y**2)*sp.cos(x), x, y), D(E(x*y**2)*sp.cos(x), y, x)))
uz = E(x**2*y)
row("zh-11", F_, r"$u_x=2xy\,e^{x^2y}$", 1, r"u_x=2xy\,e^{x^2y}", "correct", "", lambda: eq(D(uz, x), 2*x*y*uz))
row("zh-12", F_, r"$u_x=2xy\,e^{x^2y}$", 1, r"u_y=x^2e^{x^2y}", "correct", "", lambda: eq(D(uz, y), x**2*uz))
row("zh-13", F_, r"u_{xy}=\frac{\partial}{\partial y}", 1, r"u_{xy}=\frac{\partial}{\partial y}\left(2xy\,e^{x^2y}\right)", "correct", "",
    lambda: eq(D(uz, x, y), D(2*x*y*uz, y)))
row("zh-14", F_, r"u_{xy}=\frac{\partial}{\partial y}", 2, r"\frac{\partial}{\partial y}\left(2xy\,e^{x^2y}\right)=2x\,e^{x^2y}+2x^3y\,e^{x^2y}", "correct", "",
    lambda: eq(D(2*x*y*uz, y), 2*x*uz + 2*x**3*y*uz))
row("zh-15", F_, r"u_{yx}=\frac{\partial}{\partial x}", 1, r"u_{yx}=\frac{\partial}{\partial x}\left(x^2e^{x^2y}\right)", "correct", "",
    lambda: eq(D(uz, y, x), D(x**2*uz, x)))
row("zh-16", F_, r"u_{yx}=\frac{\partial}{\partial x}", 2, r"\frac{\partial}{\partial x}\left(x^2e^{x^2y}\right)=2x\,e^{x^2y}+x^2y\,e^{x^2y}", "MISTAKE",
    "dropped chain factor 2x; = 2x e^{x^2y} + 2x^3y e^{x^2y}",
    lambda: ne(D(x**2*uz, x), 2*x*uz + x**2*y*uz) and eq(D(x**2*uz, x), 2*x*uz + 2*x**3*y*uz))
gz = x**2*y**3
row("zh-17", F_, r"有 $g_{xxy}=6y^2$", 1, r"g_{xxy}=6y^2", "correct", "", lambda: eq(D(gz, x, x, y), 6*y**2))
row("zh-18", F_, r"有 $g_{xxy}=6y^2$", 1, r"g_{xyy}=12xy", "correct", "", lambda: eq(D(gz, x, y, y), 12*x*y))
row("zh-19", F_, r"有 $g_{xxy}=6y^2$", 1, r"g_{yyy}=6x^2", "correct", "", lambda: eq(D(gz, y, 3), 6*x**2))
f4z = x**3 - 3*x*y + y**3
row("zh-20", F_, r"处有 $\nabla f(P_0)=\mathbf 0$", 1, r"\nabla f(P_0)=\mathbf 0", "not-a-claim", "condition defining a critical point (not an identity, e.g. for f of 例4)",
    lambda: ne(grad(f4z, (x, y)), sp.zeros(2, 1)))
row("zh-21", F_, r"H=\begin{pmatrix} f_{xx} & f_{xy}", 1, r"H=\begin{pmatrix} f_{xx} & f_{xy}\\ f_{yx} & f_{yy}\end{pmatrix}", "not-a-claim", "definition of H (= SymPy hessian)",
    lambda: eq(sp.Matrix([[D(f4z, x, x), D(f4z, x, y)], [D(f4z, y, x), D(f4z, y, y)]]), sp.hessian(f4z, (x, y))))
row("zh-22", F_, r"D=\det H=f_{xx}f_{yy}-f_{xy}^2", 1, r"D=\det H", "not-a-claim", "definition of D",
    lambda: eq(sp.hessian(f4z, (x, y)).det(), 36*x*y - 9))
row("zh-23", F_, r"D=\det H=f_{xx}f_{yy}-f_{xy}^2", 2, r"\det H=f_{xx}f_{yy}-f_{xy}^2", "correct", "using f_xy = f_yx (instances)",
    lambda: eq(sp.hessian(fz1, (x, y)).det(), D(fz1, x, 2)*D(fz1, y, 2) - D(fz1, x, y)**2)
    and eq(sp.hessian(f4z, (x, y)).det(), D(f4z, x, 2)*D(f4z, y, 2) - D(f4z, x, y)**2))
row("zh-24", F_, r"1. 若 $D>0$ 且 $f_{xx}>0$", 1, r"f_{xx}>0", "not-a-claim", "a condition of the test (not an identity: 6x < 0 for x < 0 in 例4)",
    lambda: (D(f4z, x, 2).subs(x, -1) > 0) is sp.false)
row("zh-25", F_, r"2. 若 $D>0$ 且 $f_{xx}<0$", 1, r"f_{xx}<0", "not-a-claim", "a condition of the test",
    lambda: (D(f4z, x, 2).subs(x, 1) < 0) is sp.false)
row("zh-26", F_, r"f_x = 3x^2-3y = 0", 1, r"f_x = 3x^2-3y", "correct", "", lambda: eq(D(f4z, x), 3*x**2 - 3*y))
row("zh-27", F_, r"f_x = 3x^2-3y = 0", 2, r"3x^2-3y = 0", "not-a-claim", "the critical-point equation (to solve)", lambda: ne(3*x**2 - 3*y, 0))
row("zh-28", F_, r"f_x = 3x^2-3y = 0", 1, r"f_y = 3y^2-3x", "correct", "", lambda: eq(D(f4z, y), 3*y**2 - 3*x))
row("zh-29", F_, r"f_x = 3x^2-3y = 0", 2, r"3y^2-3x = 0", "not-a-claim", "the critical-point equation (to solve)", lambda: ne(3*y**2 - 3*x, 0))
row("zh-30", F_, r"\nabla^2 f=\begin{pmatrix} 6x & -3", 1, r"\nabla^2 f=\begin{pmatrix} 6x & -3\\ -3 & 6y\end{pmatrix}", "correct", "Hessian",
    lambda: eq(sp.hessian(f4z, (x, y)), sp.Matrix([[6*x, -3], [-3, 6*y]])))
row("zh-31", F_, r"\det\nabla^2 f = 36xy-9", 1, r"\det\nabla^2 f = 36xy-9", "correct", "", lambda: eq(sp.hessian(f4z, (x, y)).det(), 36*x*y - 9))
row("zh-32", F_, r"$f_{xx}(1,1)=6>0$", 1, r"f_{xx}(1,1)=6", "correct", "", lambda: eq(D(f4z, x, 2).subs({x: 1, y: 1}), 6))
row("zh-33", F_, r"$f_{xx}(1,1)=6>0$", 1, r"f_{xy}(1,1)=3", "MISTAKE", "sign; f_xy = -3", lambda: ne(D(f4z, x, y), 3) and eq(D(f4z, x, y).subs({x: 1, y: 1}), -3))
g5 = x**4 + y**4 - 4*x*y + 1
row("zh-34", F_, r"**解**　$g_x=4x^3-4y$", 1, r"g_x=4x^3-4y", "correct", "", lambda: eq(D(g5, x), 4*x**3 - 4*y))
row("zh-35", F_, r"**解**　$g_x=4x^3-4y$", 1, r"g_y=4y^3-4x", "correct", "", lambda: eq(D(g5, y), 4*y**3 - 4*x))
row("zh-36", F_, r"g_{xx}=12x^2,\qquad", 1, r"g_{xx}=12x^2", "correct", "", lambda: eq(D(g5, x, 2), 12*x**2))
row("zh-37", F_, r"g_{xx}=12x^2,\qquad", 1, r"g_{yy}=12y^2", "correct", "", lambda: eq(D(g5, y, 2), 12*y**2))
row("zh-38", F_, r"g_{xx}=12x^2,\qquad", 1, r"g_{xy}=4", "MISTAKE", "sign; g_xy = -4", lambda: ne(D(g5, x, y), 4) and eq(D(g5, x, y), -4))
row("zh-39", F_, r"且 $g_{xx}=12>0$", 1, r"g_{xx}=12", "correct", "at the points (±1,±1) named in the prose",
    lambda: eq(D(g5, x, 2).subs({x: 1, y: 1}), 12) and eq(D(g5, x, 2).subs({x: -1, y: -1}), 12))
hz = x**2 + y**2 + z**2 + x*y + y*z
row("zh-40", F_, r"其梯度为 $\nabla h=(2x+y", 1, r"\nabla h=(2x+y,\;x+2y+z,\;y+2z)", "correct", "",
    lambda: eq(grad(hz, (x, y, z)), sp.Matrix([2*x + y, x + 2*y + z, y + 2*z])))
row("zh-41", F_, r"\nabla^2 h=\begin{pmatrix}2&1&0", 1, r"\nabla^2 h=\begin{pmatrix}2&1&0\\1&2&1\\0&1&2\end{pmatrix}", "correct", "Hessian",
    lambda: eq(sp.hessian(hz, (x, y, z)), sp.Matrix([[2, 1, 0], [1, 2, 1], [0, 1, 2]])))
row("zh-42", F_, r"在 $\nabla g\neq\mathbf 0$ 的条件下", 1, r"\nabla g\neq\mathbf 0", "not-a-claim", "a regularity condition",
    lambda: ne(grad(x**2 + 4*y**2, (x, y)), sp.zeros(2, 1)))
row("zh-43", F_, r"\nabla f=\lambda\,\nabla g,\qquad g(x,y)=c", 1, r"\nabla f=\lambda\,\nabla g", "not-a-claim", "the Lagrange condition (equations to solve)",
    lambda: ne(grad(x*y, (x, y)), lam*grad(x**2 + 4*y**2, (x, y))))
row("zh-44", F_, r"则 $\nabla f=(y,\,x)$", 1, r"\nabla f=(y,\,x)", "correct", "", lambda: eq(grad(x*y, (x, y)), sp.Matrix([y, x])))
row("zh-45", F_, r"则 $\nabla f=(y,\,x)$", 1, r"\nabla g=(2x,\,8y)", "correct", "", lambda: eq(grad(x**2 + 4*y**2, (x, y)), sp.Matrix([2*x, 8*y])))
row("zh-46", F_, r"则 $\nabla f=(y,\,x)$", 1, r"\nabla f=\lambda\nabla g", "not-a-claim", "the Lagrange condition",
    lambda: ne(grad(x*y, (x, y)), lam*grad(x**2 + 4*y**2, (x, y))))
Lz = x*y - lam*(x**2 + 4*y**2 - 8)
row("zh-47", F_, r"\frac{\partial L}{\partial x}=y-2\lambda x", 1, r"\frac{\partial L}{\partial x}=y-2\lambda x", "correct", "", lambda: eq(D(Lz, x), y - 2*lam*x))
row("zh-48", F_, r"\frac{\partial L}{\partial y}=x-4\lambda y", 1, r"\frac{\partial L}{\partial y}=x-4\lambda y", "MISTAKE", "factor; L_y = x - 8λy",
    lambda: ne(D(Lz, y), x - 4*lam*y) and eq(D(Lz, y), x - 8*lam*y))
row("zh-49", F_, r"\frac{\partial L}{\partial \lambda}=-(x^2+4y^2-8)", 1, r"\frac{\partial L}{\partial \lambda}=-(x^2+4y^2-8)", "correct", "",
    lambda: eq(D(Lz, lam), -(x**2 + 4*y**2 - 8)))
row("zh-50", F_, r"**解**　$\nabla f=(1,2,2)$", 1, r"\nabla f=(1,2,2)", "correct", "", lambda: eq(grad(x + 2*y + 2*z, (x, y, z)), sp.Matrix([1, 2, 2])))
row("zh-51", F_, r"**解**　$\nabla f=(1,2,2)$", 1, r"\nabla g=(2x,2y,2z)", "correct", "", lambda: eq(grad(x**2 + y**2 + z**2, (x, y, z)), sp.Matrix([2*x, 2*y, 2*z])))
row("zh-52", F_, r"**解**　$\nabla f=(1,2,2)$", 1, r"\nabla f=\lambda\nabla g", "not-a-claim", "the Lagrange condition",
    lambda: ne(grad(x + 2*y + 2*z, (x, y, z)), lam*grad(x**2 + y**2 + z**2, (x, y, z))))
fex = x*E(y) - E(x)
row("zh-53", F_, r"（提示：$f_x=e^{y}-e^{x}$", 1, r"f_x=e^{y}-e^{x}", "correct", "", lambda: eq(D(fex, x), E(y) - E(x)))
row("zh-54", F_, r"（提示：$f_x=e^{y}-e^{x}$", 1, r"f_y=xe^{y}", "correct", "", lambda: eq(D(fex, y), x*E(y)))

# ---------------------------------------------------------------- div_curl_lab.ipynb
F_ = "div_curl_lab.ipynb"
Fn = (x**2*y, y*z**2, x*z)
Pf, Qf, Rf = [sp.Function(n)(x, y, z) for n in "PQR"]
row("nb-01", F_, r"\operatorname{div}\mathbf F = \nabla\cdot\mathbf F = ", 1, r"\operatorname{div}\mathbf F = \nabla\cdot\mathbf F", "not-a-claim", "notation (definition; sympy.vector divergence agrees on F of §1)",
    lambda: eq(svec_div(Fn), div(Fn)))
row("nb-02", F_, r"\operatorname{div}\mathbf F = \nabla\cdot\mathbf F = ", 2,
    r"\nabla\cdot\mathbf F = \frac{\partial P}{\partial x} + \frac{\partial Q}{\partial y} + \frac{\partial R}{\partial z}", "not-a-claim",
    "definition of the divergence (= SymPy div)", lambda: eq(div((Pf, Qf, Rf)), D(Pf, x) + D(Qf, y) + D(Rf, z)))
row("nb-03", F_, r"\operatorname{curl}\mathbf F = \nabla\times\mathbf F = ", 1, r"\operatorname{curl}\mathbf F = \nabla\times\mathbf F", "not-a-claim", "notation (sympy.vector curl agrees on F of §1)",
    lambda: eq(svec_curl(Fn), curl(Fn)))
row("nb-04", F_, r"\operatorname{curl}\mathbf F = \nabla\times\mathbf F = ", 2,
    r"\nabla\times\mathbf F = \left(\frac{\partial R}{\partial y} - \frac{\partial Q}{\partial z},\; \dots\right)", "not-a-claim", "definition of the curl",
    lambda: eq(curl((Pf, Qf, Rf)), sp.Matrix([D(Rf, y) - D(Qf, z), D(Pf, z) - D(Rf, x), D(Qf, x) - D(Pf, y)])))
Fn = (x**2*y, y*z**2, x*z)
row("nb-05", F_, r"\nabla\cdot\mathbf F = \frac{\partial}{\partial x}\left(x^2y\right)", 1,
    r"\nabla\cdot\mathbf F = \frac{\partial}{\partial x}\left(x^2y\right) + \frac{\partial}{\partial y}\left(yz^2\right) + \frac{\partial}{\partial z}\left(xz\right)", "correct",
    "F = x^2y i + yz^2 j + xz k", lambda: eq(div(Fn), D(x**2*y, x) + D(y*z**2, y) + D(x*z, z)))
row("nb-06", F_, r"\nabla\cdot\mathbf F = \frac{\partial}{\partial x}\left(x^2y\right)", 2,
    r"\frac{\partial}{\partial x}\left(x^2y\right) + \frac{\partial}{\partial y}\left(yz^2\right) + \frac{\partial}{\partial z}\left(xz\right) = 2xy + z^2 + x", "correct", "",
    lambda: eq(D(x**2*y, x) + D(y*z**2, y) + D(x*z, z), 2*x*y + z**2 + x))
cF = curl(Fn)
det_expansion = lambda: sp.Matrix([D(Fn[2], y) - D(Fn[1], z), -(D(Fn[2], x) - D(Fn[0], z)), D(Fn[1], x) - D(Fn[0], y)])
row("nb-07", F_, r"\nabla\times\mathbf F = \begin{vmatrix}", 1,
    r"\nabla\times\mathbf F = \begin{vmatrix} \mathbf i & \mathbf j & \mathbf k \\ \partial_x & \partial_y & \partial_z \\ x^2y & yz^2 & xz \end{vmatrix}", "correct",
    "the determinant mnemonic, expanded along row 1, is the curl", lambda: eq(cF, det_expansion()))
row("nb-08", F_, r"= (0 - 2yz)\,\mathbf i", 2,
    r"\begin{vmatrix}\dots\end{vmatrix} = (0 - 2yz)\,\mathbf i - (z - 0)\,\mathbf j + (0 - x^2)\,\mathbf k", "correct", "",
    lambda: eq(det_expansion(), sp.Matrix([0 - 2*y*z, -(z - 0), 0 - x**2])))
row("nb-09", F_, r"= -2yz\,\mathbf i - z\,\mathbf j - x^2\,\mathbf k", 3,
    r"(0 - 2yz)\,\mathbf i - (z - 0)\,\mathbf j + (0 - x^2)\,\mathbf k = -2yz\,\mathbf i - z\,\mathbf j - x^2\,\mathbf k", "correct", "",
    lambda: eq(sp.Matrix([0 - 2*y*z, -(z - 0), 0 - x**2]), sp.Matrix([-2*y*z, -z, -x**2])))
row("nb-10", F_, r"\nabla\cdot(\nabla\times\mathbf F) = ", 1,
    r"\nabla\cdot(\nabla\times\mathbf F) = \frac{\partial}{\partial x}(-2yz) + \frac{\partial}{\partial y}(-z) + \frac{\partial}{\partial z}\left(-x^2\right)", "correct", "",
    lambda: eq(div(cF), D(-2*y*z, x) + D(-z, y) + D(-x**2, z)))
row("nb-11", F_, r"\nabla\cdot(\nabla\times\mathbf F) = ", 2,
    r"\frac{\partial}{\partial x}(-2yz) + \frac{\partial}{\partial y}(-z) + \frac{\partial}{\partial z}\left(-x^2\right) = 0", "correct", "",
    lambda: eq(D(-2*y*z, x) + D(-z, y) + D(-x**2, z), 0))
Gn = (y*z, x*z, x*y)
row("nb-12", F_, r"Since $\nabla(xyz) = (yz,", 1, r"\nabla(xyz) = (yz,\; xz,\; xy)", "correct", "", lambda: eq(grad(x*y*z, (x, y, z)), sp.Matrix(Gn)))
row("nb-13", F_, r"$\nabla\times\mathbf G = \mathbf 0$", 1, r"\nabla\times\mathbf G = \mathbf 0", "correct", "", lambda: eq(curl(Gn), sp.zeros(3, 1)))
row("nb-14", F_, r"$\nabla\cdot\mathbf G = 0$", 1, r"\nabla\cdot\mathbf G = 0", "correct", "", lambda: eq(div(Gn), 0))
Hn = (x*y, y**2*z, z**3)
row("nb-15", F_, r"\operatorname{div}\mathbf H = x + 2yz", 1, r"\operatorname{div}\mathbf H = x + 2yz + 3z^2", "MISTAKE", "wrong partial of xy; div H = y + 2yz + 3z^2",
    lambda: ne(div(Hn), x + 2*y*z + 3*z**2) and eq(div(Hn), y + 2*y*z + 3*z**2))
Kn = (E(x)*sp.sin(y), E(x)*sp.cos(y), z)
row("nb-16", F_, r"\operatorname{div}\mathbf K = e^{x}", 1, r"\operatorname{div}\mathbf K = e^{x}\sin y - e^{x}\sin y + 1", "correct", "",
    lambda: eq(div(Kn), E(x)*sp.sin(y) - E(x)*sp.sin(y) + 1))
row("nb-17", F_, r"\operatorname{div}\mathbf K = e^{x}", 2, r"e^{x}\sin y - e^{x}\sin y + 1 = 1", "correct", "", lambda: eq(E(x)*sp.sin(y) - E(x)*sp.sin(y) + 1, 1))
row("nb-18", F_, r"\operatorname{div}\mathbf K = e^{x}", 1, r"\operatorname{curl}\mathbf K = (0,\,0,\,0)", "correct", "", lambda: eq(curl(Kn), sp.zeros(3, 1)))
vn = (-y, x, sp.Integer(0))
row("nb-19", F_, r"\quad\nabla\cdot\mathbf v = 0$", 1, r"\nabla\cdot\mathbf v = 0", "correct", "", lambda: eq(div(vn), 0))
row("nb-20", F_, r"\quad\nabla\cdot\mathbf v = 0$", 1, r"\nabla\times\mathbf v = (0,\,0,\,-2)", "MISTAKE", "sign; curl v = (0,0,2)",
    lambda: ne(curl(vn), sp.Matrix([0, 0, -2])) and eq(curl(vn), sp.Matrix([0, 0, 2])))
rn = (x, y, z)
row("nb-21", F_, r"\quad\nabla\cdot\mathbf r = 3$", 1, r"\nabla\cdot\mathbf r = 3", "correct", "", lambda: eq(div(rn), 3))
row("nb-22", F_, r"\quad\nabla\cdot\mathbf r = 3$", 1, r"\nabla\times\mathbf r = \mathbf 0", "correct", "", lambda: eq(curl(rn), sp.zeros(3, 1)))
Wn = (y**2, x**2, sp.Integer(0))
row("nb-23", F_, r"\nabla\times\mathbf W = (0,", 1, r"\nabla\times\mathbf W = (0,\,0,\,2x - 2y)", "correct", "", lambda: eq(curl(Wn), sp.Matrix([0, 0, 2*x - 2*y])))
row("nb-24", F_, r"\nabla\times\mathbf W = (0,", 1, r"\nabla\cdot\mathbf W = 2x + 2y", "MISTAKE", "wrong partials; div W = 0",
    lambda: ne(div(Wn), 2*x + 2*y) and eq(div(Wn), 0))
fgen = sp.Function("f")(x, y, z)
row("nb-25", F_, r"The Laplacian of a scalar field is $\Delta f", 1, r"\Delta f = \nabla\cdot\nabla f", "not-a-claim", "definition of the Laplacian",
    lambda: eq(div(list(grad(fgen, (x, y, z)))), lap(fgen)))
row("nb-26", F_, r"The Laplacian of a scalar field is $\Delta f", 2, r"\nabla\cdot\nabla f = f_{xx} + f_{yy} + f_{zz}", "not-a-claim", "definition (identity for every f)",
    lambda: eq(div(list(grad(fgen, (x, y, z)))), D(fgen, x, 2) + D(fgen, y, 2) + D(fgen, z, 2)))
row("nb-27", F_, r"A function with $\Delta f = 0$ is called", 1, r"\Delta f = 0", "not-a-claim", "definition of harmonic (a condition)",
    lambda: ne(lap(x**4), 0))
row("nb-28", F_, r"* $\Delta\left(x^2 + y^2 - 2z^2\right) = 2 + 2 - 4 = 0$", 1, r"\Delta\left(x^2 + y^2 - 2z^2\right) = 2 + 2 - 4", "correct", "",
    lambda: eq(lap(x**2 + y**2 - 2*z**2), 2 + 2 - 4))
row("nb-29", F_, r"* $\Delta\left(x^2 + y^2 - 2z^2\right) = 2 + 2 - 4 = 0$", 2, r"2 + 2 - 4 = 0", "correct", "", lambda: eq(2 + 2 - 4, 0))
row("nb-30", F_, r"* $\nabla^2\left(x^2yz^3\right) = 2yz^3 + 6x^2yz$", 1, r"\nabla^2\left(x^2yz^3\right) = 2yz^3 + 6x^2yz", "correct",
    "Laplacian (the cell says physicists write \\nabla^2 f for Δf)", lambda: eq(lap(x**2*y*z**3), 2*y*z**3 + 6*x**2*y*z))
un = E(x)*sp.sin(y)
row("nb-31", F_, r"satisfies $u_{xx} + u_{yy} = e^{x}", 1, r"u_{xx} + u_{yy} = e^{x}\sin y - e^{x}\sin y", "correct", "",
    lambda: eq(D(un, x, 2) + D(un, y, 2), E(x)*sp.sin(y) - E(x)*sp.sin(y)))
row("nb-32", F_, r"satisfies $u_{xx} + u_{yy} = e^{x}", 2, r"e^{x}\sin y - e^{x}\sin y = 0", "correct", "", lambda: eq(E(x)*sp.sin(y) - E(x)*sp.sin(y), 0))
row("nb-33", F_, r"$\Delta\ln\left(x^2 + y^2\right) = 0$", 1, r"\Delta\ln\left(x^2 + y^2\right) = 0", "correct", "in the plane, away from 0",
    lambda: eq(lap(sp.log(x**2 + y**2), (x, y)), 0))
rad = sp.sqrt(x**2 + y**2 + z**2)
rv = sp.Matrix([x, y, z])
row("nb-34", F_, r"\nabla r &= \frac{\mathbf r}{r}", 1, r"\nabla r = \frac{\mathbf r}{r}", "correct", "", lambda: eq(grad(rad, (x, y, z)), rv/rad))
row("nb-35", F_, r"\nabla\frac{1}{r} &= -\frac{\mathbf r}{r^3}", 1, r"\nabla\frac{1}{r} = -\frac{\mathbf r}{r^3}", "correct", "", lambda: eq(grad(1/rad, (x, y, z)), -rv/rad**3))
row("nb-36", F_, r"\nabla\cdot\frac{\mathbf r}{r^3} &= 0", 1, r"\nabla\cdot\frac{\mathbf r}{r^3} = 0", "correct", "", lambda: eq(div(list(rv/rad**3)), 0))
row("nb-37", F_, r"\Delta\frac{1}{r} &= 0", 1, r"\Delta\frac{1}{r} = 0", "correct", "", lambda: eq(lap(1/rad), 0))
row("nb-38", F_, r"\Delta r^4 &= 12r^2", 1, r"\Delta r^4 = 12r^2", "MISTAKE", "factor; Δ r^4 = 20 r^2 in R^3",
    lambda: ne(lap(rad**4), 12*rad**2) and eq(lap(rad**4), 20*rad**2))
fsq3 = x**2 + y**2 + z**2
row("nb-39", F_, r"we have $\nabla f = 2\mathbf r$", 1, r"\nabla f = 2\mathbf r", "correct", "", lambda: eq(grad(fsq3, (x, y, z)), 2*rv))
row("nb-40", F_, r"$\nabla\cdot(f\mathbf F) = \nabla f\cdot\mathbf F", 1, r"\nabla\cdot(f\mathbf F) = \nabla f\cdot\mathbf F + f\,\nabla\cdot\mathbf F", "correct",
    "product rule (with f, F of the notebook; also generic)",
    lambda: eq(div([fsq3*Fi for Fi in Fn]), (grad(fsq3, (x, y, z)).T*sp.Matrix(Fn))[0] + fsq3*div(Fn))
    and eq(div([fgen*Fi for Fi in (Pf, Qf, Rf)]), (grad(fgen, (x, y, z)).T*sp.Matrix([Pf, Qf, Rf]))[0] + fgen*div((Pf, Qf, Rf))))
vlap = lambda V: sp.Matrix([lap(Vi) for Vi in V])
row("nb-41", F_, r"\nabla\times(\nabla\times\mathbf v) = \nabla(\nabla\cdot\mathbf v)", 1,
    r"\nabla\times(\nabla\times\mathbf v) = \nabla(\nabla\cdot\mathbf v) - \Delta\mathbf v", "correct", "identity (v of (c), and generic)",
    lambda: eq(curl(list(curl(vn))), grad(div(vn), (x, y, z)) - vlap(vn))
    and eq(curl(list(curl((Pf, Qf, Rf)))), grad(div((Pf, Qf, Rf)), (x, y, z)) - vlap((Pf, Qf, Rf))))

# ---------------------------------------------------------------- partials_blog.md
F_ = "partials_blog.md"
fb = x**2*sp.sin(x*y)
row("blog-01", F_, r"&= \frac{\partial}{\partial x}\left(x^2\right)\sin(xy)", 1,
    r"\frac{\partial f}{\partial x} = \frac{\partial}{\partial x}\left(x^2\right)\sin(xy) + x^2\,\frac{\partial}{\partial x}\sin(xy)", "correct", "product rule",
    lambda: eq(D(fb, x), D(x**2, x)*sp.sin(x*y) + x**2*D(sp.sin(x*y), x)))
row("blog-02", F_, r"&= 2x\sin(xy) + x^2\cos(xy).", 2,
    r"\frac{\partial}{\partial x}\left(x^2\right)\sin(xy) + x^2\,\frac{\partial}{\partial x}\sin(xy) = 2x\sin(xy) + x^2\cos(xy)", "MISTAKE",
    "dropped chain factor y; = 2x sin(xy) + x^2 y cos(xy)",
    lambda: ne(D(x**2, x)*sp.sin(x*y) + x**2*D(sp.sin(x*y), x), 2*x*sp.sin(x*y) + x**2*sp.cos(x*y))
    and eq(D(fb, x), 2*x*sp.sin(x*y) + x**2*y*sp.cos(x*y)))
row("blog-03", F_, r"&= x^2\cos(xy)\cdot\frac{\partial}{\partial y}(xy)", 1, r"\frac{\partial f}{\partial y} = x^2\cos(xy)\cdot\frac{\partial}{\partial y}(xy)", "correct", "",
    lambda: eq(D(fb, y), x**2*sp.cos(x*y)*D(x*y, y)))
row("blog-04", F_, r"&= x^3\cos(xy).", 2, r"x^2\cos(xy)\cdot\frac{\partial}{\partial y}(xy) = x^3\cos(xy)", "correct", "",
    lambda: eq(x**2*sp.cos(x*y)*D(x*y, y), x**3*sp.cos(x*y)))
gb = sp.log(x**2 + y**2)
row("blog-05", F_, r"\nabla g(x,y) &=", 1, r"\nabla g(x,y) = \left(\frac{2x}{x^2+y^2},\ \frac{2y}{x^2+y^2}\right)", "correct", "",
    lambda: eq(grad(gb, (x, y)), sp.Matrix([2*x, 2*y])/(x**2 + y**2)))
row("blog-06", F_, r"\nabla g(1,1) &= (1,\ 1).", 1, r"\nabla g(1,1) = (1,\ 1)", "correct", "", lambda: eq(grad(gb, (x, y)).subs({x: 1, y: 1}), sp.Matrix([1, 1])))
hb = x*y*z
ub = sp.Matrix([1, 1, 1])/sp.sqrt(3)
row("blog-07", F_, r"Since $\nabla h = (yz,\ xz,\ xy)$", 1, r"\nabla h = (yz,\ xz,\ xy)", "correct", "", lambda: eq(grad(hb, (x, y, z)), sp.Matrix([y*z, x*z, x*y])))
row("blog-08", F_, r"D_{\mathbf u}h(1,2,3) &= \nabla h(1,2,3)\cdot\mathbf u", 1, r"D_{\mathbf u}h(1,2,3) = \nabla h(1,2,3)\cdot\mathbf u", "correct",
    "directional derivative of a differentiable h (limit definition checked)",
    lambda: eq(sp.limit((hb.subs({x: 1 + hh*ub[0], y: 2 + hh*ub[1], z: 3 + hh*ub[2]}) - 6)/hh, hh, 0),
               (grad(hb, (x, y, z)).subs({x: 1, y: 2, z: 3}).T*ub)[0]))
row("blog-09", F_, r"&= (6,\ 3,\ 2)\cdot\tfrac{1}{\sqrt3}(1,1,1)", 2, r"\nabla h(1,2,3)\cdot\mathbf u = (6,\ 3,\ 2)\cdot\tfrac{1}{\sqrt3}(1,1,1)", "correct", "",
    lambda: eq(grad(hb, (x, y, z)).subs({x: 1, y: 2, z: 3}), sp.Matrix([6, 3, 2])))
row("blog-10", F_, r"&= \frac{11}{\sqrt3}.", 3, r"(6,\ 3,\ 2)\cdot\tfrac{1}{\sqrt3}(1,1,1) = \frac{11}{\sqrt3}", "correct", "",
    lambda: eq((sp.Matrix([6, 3, 2]).T*ub)[0], 11/sp.sqrt(3)))
pb = x**2*y
cs = {x: sp.cos(t), y: sp.sin(t)}
row("blog-11", F_, r"&= p_x\,\frac{dx}{dt} + p_y\,\frac{dy}{dt}", 1, r"\frac{d}{dt}\,p(\cos t,\sin t) = p_x\,\frac{dx}{dt} + p_y\,\frac{dy}{dt}", "correct", "",
    lambda: eq(D(pb.subs(cs), t), (D(pb, x)*D(sp.cos(t), t) + D(pb, y)*D(sp.sin(t), t)).subs(cs)))
row("blog-12", F_, r"&= 2xy\,(-\sin t) + x^2\cos t", 2, r"p_x\,\frac{dx}{dt} + p_y\,\frac{dy}{dt} = 2xy\,(-\sin t) + x^2\cos t", "correct", "",
    lambda: eq(D(pb, x)*D(sp.cos(t), t) + D(pb, y)*D(sp.sin(t), t), 2*x*y*(-sp.sin(t)) + x**2*sp.cos(t)))
row("blog-13", F_, r"&= -2\cos t\sin^2 t + \cos^2 t.", 3, r"2xy\,(-\sin t) + x^2\cos t = -2\cos t\sin^2 t + \cos^2 t", "MISTAKE",
    "exponent; with x = cos t, y = sin t it is -2cos t sin^2 t + cos^3 t",
    lambda: ne((2*x*y*(-sp.sin(t)) + x**2*sp.cos(t)).subs(cs), -2*sp.cos(t)*sp.sin(t)**2 + sp.cos(t)**2)
    and eq((2*x*y*(-sp.sin(t)) + x**2*sp.cos(t)).subs(cs), -2*sp.cos(t)*sp.sin(t)**2 + sp.cos(t)**3))
row("blog-14", F_, r"$\frac{d}{dt}\left(\cos^2 t\,\sin t\right) =", 1, r"\frac{d}{dt}\left(\cos^2 t\,\sin t\right) = -2\cos t\sin^2 t + \cos^3 t", "correct", "",
    lambda: eq(D(sp.cos(t)**2*sp.sin(t), t), -2*sp.cos(t)*sp.sin(t)**2 + sp.cos(t)**3))


def polar_laplacian():
    ok = True
    for U in (x**3*y - y**2 + x, E(x)*sp.cos(2*y)):
        up = U.subs(pol)
        lhs = lap(U, (x, y)).subs(pol)
        rhs = D(up, r, 2) + D(up, r)/r + D(up, th, 2)/r**2
        ok = ok and eq(lhs, rhs)
    return ok


row("blog-15", F_, r"$\Delta u = u_{rr} + \frac{1}{r}u_r", 1, r"\Delta u = u_{rr} + \frac{1}{r}u_r + \frac{1}{r^2}u_{\theta\theta}", "correct",
    "the polar Laplacian (theorem; instances)", polar_laplacian)
ub2 = r**2*sp.cos(2*th)
row("blog-16", F_, r"&= 2\cos 2\theta + \frac{1}{r}\left(2r\cos 2\theta\right)", 1,
    r"\frac{\partial^2 u}{\partial r^2} + \frac{1}{r}\frac{\partial u}{\partial r} + \frac{1}{r^2}\frac{\partial^2 u}{\partial \theta^2} = 2\cos 2\theta + \frac{1}{r}\left(2r\cos 2\theta\right) + \frac{1}{r^2}\left(-4r^2\cos 2\theta\right)",
    "correct", "u = r^2 cos 2θ",
    lambda: eq(D(ub2, r, 2) + D(ub2, r)/r + D(ub2, th, 2)/r**2, 2*sp.cos(2*th) + (2*r*sp.cos(2*th))/r + (-4*r**2*sp.cos(2*th))/r**2))
row("blog-17", F_, r"&= 2\cos 2\theta + 2\cos 2\theta - 4\cos 2\theta", 2,
    r"\dots = 2\cos 2\theta + 2\cos 2\theta - 4\cos 2\theta", "correct", "",
    lambda: eq(2*sp.cos(2*th) + (2*r*sp.cos(2*th))/r + (-4*r**2*sp.cos(2*th))/r**2, 2*sp.cos(2*th) + 2*sp.cos(2*th) - 4*sp.cos(2*th)))
row("blog-18", F_, r"  &= 0.", 3, r"2\cos 2\theta + 2\cos 2\theta - 4\cos 2\theta = 0", "correct", "", lambda: eq(2*sp.cos(2*th) + 2*sp.cos(2*th) - 4*sp.cos(2*th), 0))
vb = x**2 - y**2
row("blog-19", F_, r"$v_{xx} + v_{yy} = 2 - 2 = 0$", 1, r"v_{xx} + v_{yy} = 2 - 2", "correct", "v = x^2 - y^2 (stated just before)",
    lambda: eq(D(vb, x, 2) + D(vb, y, 2), 2 - 2))
row("blog-20", F_, r"$v_{xx} + v_{yy} = 2 - 2 = 0$", 2, r"2 - 2 = 0", "correct", "", lambda: eq(2 - 2, 0))
qb = x**2 + y**2
row("blog-21", F_, r"&= 2x\,\frac{\partial x}{\partial \phi}", 1, r"\frac{\partial q}{\partial \phi} = 2x\,\frac{\partial x}{\partial \phi} + 2y\,\frac{\partial y}{\partial \phi}", "correct", "",
    lambda: eq(D(qb.subs(sphs), ph), (2*x*D(sph[0], ph) + 2*y*D(sph[1], ph)).subs(sphs)))
row("blog-22", F_, r"&= 2\rho^2\sin\phi\cos\phi\left(", 2,
    r"2x\,\frac{\partial x}{\partial \phi} + 2y\,\frac{\partial y}{\partial \phi} = 2\rho^2\sin\phi\cos\phi\left(\cos^2\theta + \sin^2\theta\right)", "correct", "",
    lambda: eq((2*x*D(sph[0], ph) + 2*y*D(sph[1], ph)).subs(sphs), 2*rho**2*sp.sin(ph)*sp.cos(ph)*(sp.cos(th)**2 + sp.sin(th)**2)))
row("blog-23", F_, r"&= \rho^2\sin 2\phi.", 3, r"2\rho^2\sin\phi\cos\phi\left(\cos^2\theta + \sin^2\theta\right) = \rho^2\sin 2\phi", "correct", "",
    lambda: eq(2*rho**2*sp.sin(ph)*sp.cos(ph)*(sp.cos(th)**2 + sp.sin(th)**2), rho**2*sp.sin(2*ph)))
Jb = jac([u**2 - v**2, 2*u*v], (u, v))
row("blog-24", F_, r"J_{\mathbf F}(u,v) = \frac{\partial(x,y)}{\partial(u,v)} &=", 1, r"J_{\mathbf F}(u,v) = \frac{\partial(x,y)}{\partial(u,v)}", "not-a-claim",
    "notation: names the Jacobian (= SymPy jacobian of (u^2-v^2, 2uv))",
    lambda: eq(Jb, sp.Matrix([[D(u**2 - v**2, u), D(u**2 - v**2, v)], [D(2*u*v, u), D(2*u*v, v)]])))
row("blog-25", F_, r"J_{\mathbf F}(u,v) = \frac{\partial(x,y)}{\partial(u,v)} &=", 2,
    r"\frac{\partial(x,y)}{\partial(u,v)} = \begin{bmatrix} 2u & -2v \\ 2v & 2u \end{bmatrix}", "correct", "",
    lambda: eq(Jb, sp.Matrix([[2*u, -2*v], [2*v, 2*u]])))
row("blog-26", F_, r"\det J_{\mathbf F}(u,v) &= 4u^2 - 4v^2.", 1, r"\det J_{\mathbf F}(u,v) = 4u^2 - 4v^2", "MISTAKE", "sign; det = 4u^2 + 4v^2",
    lambda: ne(Jb.det(), 4*u**2 - 4*v**2) and eq(Jb.det(), 4*u**2 + 4*v**2))
fb7 = sp.sqrt(x)*y
row("blog-27", F_, r"f_x(x,y) &= \frac{y}{2\sqrt{x}}", 1, r"f_x(x,y) = \frac{y}{2\sqrt{x}}", "correct", "", lambda: eq(D(fb7, x), y/(2*sp.sqrt(x))))
row("blog-28", F_, r"f_x(x,y) &= \frac{y}{2\sqrt{x}}", 1, r"f_x(4,1) = \frac{1}{2}", "MISTAKE", "value; f_x(4,1) = 1/4",
    lambda: ne(D(fb7, x).subs({x: 4, y: 1}), R(1, 2)) and eq(D(fb7, x).subs({x: 4, y: 1}), R(1, 4)))
row("blog-29", F_, r"f_y(x,y) &= \sqrt{x}", 1, r"f_y(x,y) = \sqrt{x}", "correct", "", lambda: eq(D(fb7, y), sp.sqrt(x)))
row("blog-30", F_, r"f_y(x,y) &= \sqrt{x}", 1, r"f_y(4,1) = 2", "correct", "", lambda: eq(D(fb7, y).subs({x: 4, y: 1}), 2))
row("blog-31", F_, r"\frac{\partial^2}{\partial x\,\partial y}\left(x^3y^2\right) =", 1,
    r"\frac{\partial^2}{\partial x\,\partial y}\left(x^3y^2\right) = \frac{\partial}{\partial x}\left(2x^3y\right)", "correct", "",
    lambda: eq(D(x**3*y**2, y, x), D(2*x**3*y, x)))
row("blog-32", F_, r"\frac{\partial^2}{\partial x\,\partial y}\left(x^3y^2\right) =", 2, r"\frac{\partial}{\partial x}\left(2x^3y\right) = 6x^2y", "correct", "",
    lambda: eq(D(2*x**3*y, x), 6*x**2*y))
row("blog-33", F_, r"\frac{\partial^2}{\partial y^2}\,e^{xy} = x^2e^{xy}", 1, r"\frac{\partial^2}{\partial y^2}\,e^{xy} = x^2e^{xy}", "correct", "",
    lambda: eq(D(E(x*y), y, 2), x**2*E(x*y)))
Fb = E(y) + x*y - sp.E
row("blog-34", F_, r"\frac{dy}{dx} = -\frac{y}{e^{y} + x}", 1, r"\frac{dy}{dx} = -\frac{y}{e^{y} + x}", "correct", "on e^y + xy = e",
    lambda: eq(sp.idiff(Fb, y, x), -y/(E(y) + x)))
row("blog-35", F_, r"is $y'(0) = -1/e$", 1, r"y'(0) = -1/e", "correct", "at (0,1), on the curve",
    lambda: eq(Fb.subs({x: 0, y: 1}), 0) and eq(sp.idiff(Fb, y, x).subs({x: 0, y: 1}), -1/sp.E))
row("blog-36", F_, r"$\nabla(x + y) = (1,1) = \lambda", 1, r"\nabla(x + y) = (1,1)", "correct", "", lambda: eq(grad(x + y, (x, y)), sp.Matrix([1, 1])))
row("blog-37", F_, r"$\nabla(x + y) = (1,1) = \lambda", 2, r"(1,1) = \lambda\,(2x,\,2y)", "not-a-claim", "the Lagrange condition (equations to solve)",
    lambda: ne(sp.Matrix([1, 1]), lam*sp.Matrix([2*x, 2*y])))


# ---------------------------------------------------------------- locate lines, run checks, write
def file_lines(fn):
    text = open(HERE + fn, encoding="utf-8").read().split("\n")
    if fn.endswith(".ipynb"):
        out = []
        for ln in text:
            st = ln.strip().rstrip(",")
            try:
                val = json.loads(st)
                out.append(val if isinstance(val, str) else ln)
            except Exception:
                out.append(ln)
        return out
    return text


def main():
    cache = {}
    bad = []
    for rw in ROWS:
        lines = cache.setdefault(rw["file"], file_lines(rw["file"]))
        anc, delta = rw["anchor"] if isinstance(rw["anchor"], tuple) else (rw["anchor"], 0)
        hits = [i + 1 for i, ln in enumerate(lines) if anc in ln]
        if len(hits) != 1:
            raise SystemExit(f"{rw['id']}: anchor {anc!r} found on lines {hits}")
        rw["line"] = hits[0] + delta   # delta: the right-hand member starts on another line than the anchor
        before = N_CHECKS[0]
        ok = bool(rw["check"]())
        if N_CHECKS[0] == before:      # a check that needed no comparison (notation rows)
            N_CHECKS[0] += 1
        rw["ok"] = ok
        if not ok:
            bad.append(rw["id"])
    ids = [rw["id"] for rw in ROWS]
    assert len(ids) == len(set(ids))
    print(f"{len(ROWS)} labelled rows, {N_CHECKS[0]} SymPy checks, {len(bad)} disagree: {bad}")
    with open(HERE + "labels.md", "w", encoding="utf-8") as fh:
        fh.write("# Labels: vector_calc probe set\n\n")
        fh.write("Every row is checked by `check_labels.py` (SymPy). Lines are those of the step's right-hand member "
                 "(for the notebook: the line of the .ipynb JSON file, as mathdoc reports it).\n\n")
        fh.write("| id | file:line | step | latex | label | why / correct value |\n|---|---|---|---|---|---|\n")
        for rw in ROWS:
            lt = rw["latex"].replace("|", "\\|")
            fh.write(f"| {rw['id']} | {rw['file']}:{rw['line']} | {rw['step']} | `{lt}` | {rw['label']} | {rw['why'].replace('|', '/')} |\n")
    json.dump([{k: rw[k] for k in ("id", "file", "line", "step", "latex", "label", "why")} for rw in ROWS],
              open(HERE + "labels_base.json", "w"), indent=1, ensure_ascii=False)
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())

import json
cells = []
def md(s): cells.append({"cell_type": "markdown", "metadata": {}, "source": s.strip("\n").splitlines(True)})
def code(s, out=None):
    c = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": s.strip("\n").splitlines(True)}
    if out is not None:
        c["outputs"] = [{"output_type": "execute_result", "execution_count": None, "metadata": {},
                         "data": {"text/plain": out.strip("\n").splitlines(True)}}]
    cells.append(c)

md(r"""
# Lab 8: Divergence, curl and the Laplacian

In this lab we compute the divergence and curl of some vector fields by hand and then
check the answers with SymPy. For a vector field $\mathbf F = (P, Q, R)$ on $\mathbb R^3$,

$$
\operatorname{div}\mathbf F = \nabla\cdot\mathbf F = \frac{\partial P}{\partial x} + \frac{\partial Q}{\partial y} + \frac{\partial R}{\partial z},
$$

$$
\operatorname{curl}\mathbf F = \nabla\times\mathbf F = \left(\frac{\partial R}{\partial y} - \frac{\partial Q}{\partial z},\; \frac{\partial P}{\partial z} - \frac{\partial R}{\partial x},\; \frac{\partial Q}{\partial x} - \frac{\partial P}{\partial y}\right).
$$
""")
code(r"""
import sympy as sp
x, y, z = sp.symbols('x y z', real=True)
X = (x, y, z)

def div(F):
    return sp.simplify(sum(sp.diff(Fi, v) for Fi, v in zip(F, X)))

def curl(F):
    P, Q, R = F
    return sp.Matrix([sp.diff(R, y) - sp.diff(Q, z),
                      sp.diff(P, z) - sp.diff(R, x),
                      sp.diff(Q, x) - sp.diff(P, y)])

def laplacian(f, vars=X):
    return sp.simplify(sum(sp.diff(f, v, 2) for v in vars))
""")
md(r"""
## 1. A first example

Let $\mathbf F(x,y,z) = x^2y\,\mathbf i + yz^2\,\mathbf j + xz\,\mathbf k$. Then

$$
\nabla\cdot\mathbf F = \frac{\partial}{\partial x}\left(x^2y\right) + \frac{\partial}{\partial y}\left(yz^2\right) + \frac{\partial}{\partial z}\left(xz\right) = 2xy + z^2 + x .
$$

For the curl, expand the symbolic determinant along its first row:

$$
\nabla\times\mathbf F = \begin{vmatrix} \mathbf i & \mathbf j & \mathbf k \\ \partial_x & \partial_y & \partial_z \\ x^2y & yz^2 & xz \end{vmatrix}
= (0 - 2yz)\,\mathbf i - (z - 0)\,\mathbf j + (0 - x^2)\,\mathbf k
= -2yz\,\mathbf i - z\,\mathbf j - x^2\,\mathbf k .
$$
""")
code(r"""
F = (x**2*y, y*z**2, x*z)
div(F), curl(F).T
""", "(x**2*y + x + z**2... , Matrix([[-2*y*z, -z, -x**2]]))".replace("x**2*y + x + z**2... ", "2*x*y + x + z**2"))
md(r"""
As a consistency check, the divergence of a curl is always zero for a $C^2$ field, and here

$$
\nabla\cdot(\nabla\times\mathbf F) = \frac{\partial}{\partial x}(-2yz) + \frac{\partial}{\partial y}(-z) + \frac{\partial}{\partial z}\left(-x^2\right) = 0 .
$$

## 2. A conservative field

Let $\mathbf G = (yz,\; xz,\; xy)$. Since $\nabla(xyz) = (yz,\; xz,\; xy)$, the field $\mathbf G$ is a
gradient, so its curl vanishes: $\nabla\times\mathbf G = \mathbf 0$. Its divergence is also zero,
$\nabla\cdot\mathbf G = 0$, because each component is independent of its own variable.
""")
code(r"""
G = (y*z, x*z, x*y)
div(G), curl(G).T
""", "(0, Matrix([[0, 0, 0]]))")
md(r"""
## 3. Practice fields

Work these out by hand before running the next cell.

* (a) $\mathbf H = (xy,\; y^2z,\; z^3)$: $\quad\operatorname{div}\mathbf H = x + 2yz + 3z^2$.
* (b) $\mathbf K = (e^{x}\sin y,\; e^{x}\cos y,\; z)$: $\quad\operatorname{div}\mathbf K = e^{x}\sin y - e^{x}\sin y + 1 = 1$ and $\operatorname{curl}\mathbf K = (0,\,0,\,0)$.
* (c) The rotation field $\mathbf v = (-y,\; x,\; 0)$: $\quad\nabla\cdot\mathbf v = 0$ and $\nabla\times\mathbf v = (0,\,0,\,-2)$.
* (d) The position field $\mathbf r = (x,\; y,\; z)$: $\quad\nabla\cdot\mathbf r = 3$ and $\nabla\times\mathbf r = \mathbf 0$.
* (e) $\mathbf W = (y^2,\; x^2,\; 0)$: $\quad\nabla\times\mathbf W = (0,\,0,\,2x - 2y)$ and $\nabla\cdot\mathbf W = 2x + 2y$.
""")
code(r"""
fields = {
    'H': (x*y, y**2*z, z**3),
    'K': (sp.exp(x)*sp.sin(y), sp.exp(x)*sp.cos(y), z),
    'v': (-y, x, 0),
    'r': (x, y, z),
    'W': (y**2, x**2, 0),
}
for name, V in fields.items():
    print(name, div(V), list(curl(V)))
""")
md(r"""
## 4. The Laplacian

The Laplacian of a scalar field is $\Delta f = \nabla\cdot\nabla f = f_{xx} + f_{yy} + f_{zz}$
(physicists often write $\nabla^2 f$). A function with $\Delta f = 0$ is called *harmonic*.

* $\Delta\left(x^2 + y^2 - 2z^2\right) = 2 + 2 - 4 = 0$, so this quadratic is harmonic.
* $\nabla^2\left(x^2yz^3\right) = 2yz^3 + 6x^2yz$.
* In the plane, $u = e^{x}\sin y$ satisfies $u_{xx} + u_{yy} = e^{x}\sin y - e^{x}\sin y = 0$.
* Also in the plane, $\Delta\ln\left(x^2 + y^2\right) = 0$ away from the origin.
""")
code(r"""
laplacian(x**2 + y**2 - 2*z**2), laplacian(x**2*y*z**3), laplacian(sp.log(x**2 + y**2), (x, y))
""", "(0, 6*x**2*y*z + 2*y*z**3, 0)")
md(r"""
## 5. Radial fields

Write $r = \sqrt{x^2 + y^2 + z^2}$ for the distance to the origin and $\mathbf r = (x, y, z)$. Away from the origin,

$$
\begin{aligned}
\nabla r &= \frac{\mathbf r}{r}, \\
\nabla\frac{1}{r} &= -\frac{\mathbf r}{r^3}, \\
\nabla\cdot\frac{\mathbf r}{r^3} &= 0, \\
\Delta\frac{1}{r} &= 0, \\
\Delta r^4 &= 12r^2 .
\end{aligned}
$$

The fact that $1/r$ is harmonic is why the Coulomb potential satisfies Laplace's equation outside the charge.
""")
code(r"""
r = sp.sqrt(x**2 + y**2 + z**2)
[sp.simplify(sp.diff(1/r, v)) for v in X], laplacian(1/r), sp.factor(laplacian(r**4))
""")
md(r"""
## 6. Identities

For $f = x^2 + y^2 + z^2$ we have $\nabla f = 2\mathbf r$, and with $\mathbf F$ from §1 the product rule
$\nabla\cdot(f\mathbf F) = \nabla f\cdot\mathbf F + f\,\nabla\cdot\mathbf F$ can be confirmed in the next cell.
For the rotation field of (c) the identity $\nabla\times(\nabla\times\mathbf v) = \nabla(\nabla\cdot\mathbf v) - \Delta\mathbf v$
holds with both sides equal to $\mathbf 0$.
""")
code(r"""
f = x**2 + y**2 + z**2
lhs = div([f*Fi for Fi in F])
rhs = sum(sp.diff(f, v)*Fi for v, Fi in zip(X, F)) + f*div(F)
sp.simplify(lhs - rhs)
""", "0")

nb = {"cells": cells,
      "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python", "version": "3.11"}},
      "nbformat": 4, "nbformat_minor": 5}
for i, c in enumerate(cells):
    c["id"] = f"cell-{i:02d}"
json.dump(nb, open("/tmp/probes9/vector_calc/div_curl_lab.ipynb", "w"), indent=1, ensure_ascii=False)

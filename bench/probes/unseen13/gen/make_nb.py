HERE = __import__('os').path.dirname(__import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import json
cells = []
def md(s): cells.append({"cell_type": "markdown", "metadata": {}, "source": s.strip("\n").splitlines(keepends=True)})
def code(s): cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s.strip("\n").splitlines(keepends=True)})

md(r"""
# Normalizing flows from scratch: Jacobians and log-determinants

A normalizing flow pushes a simple base density $p_Z$ through an invertible map. If $z = f(x)$ is
invertible and differentiable, the change-of-variables formula is
$$p_X(x) = p_Z(f(x))\,\left|\det \frac{\partial f}{\partial x}\right|,$$
so training only needs $\log|\det J|$ for each layer. Throughout, Jacobians are in numerator
layout: row $i$ of $J$ holds the partial derivatives of output $i$.
""")
code(r"""
import numpy as np
import sympy as sp
x, y, a, b = sp.symbols('x y a b', real=True)
""")
md(r"""
## 1. Elementwise flows

**Affine.** For $y = ax + b$ with $a \neq 0$ we have $\frac{dy}{dx} = a$, so $\log\left|\frac{dy}{dx}\right| = \log|a|$ does not depend on $x$.

**Exponential.** For $y = e^{x}$ the derivative is $\frac{dy}{dx} = e^{x}$ and the log-determinant is simply $\log\left|\frac{dy}{dx}\right| = x$. Its inverse $x = \log y$ has $\frac{dx}{dy} = \frac{1}{y}$.

**Cubic.** The map $y = x^3 + x$ is strictly increasing, since $\frac{d}{dx}(x^3 + x) = 3x^2$ is never negative.

**Power.** The signed cube root $y = x^{1/3}$ (for $x > 0$) has $\frac{dy}{dx} = \frac{1}{3}x^{-1/3}$, which blows up at the origin, so it is a poor choice for a flow layer.

**Softplus.** With $y = \log(1 + e^{x})$ we get $\frac{dy}{dx} = \frac{e^{x}}{1 + e^{x}}$, and therefore
$$\log\frac{dy}{dx} = x - \log(1 + e^{x}).$$
""")
code(r"""
f = sp.log(1 + sp.exp(x))
print(sp.simplify(sp.diff(f, x)))
""")
md(r"""
## 2. Elementwise flows in several dimensions

Apply $y_i = e^{x_i}$ to $x \in \mathbb{R}^2$. The Jacobian is diagonal,
$$\frac{\partial y}{\partial x} = \begin{bmatrix} e^{x_1} & 0 \\ 0 & e^{x_2} \end{bmatrix},$$
so $\log|\det J| = x_1 + x_2$. In general an elementwise flow has $\log|\det J| = \sum_i \log|h'(x_i)|$.

## 3. Affine and linear flows

Let
$$\begin{pmatrix} u \\ v \end{pmatrix} = \begin{pmatrix} 2 & 1 \\ 0 & 3 \end{pmatrix}\begin{pmatrix} x \\ y \end{pmatrix},$$
that is, $u = 2x + y$ and $v = 3y$. Then
$$\frac{\partial(u, v)}{\partial(x, y)} = \begin{bmatrix} 2 & 1 \\ 0 & 3 \end{bmatrix}, \qquad \det\frac{\partial(u, v)}{\partial(x, y)} = 6,$$
and $\log|\det J| = \log 6$ everywhere. For a general linear flow $y = Wx$ the Jacobian is $\frac{\partial y}{\partial x} = W$, and parametrizing $W = LU$ makes $\log|\det W| = \sum_i \log|U_{ii}|$ cheap.

A location–scale layer $y = \mu + \sigma z$ has $\frac{\partial y}{\partial \mu} = 1$ and $\frac{\partial y}{\partial \sigma} = z$ with respect to its parameters.
""")
md(r"""
## 4. A nonlinear example

The complex squaring map $u = x^2 - y^2$, $v = 2xy$ has Jacobian
$$\frac{\partial(u, v)}{\partial(x, y)} = \begin{bmatrix} 2x & -2y \\ 2y & 2x \end{bmatrix},$$
with determinant
$$\det\begin{bmatrix} 2x & -2y \\ 2y & 2x \end{bmatrix} = 4x^2 - 4y^2.$$

Another useful example is the shear $u = x$, $v = y + x^2$: here $\frac{\partial v}{\partial x} = 2x$, $\frac{\partial v}{\partial y} = 1$ and
$$\frac{\partial(u, v)}{\partial(x, y)} = \begin{bmatrix} 1 & 0 \\ 2x & 1 \end{bmatrix},$$
so the shear preserves volume: $\log|\det J| = 0$.
""")
code(r"""
u = x**2 - y**2
v = 2*x*y
J = sp.Matrix([u, v]).jacobian([x, y])
print(J, sp.factor(J.det()))
""")
md(r"""
## 5. Coupling layers

A RealNVP-style coupling layer keeps $x_1$ and transforms $x_2$ conditioned on it:
$$y_1 = x_1, \qquad y_2 = x_2\, e^{a x_1} + x_1^2.$$
The partial derivatives are
$$\frac{\partial y_2}{\partial x_1} = a x_2 e^{a x_1} + 2x_1, \qquad \frac{\partial y_2}{\partial x_2} = e^{a x_1}, \qquad \frac{\partial y_1}{\partial x_2} = 0,$$
so the Jacobian is triangular:
$$\frac{\partial(y_1, y_2)}{\partial(x_1, x_2)} = \begin{bmatrix} 1 & a x_2 e^{a x_1} + 2x_1 \\ 0 & e^{a x_1} \end{bmatrix}.$$
Its determinant is the product of the diagonal, hence $\log|\det J| = a x_1$, and we never need the off-diagonal entry.

A *planar* flow in one dimension, $f(z) = z + u\,h(wz + b)$, has $f'(z) = 1 + u w\, h'(wz + b)$.
""")
code(r"""
x1, x2 = sp.symbols('x1 x2')
Y = sp.Matrix([x1, x2*sp.exp(a*x1) + x1**2])
print(Y.jacobian([x1, x2]))
""")
md(r"""
## 6. Putting it together

For the exponential flow, the density of $y = e^{x}$ with $x \sim p_Z$ is
$$\log p_Y(y) = \log p_Z(\log y) - \log y,$$
because $\frac{d}{dy}\log y = \frac{1}{y}$. For a standard normal base this is the log-normal density, and
$$\frac{d}{dy}\left(-\frac{(\log y)^2}{2} - \log y\right) = -\frac{\log y + 1}{y}.$$
""")
nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
      "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
for i, c in enumerate(nb["cells"]):
    c["id"] = f"cell{i}"
json.dump(nb, open(HERE + "/flows.ipynb", "w"), indent=1)

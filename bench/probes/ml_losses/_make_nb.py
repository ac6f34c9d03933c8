import json
cells = []
def md(s): cells.append({"cell_type":"markdown","metadata":{},"source":s.strip("\n").splitlines(True)})
def code(s): cells.append({"cell_type":"code","metadata":{},"execution_count":None,"outputs":[],"source":s.strip("\n").splitlines(True)})

md(r"""
# Backpropagation through a two-layer network

In this notebook we derive, by hand, every gradient of a small two-layer network and then check the
formulas numerically with NumPy. We use **column vectors** and the convention that the gradient of a
scalar with respect to a matrix has the same shape as that matrix.
""")
md(r"""
## 1. Setup and shapes

| symbol | meaning | shape |
|---|---|---|
| $\mathbf x$ | input | $d\times 1$ |
| $W_1$, $\mathbf b_1$ | first layer | $h\times d$, $h\times 1$ |
| $\mathbf z_1 = W_1\mathbf x + \mathbf b_1$ | pre-activation | $h\times 1$ |
| $\mathbf a_1 = \tanh(\mathbf z_1)$ | hidden activation | $h\times 1$ |
| $W_2$, $b_2$ | second layer | $1\times h$, scalar |
| $z_2 = W_2\mathbf a_1 + b_2$ | output | scalar |

The loss is the squared error $L = \frac12 (z_2 - y)^2$.
""")
code(r"""
import numpy as np
rng = np.random.default_rng(0)
d, h = 4, 3
x = rng.normal(size=(d, 1)); y = 0.7
W1 = rng.normal(size=(h, d)); b1 = rng.normal(size=(h, 1))
W2 = rng.normal(size=(1, h)); b2 = 0.1
""")
md(r"""
## 2. Backward pass

Start at the output: $\frac{\partial L}{\partial z_2} = z_2 - y$. The second layer is linear, so
$\frac{\partial L}{\partial W_2} = (z_2-y)\,\mathbf a_1^\top$ (a $1\times h$ row, like $W_2$) and
$\frac{\partial L}{\partial b_2} = z_2 - y$.

Going back into the hidden layer, $\frac{\partial L}{\partial \mathbf a_1} = W_2^\top (z_2 - y)$, an $h\times 1$ column.
The Jacobian of the activation is diagonal, $\frac{\partial \mathbf a_1}{\partial \mathbf z_1} = \operatorname{diag}(1-\mathbf a_1\odot\mathbf a_1)$, so

$$
\boldsymbol\delta_1 = \frac{\partial L}{\partial \mathbf z_1}
 = \frac{\partial L}{\partial \mathbf a_1}\odot\left(1-\mathbf a_1\odot\mathbf a_1\right)
 = W_2^\top(z_2-y)\odot\left(1-\mathbf a_1\odot\mathbf a_1\right).
$$

Finally $\frac{\partial L}{\partial W_1} = \boldsymbol\delta_1\,\mathbf x^\top$ ($h\times d$) and
$\frac{\partial L}{\partial \mathbf b_1} = \boldsymbol\delta_1$. For later use, the Jacobian of the first
layer with respect to its input is $\frac{\partial \mathbf z_1}{\partial \mathbf x} = W_1$.
""")
code(r"""
def forward(W1, b1, W2, b2):
    z1 = W1 @ x + b1
    a1 = np.tanh(z1)
    z2 = (W2 @ a1).item() + b2
    return z1, a1, z2, 0.5 * (z2 - y) ** 2

z1, a1, z2, L = forward(W1, b1, W2, b2)
g_z2 = z2 - y
g_W2 = g_z2 * a1.T
g_a1 = W2.T * g_z2
delta1 = g_a1 * (1 - a1 * a1)
g_W1 = delta1 @ x.T
g_b1 = delta1
print(g_W1.shape, g_W2.shape)
""")
md(r"""
## 3. Gradient check

We compare against central differences,
$\frac{\partial L}{\partial \theta} \approx \frac{L(\theta+\varepsilon)-L(\theta-\varepsilon)}{2\varepsilon}$,
and we consider the check passed when the relative error is below $10^{-6}$.
""")
code(r"""
eps = 1e-6
num = np.zeros_like(W1)
for i in range(h):
    for j in range(d):
        Wp = W1.copy(); Wp[i, j] += eps
        Wm = W1.copy(); Wm[i, j] -= eps
        num[i, j] = (forward(Wp, b1, W2, b2)[3] - forward(Wm, b1, W2, b2)[3]) / (2 * eps)
print(np.max(np.abs(num - g_W1)) / np.max(np.abs(num)))
""")
md(r"""
## 4. A batch of examples (row convention)

With a mini-batch it is more natural to stack examples as rows: $X\in\mathbb R^{n\times d}$,
$W_1\in\mathbb R^{d\times h}$, $Z_1 = XW_1$ ($n\times h$), $A_1=\tanh(Z_1)$, $W_2\in\mathbb R^{h\times 1}$,
$Z_2 = A_1W_2$ ($n\times 1$) and $L=\frac12\|Z_2-\mathbf y\|^2$. Then

$$
\frac{\partial L}{\partial Z_2} = Z_2-\mathbf y,\qquad
\frac{\partial L}{\partial W_2} = A_1^\top (Z_2-\mathbf y),\qquad
\frac{\partial L}{\partial A_1} = (Z_2-\mathbf y)\,W_2^\top .
$$

With $\Delta_1 = \frac{\partial L}{\partial A_1}\odot(1-A_1\odot A_1)$, the first-layer weight gradient is
$\frac{\partial L}{\partial W_1} = \Delta_1^\top X$.
""")
md(r"""
## 5. Activation functions

The derivatives we keep reusing:

* $\frac{d}{dz}\tanh z = 1-\tanh^2 z$, so $\left.\frac{d}{dz}\tanh z\right|_{z=0} = 1$;
* ReLU: $\frac{d}{dz}\max(0,z) = 1$ for $z>0$ (and $0$ for $z<0$);
* leaky ReLU with $0<\alpha<1$: $\frac{d}{dz}\max(\alpha z, z) = \alpha$ for $z<0$;
* softplus: $\frac{d}{dz}\log(1+e^{z}) = \frac{1}{1+e^{-z}}$;
* the logistic sigmoid at the origin: $\sigma'(0) = \frac{d}{dz}\frac{1}{1+e^{-z}}\Big|_{z=0} = \frac{1}{2}$;
* LeCun's scaled tanh $f(z) = 1.7159\tanh\left(\tfrac{2}{3}z\right)$ has $f'(z) = 1.7159\cdot\tfrac23\left(1-\tanh^2\left(\tfrac23 z\right)\right)$.
""")
md(r"""
## 6. The one-neuron version, fully written out

Take $d=h=1$: $z_1 = w_1x+b_1$, $a_1=\tanh z_1$, $z_2 = w_2a_1+b_2$, $L = \frac12(z_2-y)^2$. The chain rule gives

$$
\begin{aligned}
\frac{\partial L}{\partial w_2} &= (z_2-y)\,a_1, \\
\frac{\partial L}{\partial w_1} &= (z_2-y)\,w_2\,(1-a_1^2)\,x, \\
\frac{\partial L}{\partial b_1} &= (z_2-y)\,w_2\,(1-a_1^2), \\
\frac{\partial L}{\partial x}   &= (z_2-y)\,w_2\,(1-a_1^2)\,w_1 .
\end{aligned}
$$

Substituting everything, as a sanity check:

$$
\frac{\partial}{\partial w_1}\,\frac12\bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)^2
 = \bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)\,w_2\operatorname{sech}^2(w_1x+b_1)\,x ,
$$

$$
\frac{\partial}{\partial b_1}\,\frac12\bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)^2
 = \bigl(w_2\tanh(w_1x+b_1)+b_2-y\bigr)\operatorname{sech}^2(w_1x+b_1).
$$

At the point $x=1$, $y=0$, $w_1=0$, $b_1=0$, $w_2=2$, $b_2=1$ we have $z_1=0$, $a_1=0$, $z_2=1$, and so
$\frac{\partial L}{\partial w_1} = 2$, $\frac{\partial L}{\partial w_2} = 0$ and $\frac{\partial L}{\partial b_1} = 1$.
""")
code(r"""
x1, y1, w1, bb1, w2, bb2 = 1.0, 0.0, 0.0, 0.0, 2.0, 1.0
a = np.tanh(w1 * x1 + bb1); z = w2 * a + bb2
print((z - y1) * w2 * (1 - a**2) * x1, (z - y1) * a, (z - y1) * w2 * (1 - a**2))
""")
md(r"""
## 7. Classification head

If instead the output layer has $k$ logits $\mathbf z_2\in\mathbb R^{k}$ and we use softmax cross-entropy with a
one-hot target $\mathbf y$, the only change is the first step: $\frac{\partial L}{\partial \mathbf z_2} = \operatorname{softmax}(\mathbf z_2) - \mathbf y$.
Everything upstream is unchanged.
""")

nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
      "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
for i, c in enumerate(nb["cells"]):
    c["id"] = f"cell-{i}"
json.dump(nb, open("/tmp/probes9b/ml_losses/two_layer_backprop.ipynb", "w"), indent=1)

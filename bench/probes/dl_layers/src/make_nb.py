import json
cells = []
def md(s): cells.append({"cell_type": "markdown", "metadata": {}, "source": s.strip("\n").splitlines(keepends=True)})
def code(s): cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s.strip("\n").splitlines(keepends=True)})

md(r"""
# Backpropagation through time, by hand

In this notebook we unroll a tiny recurrent network for two (and then three) time steps, write
down every intermediate quantity, and backpropagate through it with the chain rule. At the end we
check the hand-derived gradients against finite differences with numpy.

Jacobians of vector-valued maps are written in **numerator layout**: $\partial \mathbf{h} / \partial \mathbf{g}$
has entry $(i, j)$ equal to $\partial h_i / \partial g_j$.
""")

code(r"""
import numpy as np
rng = np.random.default_rng(0)
""")

md(r"""
## 1. The scalar RNN

Everything is a scalar: the hidden state $h_t$, the input $x_t$, the recurrent weight $w$, the input
weight $u$ and the bias $b$. Starting from a given $h_0$, the forward pass for two steps is

$$
a_1 = w h_0 + u x_1 + b, \quad h_1 = \tanh(a_1), \quad a_2 = w h_1 + u x_2 + b, \quad h_2 = \tanh(a_2),
$$

followed by a linear read-out and a squared error:

$$
\hat y = v h_2 + c, \qquad L = \tfrac12 (\hat y - y)^2 .
$$
""")

code(r"""
def forward(w, u, b, v, c, h0, x, y):
    a1 = w * h0 + u * x[0] + b
    h1 = np.tanh(a1)
    a2 = w * h1 + u * x[1] + b
    h2 = np.tanh(a2)
    yhat = v * h2 + c
    L = 0.5 * (yhat - y) ** 2
    return L, (a1, h1, a2, h2, yhat)
""")

md(r"""
## 2. Local derivatives

The only nonlinearity is $\tanh$, whose derivative can be written with its own output:
$\frac{d}{da}\tanh a = 1 - \tanh^2 a$, so in particular $\left.\frac{d}{da}\tanh a\right|_{a=0} = 1$.
For the second step this reads

$$
\frac{\partial h_2}{\partial a_2} = 1 - \tanh^2 a_2 = 1 - h_2^2 .
$$

The affine parts give

$$
\frac{\partial a_2}{\partial h_1} = w, \qquad \frac{\partial a_2}{\partial w} = h_1, \qquad
\frac{\partial a_1}{\partial w} = h_0, \qquad \frac{\partial a_2}{\partial u} = x_2, \qquad
\frac{\partial a_1}{\partial u} = x_1 .
$$

(The middle ones are the *direct* dependence on $w$ only; $h_1$ itself also depends on $w$, which is
the whole point of BPTT.)

At the output:

$$
\frac{\partial L}{\partial \hat y} = \hat y - y, \qquad
\frac{\partial L}{\partial v} = (\hat y - y)\, h_2, \qquad
\frac{\partial L}{\partial c} = \hat y - y, \qquad
\frac{\partial L}{\partial h_2} = (\hat y - y)\, v .
$$
""")

md(r"""
## 3. Backward through time

Define the error signals $\delta_t = \partial L / \partial a_t$. Walking backwards,

$$
\begin{aligned}
\delta_2 &= \frac{\partial L}{\partial a_2} = (\hat y - y)\, v\, (1 - h_2^2), \\
\delta_1 &= \frac{\partial L}{\partial a_1} = \delta_2\, w\, (1 - h_1^2).
\end{aligned}
$$

Because the same $w$, $u$, $b$ are used at both steps, their gradients are sums over time:

$$
\frac{\partial L}{\partial w} = \delta_2 h_1 + \delta_1 h_0, \qquad
\frac{\partial L}{\partial u} = \delta_2 x_2 + \delta_1 x_1, \qquad
\frac{\partial L}{\partial b} = \delta_2 + \delta_1 .
$$

Another way to organise the same computation is to follow the total derivative of $h_2$ with respect
to $w$ through the recursion:

$$
\frac{d h_2}{d w} = (1 - h_2^2)\left(h_1 + w\,\frac{d h_1}{d w}\right), \qquad
\frac{d h_1}{d w} = (1 - h_1^2)\, h_0 ,
$$

and then $\dfrac{\partial L}{\partial w} = \dfrac{\partial L}{\partial h_2}\,\dfrac{d h_2}{d w}$.
""")

md(r"""
### Expanded forms

Substituting the error signals back in gives formulas in the named intermediates only:

$$
\frac{\partial L}{\partial w} = (\hat y - y)\, v\, (1 - h_2^2)\bigl(h_1 + w (1 - h_1^2) h_0\bigr),
$$

$$
\frac{\partial L}{\partial u} = (\hat y - y)\, v\, (1 - h_2^2)\bigl(x_2 + w (1 - h_1^2) x_1\bigr),
$$

$$
\frac{\partial L}{\partial b} = (\hat y - y)\, v\, (1 - h_2^2)\bigl(1 + (1 - h_1^2)\bigr).
$$

Gradients with respect to the hidden states and inputs are useful for debugging:

$$
\frac{\partial L}{\partial h_1} = \delta_2\, w = (\hat y - y)\, v\, (1 - h_2^2)\, w,
\qquad
\frac{\partial L}{\partial h_0} = \delta_1\, w,
$$

$$
\frac{\partial L}{\partial x_1} = \delta_1\, u = (\hat y - y)\, v\, (1 - h_2^2)\, w\, u .
$$

In the common case $h_0 = 0$ the second term of the $w$-gradient disappears and
$\frac{\partial L}{\partial w} = (\hat y - y)\, v\, (1 - h_2^2)\, h_1$.
""")

code(r"""
def backward(w, u, b, v, c, h0, x, y):
    L, (a1, h1, a2, h2, yhat) = forward(w, u, b, v, c, h0, x, y)
    d2 = (yhat - y) * v * (1 - h2 ** 2)
    d1 = d2 * w * (1 - h1 ** 2)
    return {"w": d2 * h1 + d1 * h0, "u": d2 * x[1] + d1 * x[0], "b": d2 + d1,
            "v": (yhat - y) * h2, "c": yhat - y}

params = dict(w=0.7, u=-0.3, b=0.1, v=1.5, c=-0.2)
h0, x, y = 0.4, np.array([0.5, -1.2]), 0.3
g = backward(**params, h0=h0, x=x, y=y)
eps = 1e-6
for name in params:
    p_plus = dict(params); p_plus[name] += eps
    p_minus = dict(params); p_minus[name] -= eps
    fd = (forward(**p_plus, h0=h0, x=x, y=y)[0] - forward(**p_minus, h0=h0, x=x, y=y)[0]) / (2 * eps)
    print(f"{name}: analytic {g[name]: .8f}   finite diff {fd: .8f}")
""")

md(r"""
## 4. A third step and vanishing gradients

Add $h_3 = \tanh(w h_2 + u x_3 + b)$. The sensitivity of the last state to the first is a product of
one factor per step:

$$
\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2}\,\frac{\partial h_2}{\partial h_1} = w^2 (1 - h_3^2)(1 - h_1^2).
$$

Each factor $w(1 - h_t^2)$ has absolute value below $|w|$, so for $|w| < 1$ the product shrinks
geometrically with the number of steps.

## 5. The vector RNN

Now $\mathbf{h}_t \in \mathbb{R}^m$, $\mathbf{x}_t \in \mathbb{R}^p$, $W \in \mathbb{R}^{m\times m}$ and
$U \in \mathbb{R}^{m\times p}$, with

$$
\mathbf{a}_t = W\mathbf{h}_{t-1} + U\mathbf{x}_t, \qquad \mathbf{h}_t = \tanh(\mathbf{a}_t)
$$

applied elementwise. In numerator layout the step Jacobians are

$$
\frac{\partial \mathbf{h}_t}{\partial \mathbf{h}_{t-1}} = \operatorname{diag}\!\left(\mathbf{1} - \mathbf{h}_t \odot \mathbf{h}_t\right) W,
\qquad
\frac{\partial \mathbf{h}_t}{\partial \mathbf{x}_t} = U^\top \operatorname{diag}\!\left(\mathbf{1} - \mathbf{h}_t \odot \mathbf{h}_t\right),
$$

and chaining two steps,

$$
\frac{\partial \mathbf{h}_2}{\partial \mathbf{h}_0} = \operatorname{diag}(\mathbf{1} - \mathbf{h}_2 \odot \mathbf{h}_2)\, W\, \operatorname{diag}(\mathbf{1} - \mathbf{h}_1 \odot \mathbf{h}_1)\, W .
$$

With column error signals $\boldsymbol{\delta}_t = \nabla_{\mathbf{a}_t} L \in \mathbb{R}^m$, the weight
gradients (arranged like the weights) are

$$
\nabla_W L = \sum_{t=1}^{2} \boldsymbol{\delta}_t\, \mathbf{h}_{t-1}^\top, \qquad
\nabla_U L = \sum_{t=1}^{2} \mathbf{x}_t\, \boldsymbol{\delta}_t^\top .
$$

Training stops improving when $\nabla_W L = \mathbf{0}$; in practice we clip the gradient whenever
$\|\nabla_W L\| > \tau$.
""")

code(r"""
m, p = 3, 2
W = rng.normal(size=(m, m)) * 0.5
U = rng.normal(size=(m, p))
h0 = rng.normal(size=m)
xs = [rng.normal(size=p) for _ in range(2)]
h1 = np.tanh(W @ h0 + U @ xs[0])
h2 = np.tanh(W @ h1 + U @ xs[1])
J = np.diag(1 - h2**2) @ W @ np.diag(1 - h1**2) @ W
# finite-difference Jacobian of h2 with respect to h0
eps = 1e-6
J_fd = np.zeros((m, m))
for j in range(m):
    e = np.zeros(m); e[j] = eps
    hp = np.tanh(W @ np.tanh(W @ (h0 + e) + U @ xs[0]) + U @ xs[1])
    hm = np.tanh(W @ np.tanh(W @ (h0 - e) + U @ xs[0]) + U @ xs[1])
    J_fd[:, j] = (hp - hm) / (2 * eps)
print(np.max(np.abs(J - J_fd)))
""")

nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
      "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open("/tmp/probes9/dl_layers/rnn_bptt.ipynb", "w"), indent=1, ensure_ascii=False)

# One row per relation with a derivative in it (one row per step of a chain).
# loc:   a substring unique in the file's source that sits on the line of this step's `=`
#        (for the notebook it is searched in the JSON text, escaped automatically)
# match: a substring of the step's LaTeX as mathdoc prints it (macros expanded), used to pick
#        the finding on that line
# label: correct | MISTAKE | not-a-claim
F1 = "linear_activations.md"
F2 = "softmax_ce_zh.md"
F3 = "rnn_bptt.ipynb"
F4 = "normalization.tex"
F5 = "attention.rst"
F6 = "conv_logreg.qmd"

R = []


def row(id, file, loc, step, latex, label, why, match=None):
    R.append(dict(id=id, file=file, loc=loc, step=step, latex=latex, label=label, why=why,
                  match=match if match is not None else latex))


# ---------------------------------------------------------------- linear_activations.md
row("L1-01", F1, r"\mathbf{a}^\top \mathbf{x} = \mathbf{a},", 1,
    r"\frac{\partial}{\partial \mathbf{x}} \mathbf{a}^\top \mathbf{x} = \mathbf{a}", "correct", "denominator layout: a",
    match=r"\mathbf{a}^\top \mathbf{x} = \mathbf{a}")
row("L1-02", F1, r"\mathbf{x}^\top A \mathbf{x} = (A + A^\top)\mathbf{x}.", 1,
    r"\frac{\partial}{\partial \mathbf{x}} \mathbf{x}^\top A \mathbf{x} = (A + A^\top)\mathbf{x}", "correct", "(A+A^T)x",
    match=r"= (A + A^\top)\mathbf{x}")
row("L1-03", F1, r"$\nabla_{\mathbf{x}}(\mathbf{x}^\top A \mathbf{x}) = 2A\mathbf{x}$", 1,
    r"\nabla_{\mathbf{x}}(\mathbf{x}^\top A \mathbf{x}) = 2A\mathbf{x}", "correct", "holds for symmetric A, as the sentence states")
row("L1-04", F1, r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = 2\mathbf{x}", 1,
    r"\nabla_{\mathbf{x}} \|\mathbf{x}\|^2 = 2\mathbf{x}", "correct", "2x")
row("L1-05", F1, r"\frac{\partial (B\mathbf{x})}{\partial \mathbf{x}} = B .", 1,
    r"\frac{\partial (B\mathbf{x})}{\partial \mathbf{x}} = B", "MISTAKE", "declared denominator layout: B^T (n x m); B is the numerator-layout result",
    match=r"\frac{\partial (B\mathbf{x})}{\partial \mathbf{x}} = B")
row("L1-06", F1, r"$G = \partial L / \partial Y \in", 1,
    r"G = \partial L / \partial Y", "not-a-claim", "definition of the upstream gradient G")
row("L1-07", F1, r"\frac{\partial L}{\partial W} = X^\top G \in", 1,
    r"\frac{\partial L}{\partial W} = X^\top G", "correct", "X^T G (d x k), with G = dL/dY",
    match=r"\frac{\partial L}{\partial W} = X^\top G")
row("L1-08", F1, r"\frac{\partial L}{\partial X} = G W^\top \in", 1,
    r"\frac{\partial L}{\partial X} = G W^\top", "correct", "G W^T (n x d)",
    match=r"\frac{\partial L}{\partial X} = G W^\top")
row("L1-09", F1, r"\frac{\partial L}{\partial \mathbf{b}} = G^\top \mathbf{1}_n \in", 1,
    r"\frac{\partial L}{\partial \mathbf{b}} = G^\top \mathbf{1}_n", "correct", "column sums of G, length k",
    match=r"G^\top \mathbf{1}_n")
row("L1-10", F1, r"\frac{\partial L}{\partial W} &= X^\top (XW - T)", 1,
    r"\frac{\partial L}{\partial W} = X^\top (XW - T)", "correct", "X^T(XW - T)",
    match=r"X^\top (XW - T)")
row("L1-11", F1, r"\frac{\partial L}{\partial X} &= W^\top (XW - T)", 1,
    r"\frac{\partial L}{\partial X} = W^\top (XW - T)", "MISTAKE", "correct: (XW - T) W^T (n x d); W^T(XW-T) does not even conform",
    match=r"W^\top (XW - T)")
row("L1-12", F1, r"X^\top X W\right) = 2 X^\top X W", 1,
    r"\frac{\partial}{\partial W} \operatorname{tr}(W^\top X^\top X W) = 2 X^\top X W", "correct", "2 X^T X W",
    match=r"= 2 X^\top X W")
row("L1-13", F1, r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = W \in", 1,
    r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = W", "correct", "denominator layout, y = W^T x + b: (i,j) = dy_j/dx_i = W_ij",
    match=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = W")
row("L1-14", F1, r"\frac{\partial \mathbf{y}}{\partial \mathbf{b}} = I_k", 1,
    r"\frac{\partial \mathbf{y}}{\partial \mathbf{b}} = I_k", "correct", "identity k x k")
row("L1-15", F1, r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2} =", 1,
    r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}", "correct", "quotient rule",
    match=r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}")
row("L1-16", F1, r"\sigma'(z) = \frac{e^{-z}}{(1 + e^{-z})^2} =", 2,
    r"\frac{e^{-z}}{(1 + e^{-z})^2} = \sigma(z)(1 - \sigma(z))", "correct", "algebra",
    match=r"\frac{e^{-z}}{(1 + e^{-z})^2} = \sigma(z)")
row("L1-17", F1, r"$\sigma'(0) = \tfrac14$", 1, r"\sigma'(0) = \tfrac14", "correct", "1/4")
row("L1-18", F1, r"\frac{d}{dz} \tanh z = \operatorname{sech}^2 z", 1,
    r"\frac{d}{dz} \tanh z = \operatorname{sech}^2 z", "correct", "sech^2")
row("L1-19", F1, r"\frac{d}{dz} \tanh z = \operatorname{sech}^2 z", 2,
    r"\operatorname{sech}^2 z = 1 - \tanh^2 z", "correct", "identity")
row("L1-20", F1, r"$\tanh'(z) = 4\,\sigma'(2z)$", 1, r"\tanh'(z) = 4\,\sigma'(2z)", "correct",
    "tanh z = 2 sigma(2z) - 1 gives 4 sigma'(2z)")
row("L1-21", F1, r"\frac{d}{dz} \ln\left(1 + e^{z}\right) =", 1,
    r"\frac{d}{dz} \ln(1 + e^{z}) = \frac{e^{z}}{1 + e^{z}}", "correct", "",
    match=r"\frac{d}{dz} \ln\left(1 + e^{z}\right) = \frac{e^{z}}{1 + e^{z}}")
row("L1-22", F1, r"\frac{d}{dz} \ln\left(1 + e^{z}\right) =", 2,
    r"\frac{e^{z}}{1 + e^{z}} = \sigma(z)", "correct", "")
row("L1-23", F1, r"\frac{d}{dz}\bigl(z\,\sigma(z)\bigr) = \sigma(z) +", 1,
    r"\frac{d}{dz}(z\,\sigma(z)) = \sigma(z) + z\,\sigma(z)(1 - \sigma(z))", "correct", "product rule",
    match=r"\frac{d}{dz}\bigl(z\,\sigma(z)\bigr) = \sigma(z) +")
row("L1-24", F1, r"\right|_{z=0} = \tfrac12$. The version", 1,
    r"\left.\frac{d}{dz}(z\,\sigma(z))\right|_{z=0} = \tfrac12", "correct", "sigma(0) = 1/2",
    match=r"\right|_{z=0} = \tfrac12")
row("L1-25", F1, r"\frac{\partial}{\partial z}\, z\,\sigma(\beta z) =", 1,
    r"\frac{\partial}{\partial z} z\,\sigma(\beta z) = \sigma(\beta z) + z\,\sigma(\beta z)(1 - \sigma(\beta z))", "MISTAKE",
    "dropped chain factor: sigma(bz) + beta z sigma(bz)(1 - sigma(bz))",
    match=r"\sigma(\beta z) = \sigma(\beta z)")
row("L1-26", F1, r"Then $\Phi'(z) = \phi(z)$", 1, r"\Phi'(z) = \phi(z)", "correct", "")
row("L1-27", F1, r"$\phi'(z) = z\,\phi(z)$", 1, r"\phi'(z) = z\,\phi(z)", "MISTAKE", "sign: -z phi(z)")
row("L1-28", F1, r"\frac{d}{dz}\bigl(z\,\Phi(z)\bigr) = \Phi(z) + z\,\phi(z).", 1,
    r"\frac{d}{dz}(z\,\Phi(z)) = \Phi(z) + z\,\phi(z)", "correct", "GELU derivative",
    match=r"= \Phi(z) + z\,\phi(z)")
row("L1-29", F1, r"\operatorname{ReLU}'(z) =", 1,
    r"\operatorname{ReLU}'(z) = \begin{cases}1 & z>0\\ 0 & z<0\end{cases}", "correct", "Heaviside away from 0",
    match=r"\operatorname{ReLU}'(z) =")
row("L1-30", F1, r"\frac{d}{dz}\max(\alpha z, z) = \alpha$", 1,
    r"\frac{d}{dz}\max(\alpha z, z) = \alpha", "correct", "for z < 0 and 0 < alpha < 1, stated in the same sentence")
row("L1-31", F1, r"= \frac{2}{n}\sum_{i=1}^{n}\left(\mathbf{x}_i^\top \mathbf{w} - y_i\right)\mathbf{x}_i + \lambda \mathbf{w}", 1,
    r"\nabla_{\mathbf{w}} \mathcal{L} = \frac{2}{n}\sum_{i}(\mathbf{x}_i^\top \mathbf{w} - y_i)\mathbf{x}_i + \lambda \mathbf{w}", "correct", "",
    match=r"\nabla_{\mathbf{w}} \mathcal{L} = \frac{2}{n}\sum")
row("L1-32", F1, r"= \frac{2}{n} X^\top (X\mathbf{w} - \mathbf{y}) + \lambda \mathbf{w}.", 2,
    r"\frac{2}{n}\sum_{i}(\mathbf{x}_i^\top \mathbf{w} - y_i)\mathbf{x}_i + \lambda \mathbf{w} = \frac{2}{n} X^\top (X\mathbf{w} - \mathbf{y}) + \lambda \mathbf{w}",
    "correct", "rows of X are x_i^T", match=r"= \frac{2}{n} X^\top (X\mathbf{w} - \mathbf{y})")
row("L1-33", F1, r"(\hat y - y)^2 = 2(\hat y - y)", 1,
    r"\frac{\partial}{\partial \hat y}(\hat y - y)^2 = 2(\hat y - y)", "correct", "")
row("L1-34", F1, r"\lambda \|\mathbf{w}\|_2^2 = \lambda \mathbf{w}", 1,
    r"\nabla_{\mathbf{w}}\, \lambda \|\mathbf{w}\|_2^2 = \lambda \mathbf{w}", "MISTAKE", "factor: 2 lambda w",
    match=r"\lambda \|\mathbf{w}\|_2^2 = \lambda \mathbf{w}")
row("L1-35", F1, r"\mathbf{w} \leftarrow \mathbf{w} - \eta", 1,
    r"\mathbf{w} \leftarrow \mathbf{w} - \eta \nabla_{\mathbf{w}} \mathcal{L}", "not-a-claim", "update rule (assignment)",
    match=r"\leftarrow")
row("L1-36", F1, r"Setting $\nabla_{\mathbf{w}} \mathcal{L} = \mathbf{0}$", 1,
    r"\nabla_{\mathbf{w}} \mathcal{L} = \mathbf{0}", "not-a-claim", "stationarity condition to be solved")
row("L1-37", F1, r"\dfrac{\lambda}{2}\sum_{i=1}^{d} w_i^2 = \lambda w_j", 1,
    r"\dfrac{\partial}{\partial w_j} \dfrac{\lambda}{2}\sum_{i=1}^{d} w_i^2 = \lambda w_j", "correct", "",
    match=r"w_i^2 = \lambda w_j")

# ---------------------------------------------------------------- softmax_ce_zh.md
row("Z2-01", F2, r"\frac{\partial s_i}{\partial z_j} = \frac{\delta_{ij}e^{z_i}", 1,
    r"\frac{\partial s_i}{\partial z_j} = \frac{\delta_{ij}e^{z_i}\sum_k e^{z_k} - e^{z_i}e^{z_j}}{(\sum_k e^{z_k})^2}", "correct", "quotient rule",
    match=r"\frac{\partial s_i}{\partial z_j} = \frac{\delta_{ij}")
row("Z2-02", F2, r"\frac{\partial s_i}{\partial z_j} = \frac{\delta_{ij}e^{z_i}", 2,
    r"\frac{\delta_{ij}e^{z_i}\sum_k e^{z_k} - e^{z_i}e^{z_j}}{(\sum_k e^{z_k})^2} = s_i(\delta_{ij} - s_j)", "correct", "",
    match=r"= s_i(\delta_{ij} - s_j)")
row("Z2-03", F2, r"$\dfrac{\partial s_i}{\partial z_i} = s_i(1-s_i)$", 1,
    r"\dfrac{\partial s_i}{\partial z_i} = s_i(1-s_i)", "correct", "")
row("Z2-04", F2, r"$\dfrac{\partial s_i}{\partial z_j} = -s_i s_j$", 1,
    r"\dfrac{\partial s_i}{\partial z_j} = -s_i s_j", "correct", "for i != j, stated right after")
row("Z2-05", F2, r"\frac{\partial \mathbf{s}}{\partial \mathbf{z}} = \operatorname{diag}", 1,
    r"\frac{\partial \mathbf{s}}{\partial \mathbf{z}} = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^\top", "correct", "symmetric, any layout",
    match=r"\operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^\top")
row("Z2-06", F2, r"\frac{\partial s_1}{\partial z_2} = -\frac{e^{z_1+z_2}}", 1,
    r"\frac{\partial s_1}{\partial z_2} = -\frac{e^{z_1+z_2}}{(e^{z_1}+e^{z_2})^2}", "correct", "",
    match=r"\frac{\partial s_1}{\partial z_2} = -\frac{e^{z_1+z_2}}")
row("Z2-07", F2, r"\frac{\partial s_1}{\partial z_1} = \frac{e^{z_1}e^{z_2}}{e^{z_1}+e^{z_2}} .", 1,
    r"\frac{\partial s_1}{\partial z_1} = \frac{e^{z_1}e^{z_2}}{e^{z_1}+e^{z_2}}", "MISTAKE", "denominator must be squared",
    match=r"\frac{\partial s_1}{\partial z_1} = \frac{e^{z_1}e^{z_2}}{e^{z_1}+e^{z_2}}")
row("Z2-08", F2, r"z_2=\ln 3} = \dfrac{3}{16}", 1,
    r"\left.\dfrac{\partial s_1}{\partial z_1}\right|_{z_1=0,\,z_2=\ln 3} = \dfrac{3}{16}", "correct", "s_1 = 1/4, s_1(1-s_1) = 3/16",
    match=r"= \dfrac{3}{16}")
row("Z2-09", F2, r"\frac{\partial}{\partial z_j}\ln\sum_{k=1}^{K} e^{z_k} = ", 1,
    r"\frac{\partial}{\partial z_j}\ln\sum_{k=1}^{K} e^{z_k} = \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}", "correct", "",
    match=r"\frac{\partial}{\partial z_j}\ln\sum_{k=1}^{K} e^{z_k} =")
row("Z2-10", F2, r"\frac{\partial}{\partial z_j}\ln\sum_{k=1}^{K} e^{z_k} = ", 2,
    r"\frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}} = s_j", "correct", "definition of s_j",
    match=r"= s_j")
row("Z2-11", F2, r"\operatorname{LSE}}{\partial \mathbf{z}} = \mathbf{s}$", 1,
    r"\dfrac{\partial\, \operatorname{LSE}}{\partial \mathbf{z}} = \mathbf{s}", "MISTAKE",
    "declared numerator layout: the row vector s^T", match=r"\operatorname{LSE}}{\partial \mathbf{z}} = \mathbf{s}")
row("Z2-12", F2, r"$\dfrac{\partial \ln s_i}{\partial z_j} = \delta_{ij} - s_j$", 1,
    r"\dfrac{\partial \ln s_i}{\partial z_j} = \delta_{ij} - s_j", "correct", "")
row("Z2-13", F2, r"$\dfrac{\partial s_i}{\partial z_j} = \dfrac{1}{T}\,s_i(\delta_{ij}-s_j)$", 1,
    r"\dfrac{\partial s_i}{\partial z_j} = \dfrac{1}{T}\,s_i(\delta_{ij}-s_j)", "correct", "temperature softmax")
row("Z2-14", F2, r"&= \sum_{i=1}^{K} \frac{\partial L}{\partial s_i}\frac{\partial s_i}{\partial z_j} \\", 1,
    r"\frac{\partial L}{\partial z_j} = \sum_{i=1}^{K} \frac{\partial L}{\partial s_i}\frac{\partial s_i}{\partial z_j}", "correct", "chain rule",
    match=r"\frac{\partial L}{\partial z_j} = \sum_{i=1}^{K} \frac{\partial L}{\partial s_i}")
row("Z2-15", F2, r"&= \sum_{i=1}^{K} \left(-\frac{y_i}{s_i}\right) s_i(\delta_{ij}-s_j) \\", 2,
    r"= \sum_{i=1}^{K} (-\frac{y_i}{s_i}) s_i(\delta_{ij}-s_j)", "correct", "dL/ds_i = -y_i/s_i",
    match=r"= \sum_{i=1}^{K} \left(-\frac{y_i}{s_i}\right)")
row("Z2-16", F2, r"&= -y_j + s_j\sum_{i=1}^{K} y_i \\", 3,
    r"= -y_j + s_j\sum_{i=1}^{K} y_i", "correct", "", match=r"= -y_j + s_j\sum_{i=1}^{K} y_i")
row("Z2-17", F2, r"&= s_j - y_j .", 4, r"= s_j - y_j", "correct", "uses sum y_i = 1, stated on line 55",
    match=r"= s_j - y_j")
row("Z2-18", F2, r"$\nabla_{\mathbf{z}} L = \mathbf{s} - \mathbf{y}$", 1,
    r"\nabla_{\mathbf{z}} L = \mathbf{s} - \mathbf{y}", "correct", "with sum y_i = 1")
row("Z2-19", F2, r"$\dfrac{\partial L}{\partial \mathbf{z}} = (\mathbf{s}-\mathbf{y})^\top$", 1,
    r"\dfrac{\partial L}{\partial \mathbf{z}} = (\mathbf{s}-\mathbf{y})^\top", "correct", "numerator layout row")
row("Z2-20", F2, r"$\dfrac{\partial L}{\partial z_j} = s_j - \delta_{jc}$", 1,
    r"\dfrac{\partial L}{\partial z_j} = s_j - \delta_{jc}", "correct", "L = -z_c + LSE(z), c one of the indices")
row("Z2-21", F2, r"\frac{\partial \mathcal{L}}{\partial Z} = S - Y .", 1,
    r"\frac{\partial \mathcal{L}}{\partial Z} = S - Y", "MISTAKE", "mean over the batch: (S - Y)/N")
row("Z2-22", F2, r"$\sigma'(t) = \sigma(t)\bigl(1-\sigma(t)\bigr)$", 1,
    r"\sigma'(t) = \sigma(t)(1-\sigma(t))", "correct", "", match=r"\sigma'(t) = \sigma(t)")
row("Z2-23", F2, r"= -\frac{y}{\sigma(t)}\,\sigma(t)\bigl(1-\sigma(t)\bigr) + ", 1,
    r"\frac{d\ell}{dt} = -\frac{y}{\sigma(t)}\sigma(t)(1-\sigma(t)) + \frac{1-y}{1-\sigma(t)}\sigma(t)(1-\sigma(t))", "correct", "",
    match=r"\frac{d\ell}{dt} = -\frac{y}{\sigma(t)}")
row("Z2-24", F2, r"= -y\bigl(1-\sigma(t)\bigr) + (1-y)\,\sigma(t)", 2,
    r"= -y(1-\sigma(t)) + (1-y)\sigma(t)", "correct", "", match=r"= -y\bigl(1-\sigma(t)\bigr) + (1-y)\,\sigma(t)")
row("Z2-25", F2, r"= \sigma(t) - y .", 3, r"= \sigma(t) - y", "correct", "", match=r"= \sigma(t) - y")
row("Z2-26", F2, r"$\dfrac{\partial t}{\partial \mathbf{w}} = \mathbf{x}^\top$", 1,
    r"\dfrac{\partial t}{\partial \mathbf{w}} = \mathbf{x}^\top", "correct", "numerator layout row")
row("Z2-27", F2, r"$\dfrac{\partial \ell}{\partial \mathbf{w}} = \bigl(", 1,
    r"\dfrac{\partial \ell}{\partial \mathbf{w}} = (\sigma(\mathbf{w}^\top\mathbf{x}) - y)\mathbf{x}^\top", "correct", "numerator layout row",
    match=r"\dfrac{\partial \ell}{\partial \mathbf{w}} =")
row("Z2-28", F2, r"$\nabla_{\mathbf{w}}\ell = \bigl(\sigma", 1,
    r"\nabla_{\mathbf{w}}\ell = (\sigma(\mathbf{w}^\top\mathbf{x}) - y)\mathbf{x}", "correct", "column gradient",
    match=r"\nabla_{\mathbf{w}}\ell = \bigl(")
row("Z2-29", F2, r"\nabla_{\mathbf{w}}\ell = (-\tfrac12, -1)^\top", 1,
    r"\nabla_{\mathbf{w}}\ell = (-\tfrac12, -1)^\top", "correct", "(1/2 - 1)(1,2)")
row("Z2-30", F2, r"\nabla_{\mathbf{w}}\ell = (\tfrac12, 2)^\top", 1,
    r"\nabla_{\mathbf{w}}\ell = (\tfrac12, 2)^\top", "MISTAKE", "value: (1/2)(1,2) = (1/2, 1)")
row("Z2-31", F2, r"最优性条件 $\nabla_{\mathbf{z}} L = \mathbf{0}$", 1,
    r"\nabla_{\mathbf{z}} L = \mathbf{0}", "not-a-claim", "optimality condition")
row("Z2-32", F2, r"\mathbf{z} \leftarrow \mathbf{z} - \eta\,\nabla_{\mathbf{z}} L", 1,
    r"\mathbf{z} \leftarrow \mathbf{z} - \eta\,\nabla_{\mathbf{z}} L", "not-a-claim", "update rule", match=r"\leftarrow")
row("Z2-33", F2, r"\sum_{i=1}^{K} s_i = 0$", 1,
    r"\dfrac{\partial}{\partial z_j}\sum_{i=1}^{K} s_i = 0", "correct", "sum s_i = 1", match=r"\sum_{i=1}^{K} s_i = 0")

# ---------------------------------------------------------------- rnn_bptt.ipynb
row("N-01", F3, r"$\frac{d}{da}\tanh a = 1 - \tanh^2 a$", 1, r"\frac{d}{da}\tanh a = 1 - \tanh^2 a", "correct", "")
row("N-02", F3, r"\right|_{a=0} = 1$", 1, r"\left.\frac{d}{da}\tanh a\right|_{a=0} = 1", "correct", "", match=r"\right|_{a=0} = 1")
row("N-03", F3, r"\frac{\partial h_2}{\partial a_2} = 1 - \tanh^2 a_2", 1,
    r"\frac{\partial h_2}{\partial a_2} = 1 - \tanh^2 a_2", "correct", "")
row("N-04", F3, r"\frac{\partial h_2}{\partial a_2} = 1 - \tanh^2 a_2", 2, r"1 - \tanh^2 a_2 = 1 - h_2^2", "correct", "h_2 = tanh a_2")
row("N-05", F3, r"\frac{\partial a_2}{\partial h_1} = w,", 1, r"\frac{\partial a_2}{\partial h_1} = w", "correct", "")
row("N-06", F3, r"\frac{\partial a_2}{\partial w} = h_1,", 1, r"\frac{\partial a_2}{\partial w} = h_1", "correct",
    "direct dependence, as the note says right after")
row("N-07", F3, r"\frac{\partial a_1}{\partial w} = h_0,", 1, r"\frac{\partial a_1}{\partial w} = h_0", "correct", "")
row("N-08", F3, r"\frac{\partial a_2}{\partial u} = x_2,", 1, r"\frac{\partial a_2}{\partial u} = x_2", "correct", "")
row("N-09", F3, r"\frac{\partial a_1}{\partial u} = x_1 .", 1, r"\frac{\partial a_1}{\partial u} = x_1", "correct", "")
row("N-10", F3, r"\frac{\partial L}{\partial \hat y} = \hat y - y,", 1, r"\frac{\partial L}{\partial \hat y} = \hat y - y", "correct", "")
row("N-11", F3, r"\frac{\partial L}{\partial v} = (\hat y - y)\, h_2,", 1, r"\frac{\partial L}{\partial v} = (\hat y - y)\, h_2", "correct", "")
row("N-12", F3, r"\frac{\partial L}{\partial c} = \hat y - y,", 1, r"\frac{\partial L}{\partial c} = \hat y - y", "correct", "")
row("N-13", F3, r"\frac{\partial L}{\partial h_2} = (\hat y - y)\, v .", 1, r"\frac{\partial L}{\partial h_2} = (\hat y - y)\, v", "correct", "")
row("N-14", F3, r"Define the error signals $\delta_t = \partial L / \partial a_t$", 1,
    r"\delta_t = \partial L / \partial a_t", "not-a-claim", "definition")
row("N-15", F3, r"\delta_2 &= \frac{\partial L}{\partial a_2} =", 1, r"\delta_2 = \frac{\partial L}{\partial a_2}", "not-a-claim",
    "definition restated", match=r"\delta_2 = \frac{\partial L}{\partial a_2}")
row("N-16", F3, r"\delta_2 &= \frac{\partial L}{\partial a_2} =", 2,
    r"\frac{\partial L}{\partial a_2} = (\hat y - y)\, v\, (1 - h_2^2)", "correct", "",
    match=r"\frac{\partial L}{\partial a_2} = (\hat y - y)\, v\, (1 - h_2^2)")
row("N-17", F3, r"\delta_1 &= \frac{\partial L}{\partial a_1} =", 1, r"\delta_1 = \frac{\partial L}{\partial a_1}", "not-a-claim",
    "definition restated", match=r"\delta_1 = \frac{\partial L}{\partial a_1}")
row("N-18", F3, r"\delta_1 &= \frac{\partial L}{\partial a_1} =", 2,
    r"\frac{\partial L}{\partial a_1} = \delta_2\, w\, (1 - h_1^2)", "correct", "",
    match=r"\frac{\partial L}{\partial a_1} = \delta_2\, w\, (1 - h_1^2)")
row("N-19", F3, r"\frac{\partial L}{\partial w} = \delta_2 h_1 + \delta_1 h_0", 1, r"\frac{\partial L}{\partial w} = \delta_2 h_1 + \delta_1 h_0", "correct", "")
row("N-20", F3, r"\frac{\partial L}{\partial u} = \delta_2 x_2 + \delta_1 x_1", 1, r"\frac{\partial L}{\partial u} = \delta_2 x_2 + \delta_1 x_1", "correct", "")
row("N-21", F3, r"\frac{\partial L}{\partial b} = \delta_2 + \delta_1", 1, r"\frac{\partial L}{\partial b} = \delta_2 + \delta_1", "correct", "")
row("N-22", F3, r"\frac{d h_2}{d w} = (1 - h_2^2)", 1,
    r"\frac{d h_2}{d w} = (1 - h_2^2)(h_1 + w\,\frac{d h_1}{d w})", "correct", "total derivative",
    match=r"\frac{d h_2}{d w} = (1 - h_2^2)")
row("N-23", F3, r"\frac{d h_1}{d w} = (1 - h_1^2)\, h_0", 1, r"\frac{d h_1}{d w} = (1 - h_1^2)\, h_0", "correct", "")
row("N-24", F3, r"\dfrac{\partial L}{\partial w} = \dfrac{\partial L}{\partial h_2}", 1,
    r"\dfrac{\partial L}{\partial w} = \dfrac{\partial L}{\partial h_2}\,\dfrac{d h_2}{d w}", "correct", "chain rule",
    match=r"\dfrac{\partial L}{\partial w} = \dfrac{\partial L}{\partial h_2}")
row("N-25", F3, r"(1 - h_2^2)\bigl(h_1 + w (1 - h_1^2) h_0\bigr)", 1,
    r"\frac{\partial L}{\partial w} = (\hat y - y) v (1 - h_2^2)(h_1 + w (1 - h_1^2) h_0)", "correct", "",
    match=r"\bigl(h_1 + w (1 - h_1^2) h_0\bigr)")
row("N-26", F3, r"(1 - h_2^2)\bigl(x_2 + w (1 - h_1^2) x_1\bigr)", 1,
    r"\frac{\partial L}{\partial u} = (\hat y - y) v (1 - h_2^2)(x_2 + w (1 - h_1^2) x_1)", "correct", "",
    match=r"\bigl(x_2 + w (1 - h_1^2) x_1\bigr)")
row("N-27", F3, r"(1 - h_2^2)\bigl(1 + (1 - h_1^2)\bigr)", 1,
    r"\frac{\partial L}{\partial b} = (\hat y - y) v (1 - h_2^2)(1 + (1 - h_1^2))", "MISTAKE", "dropped w: (1 + w(1 - h_1^2))",
    match=r"\bigl(1 + (1 - h_1^2)\bigr)")
row("N-28", F3, r"\frac{\partial L}{\partial h_1} = \delta_2\, w =", 1, r"\frac{\partial L}{\partial h_1} = \delta_2\, w", "correct", "",
    match=r"\frac{\partial L}{\partial h_1} = \delta_2\, w")
row("N-29", F3, r"\frac{\partial L}{\partial h_1} = \delta_2\, w =", 2, r"\delta_2\, w = (\hat y - y)\, v\, (1 - h_2^2)\, w", "correct", "",
    match=r"\delta_2\, w = (\hat y - y)")
row("N-30", F3, r"\frac{\partial L}{\partial h_0} = \delta_1\, w", 1, r"\frac{\partial L}{\partial h_0} = \delta_1\, w", "correct", "")
row("N-31", F3, r"\frac{\partial L}{\partial x_1} = \delta_1\, u =", 1, r"\frac{\partial L}{\partial x_1} = \delta_1\, u", "correct", "",
    match=r"\frac{\partial L}{\partial x_1} = \delta_1\, u")
row("N-32", F3, r"\frac{\partial L}{\partial x_1} = \delta_1\, u =", 2, r"\delta_1\, u = (\hat y - y)\, v\, (1 - h_2^2)\, w\, u", "MISTAKE",
    "dropped factor (1 - h_1^2)", match=r"\delta_1\, u = (\hat y - y)")
row("N-33", F3, r"(1 - h_2^2)\, h_1$.", 1, r"\frac{\partial L}{\partial w} = (\hat y - y)\, v\, (1 - h_2^2)\, h_1", "correct",
    "with h_0 = 0, stated in the sentence", match=r"(1 - h_2^2)\, h_1")
row("N-34", F3, r"\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2}", 1,
    r"\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2}\frac{\partial h_2}{\partial h_1}", "correct", "chain rule",
    match=r"\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2}")
row("N-35", F3, r"\frac{\partial h_3}{\partial h_1} = \frac{\partial h_3}{\partial h_2}", 2,
    r"\frac{\partial h_3}{\partial h_2}\frac{\partial h_2}{\partial h_1} = w^2 (1 - h_3^2)(1 - h_1^2)", "MISTAKE",
    "wrong index: w^2 (1 - h_3^2)(1 - h_2^2)", match=r"= w^2 (1 - h_3^2)(1 - h_1^2)")
row("N-36", F3, r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{h}_{t-1}} =", 1,
    r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{h}_{t-1}} = \operatorname{diag}(\mathbf{1} - \mathbf{h}_t \odot \mathbf{h}_t) W", "correct",
    "numerator layout", match=r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{h}_{t-1}} =")
row("N-37", F3, r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{x}_t} = U^\top", 1,
    r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{x}_t} = U^\top \operatorname{diag}(\mathbf{1} - \mathbf{h}_t \odot \mathbf{h}_t)", "MISTAKE",
    "transposed: numerator layout gives diag(1 - h_t*h_t) U (m x p)", match=r"\frac{\partial \mathbf{h}_t}{\partial \mathbf{x}_t} = U^\top")
row("N-38", F3, r"\frac{\partial \mathbf{h}_2}{\partial \mathbf{h}_0} =", 1,
    r"\frac{\partial \mathbf{h}_2}{\partial \mathbf{h}_0} = \operatorname{diag}(\mathbf{1} - \mathbf{h}_2 \odot \mathbf{h}_2) W \operatorname{diag}(\mathbf{1} - \mathbf{h}_1 \odot \mathbf{h}_1) W",
    "correct", "", match=r"\frac{\partial \mathbf{h}_2}{\partial \mathbf{h}_0} =")
row("N-39", F3, r"\boldsymbol{\delta}_t = \nabla_{\mathbf{a}_t} L \in", 1,
    r"\boldsymbol{\delta}_t = \nabla_{\mathbf{a}_t} L", "not-a-claim", "definition")
row("N-40", F3, r"\nabla_W L = \sum_{t=1}^{2} \boldsymbol{\delta}_t\, \mathbf{h}_{t-1}^\top", 1,
    r"\nabla_W L = \sum_{t=1}^{2} \boldsymbol{\delta}_t\, \mathbf{h}_{t-1}^\top", "correct", "arranged like W")
row("N-41", F3, r"\nabla_U L = \sum_{t=1}^{2} \mathbf{x}_t\, \boldsymbol{\delta}_t^\top", 1,
    r"\nabla_U L = \sum_{t=1}^{2} \mathbf{x}_t\, \boldsymbol{\delta}_t^\top", "MISTAKE",
    "transposed (p x m): sum_t delta_t x_t^T (m x p)")
row("N-42", F3, r"Training stops improving when $\nabla_W L = \mathbf{0}$", 1,
    r"\nabla_W L = \mathbf{0}", "not-a-claim", "stationarity condition")
row("N-43", F3, r"$\|\nabla_W L\| > \tau$", 1, r"\|\nabla_W L\| > \tau", "not-a-claim", "clipping condition (inequality)")

# ---------------------------------------------------------------- normalization.tex
row("T-01", F4, r"Clearly $\pd{y_i}{\gamma} = \hx_i$", 1, r"\pd{y_i}{\gamma} = \hx_i", "correct", "",
    match=r"\frac{\partial y_i}{\partial \gamma} =")
row("T-02", F4, r"$\pd{y_i}{\beta} = 1$", 1, r"\pd{y_i}{\beta} = 1", "correct", "", match=r"\frac{\partial y_i}{\partial \beta} = 1")
row("T-03", F4, r"Writing $g_i = \pd{L}{y_i}$", 1, r"g_i = \pd{L}{y_i}", "not-a-claim", "definition of g_i", match=r"g_i =")
row("T-04", F4, r"\pd{L}{\gamma} = \sum_{i=1}^{m} g_i\,\hx_i", 1, r"\pd{L}{\gamma} = \sum_{i=1}^{m} g_i\,\hx_i", "correct", "",
    match=r"\frac{\partial L}{\partial \gamma} = \sum")
row("T-05", F4, r"\pd{L}{\beta} = \sum_{i=1}^{m} g_i .", 1, r"\pd{L}{\beta} = \sum_{i=1}^{m} g_i", "correct", "",
    match=r"\frac{\partial L}{\partial \beta} = \sum")
row("T-06", F4, r"$\pd{\mu}{x_j} = \frac{1}{m}$", 1, r"\pd{\mu}{x_j} = \frac{1}{m}", "correct", "",
    match=r"\frac{\partial \mu}{\partial x_j} = \frac{1}{m}")
row("T-07", F4, r"&= \frac{2}{m}\sum_{i=1}^{m}(x_i-\mu)\Bigl(\delta_{ij}-\frac{1}{m}\Bigr) \\", 1,
    r"\pd{\sigma^2}{x_j} = \frac{2}{m}\sum_{i=1}^{m}(x_i-\mu)(\delta_{ij}-\frac{1}{m})", "correct", "",
    match=r"\frac{\partial \sigma^2}{\partial x_j} = \frac{2}{m}\sum")
row("T-08", F4, r"&= \frac{2}{m}(x_j-\mu) - \frac{2}{m^2}\sum_{i=1}^{m}(x_i-\mu) \\", 2,
    r"= \frac{2}{m}(x_j-\mu) - \frac{2}{m^2}\sum_{i=1}^{m}(x_i-\mu)", "correct", "",
    match=r"= \frac{2}{m}(x_j-\mu) - \frac{2}{m^2}")
row("T-09", F4, r"&= \frac{2}{m}(x_j-\mu).", 3, r"= \frac{2}{m}(x_j-\mu)", "correct", "deviations sum to zero",
    match=r"\sum_{i=1}^{m}(x_i-\mu) = \frac{2}{m}(x_j-\mu)")
row("T-10", F4, r"\pd{\hx_i}{\sigma^2} &= -\frac{1}{2}", 1,
    r"\pd{\hx_i}{\sigma^2} = -\frac{1}{2}(x_i-\mu)(\sigma^2+\epsilon)^{-3/2}", "correct",
    "local partial with mu and sigma^2 as separate nodes, as the preceding sentence says",
    match=r"\frac{\partial \hat{x}_i}{\partial \sigma^2} =")
row("T-11", F4, r"\pd{\hx_i}{\mu} &= -\frac{1}{\sqrt{\sigma^2+\epsilon}}", 1,
    r"\pd{\hx_i}{\mu} = -\frac{1}{\sqrt{\sigma^2+\epsilon}}", "correct", "local partial (graph node)",
    match=r"\frac{\partial \hat{x}_i}{\partial \mu} =")
row("T-12", F4, r"\pd{\hx_i}{x_i} &= \frac{1}{\sqrt{\sigma^2+\epsilon}} ,", 1,
    r"\pd{\hx_i}{x_i} = \frac{1}{\sqrt{\sigma^2+\epsilon}}", "correct", "local partial, direct path only (graph node)",
    match=r"\frac{\partial \hat{x}_i}{\partial x_i} =")
row("T-13", F4, r"$\pd{\sigma^2}{\mu} = -\frac{2}{m}\sum_{i=1}^{m}(x_i-\mu) = 0$", 1,
    r"\pd{\sigma^2}{\mu} = -\frac{2}{m}\sum_{i=1}^{m}(x_i-\mu)", "correct", "sigma^2 as a function of mu",
    match=r"\frac{\partial \sigma^2}{\partial \mu} =")
row("T-14", F4, r"$\pd{\sigma^2}{\mu} = -\frac{2}{m}\sum_{i=1}^{m}(x_i-\mu) = 0$", 2,
    r"-\frac{2}{m}\sum_{i=1}^{m}(x_i-\mu) = 0", "correct", "mu is the mean", match=r"(x_i-\mu) = 0")
row("T-15", F4, r"\pd{L}{x_j} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}", 1,
    r"\pd{L}{x_j} = \frac{\gamma}{m\sqrt{\sigma^2+\epsilon}}(m g_j - \sum_i g_i - \hx_j\sum_i g_i\hx_i)", "correct", "standard BN backward",
    match=r"\frac{\partial L}{\partial x_j} =")
row("T-16", F4, r"\pd{\hx_1}{x_1} &= \frac{4\epsilon}", 1,
    r"\pd{\hx_1}{x_1} = \frac{4\epsilon}{((x_1-x_2)^2+4\epsilon)^{3/2}}", "correct", "",
    match=r"\frac{\partial \hat{x}_1}{\partial x_1} =")
row("T-17", F4, r"\pd{\hx_1}{x_2} &= \frac{4\epsilon}", 1,
    r"\pd{\hx_1}{x_2} = \frac{4\epsilon}{((x_1-x_2)^2+4\epsilon)^{3/2}}", "MISTAKE", "sign: -4 eps/(...)^{3/2}",
    match=r"\frac{\partial \hat{x}_1}{\partial x_2} =")
row("T-18", F4, r"\pd{\mu}{\vx} &= \frac{1}{n}\vone^\top", 1, r"\pd{\mu}{\vx} = \frac{1}{n}\vone^\top", "correct", "numerator layout row",
    match=r"\frac{\partial \mu}{\partial \mathbf{x}} =")
row("T-19", F4, r"\pd{v}{\vx} &= \frac{2}{n}(\vx-\mu\vone)^\top", 1, r"\pd{v}{\vx} = \frac{2}{n}(\vx-\mu\vone)^\top", "correct",
    "n is the length of x", match=r"\frac{\partial v}{\partial \mathbf{x}} =")
row("T-20", F4, r"\pd{s}{\vx} &= \frac{1}{2ns}(\vx-\mu\vone)^\top", 1, r"\pd{s}{\vx} = \frac{1}{2ns}(\vx-\mu\vone)^\top", "MISTAKE",
    "factor: 1/(n s)", match=r"\frac{\partial s}{\partial \mathbf{x}} =")
row("T-21", F4, r"\pd{\hvx}{\vx} = \frac{1}{s}\left(I", 1,
    r"\pd{\hvx}{\vx} = \frac{1}{s}(I - \frac{1}{n}\vone\vone^\top - \frac{1}{n}\hvx\hvx^\top)", "correct", "",
    match=r"\frac{\partial \hat{\mathbf{x}}}{\partial \mathbf{x}} = \frac{1}{s}")
row("T-22", F4, r"One checks that $\pd{\hvx}{\vx}\vone = \mathbf{0}$", 1, r"\pd{\hvx}{\vx}\vone = \mathbf{0}", "correct", "rows of J sum to 0",
    match=r"\mathbf{1} = \mathbf{0}")
row("T-23", F4, r"$\pd{\vy}{\bgamma} = \diag(\hvx)$", 1, r"\pd{\vy}{\bgamma} = \diag(\hvx)", "correct", "",
    match=r"{\partial \boldsymbol{\gamma}} =")
row("T-24", F4, r"$\pd{\vy}{\bbeta} = I$", 1, r"\pd{\vy}{\bbeta} = I", "correct", "", match=r"{\partial \boldsymbol{\beta}} = I")
row("T-25", F4, r"\pd{\vy}{\vx} = \diag(\bgamma)\,\pd{\hvx}{\vx}.", 1, r"\pd{\vy}{\vx} = \diag(\bgamma)\,\pd{\hvx}{\vx}", "correct",
    "numerator layout", match=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \operatorname{diag}(\boldsymbol{\gamma})")
row("T-26", F4, r"Then $\pd{\vz}{\vy} = W^\top$", 1, r"\pd{\vz}{\vy} = W^\top", "MISTAKE", "numerator layout: W (k x n)",
    match=r"\frac{\partial \mathbf{z}}{\partial \mathbf{y}} = W^\top")
row("T-27", F4, r"\pd{L}{\vx} = \pd{L}{\vz}\,\pd{\vz}{\vy}\,\pd{\vy}{\vx},", 1,
    r"\pd{L}{\vx} = \pd{L}{\vz}\,\pd{\vz}{\vy}\,\pd{\vy}{\vx}", "correct", "chain rule, numerator layout",
    match=r"\frac{\partial L}{\partial \mathbf{x}} =")
row("T-28", F4, r"\pd{\vz}{\vx} = W\diag(\bgamma)\,\pd{\hvx}{\vx}.", 1, r"\pd{\vz}{\vx} = W\diag(\bgamma)\,\pd{\hvx}{\vx}", "correct", "",
    match=r"\frac{\partial \mathbf{z}}{\partial \mathbf{x}} = W")
row("T-29", F4, r"Then $\pd{r}{x_j} = \dfrac{x_j}{n\,r}$", 1, r"\pd{r}{x_j} = \dfrac{x_j}{n\,r}", "correct", "",
    match=r"\frac{\partial r}{\partial x_j} =")
row("T-30", F4, r"$\pd{r}{\vx} = \dfrac{\vx^\top}{r}$", 1, r"\pd{r}{\vx} = \dfrac{\vx^\top}{r}", "MISTAKE", "factor: x^T/(n r)",
    match=r"\frac{\partial r}{\partial \mathbf{x}} =")
row("T-31", F4, r"\pd{y_i}{x_j} &= g_i\left(", 1, r"\pd{y_i}{x_j} = g_i(\frac{\delta_{ij}}{r} - \frac{x_i x_j}{n r^3})", "correct", "",
    match=r"\frac{\partial y_i}{\partial x_j} = g_i")
row("T-32", F4, r"\pd{\vy}{\vx} &= \frac{1}{r}\diag(\vg)", 1, r"\pd{\vy}{\vx} = \frac{1}{r}\diag(\vg)(I - \frac{\vx\vx^\top}{n r^2})", "correct", "",
    match=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \frac{1}{r}")
row("T-33", F4, r"$\dfrac{d}{dx}\dfrac{x}{\sqrt{x^2+\epsilon}} =", 1,
    r"\dfrac{d}{dx}\dfrac{x}{\sqrt{x^2+\epsilon}} = \dfrac{\epsilon}{(x^2+\epsilon)^{3/2}}", "correct", "",
    match=r"\dfrac{d}{dx}\dfrac{x}{\sqrt{x^2+\epsilon}} =")
row("T-34", F4, r"x_j\,\pd{r}{x_j} = r-\frac{\epsilon}{r}", 1, r"\sum_{j=1}^{n} x_j\,\pd{r}{x_j} = r-\frac{\epsilon}{r}", "correct", "",
    match=r"= r-\frac{\epsilon}{r}")
row("T-35", F4, r"$\pd{L}{\gamma}=0$", 1, r"\pd{L}{\gamma}=0", "not-a-claim", "stationarity condition",
    match=r"\frac{\partial L}{\partial \gamma} = 0")

# ---------------------------------------------------------------- attention.rst
row("A-01", F5, r"\nabla_{\mathbf{q}}\, s_j = \frac{\mathbf{k}_j}{\sqrt{d}}", 1, r"\nabla_{\mathbf{q}}\, s_j = \frac{\mathbf{k}_j}{\sqrt{d}}", "correct", "")
row("A-02", F5, r"\nabla_{\mathbf{k}_j}\, s_j = \frac{\mathbf{q}}{\sqrt{d}}", 1, r"\nabla_{\mathbf{k}_j}\, s_j = \frac{\mathbf{q}}{\sqrt{d}}", "correct", "")
row("A-03", F5, r"\frac{\partial s_j}{\partial q_l} = \frac{k_{jl}}{\sqrt{d}}", 1, r"\frac{\partial s_j}{\partial q_l} = \frac{k_{jl}}{\sqrt{d}}", "correct",
    "k_{jl} is the l-th entry of k_j, as the sentence says")
row("A-04", F5, r"{\sqrt{d}} = -\frac{\mathbf{q}^\top\mathbf{k}}{2 d^{3/2}}", 1,
    r"\frac{\partial}{\partial d}\frac{\mathbf{q}^\top\mathbf{k}}{\sqrt{d}} = -\frac{\mathbf{q}^\top\mathbf{k}}{2 d^{3/2}}", "correct",
    "d treated as continuous", match=r"= -\frac{\mathbf{q}^\top\mathbf{k}}{2 d^{3/2}}")
row("A-05", F5, r"\nabla_{\mathbf{q}} s = (0, \tfrac12, \tfrac12, \tfrac32)^\top", 1,
    r"\nabla_{\mathbf{q}} s = (0, \tfrac12, \tfrac12, \tfrac32)^\top", "correct", "k/2")
row("A-06", F5, r"\nabla_{\mathbf{k}} s = (1, 0, 2, 0)^\top", 1, r"\nabla_{\mathbf{k}} s = (1, 0, 2, 0)^\top", "MISTAKE",
    "forgot 1/sqrt(d): q/2 = (1/2, 0, 1, 0)")
row("A-07", F5, r"\frac{\partial \alpha_j}{\partial s_l} = \alpha_j(\delta_{jl} - \alpha_l)", 1,
    r"\frac{\partial \alpha_j}{\partial s_l} = \alpha_j(\delta_{jl} - \alpha_l)", "correct", "")
row("A-08", F5, r"&= \sum_{l=1}^{n} \frac{\partial \alpha_j}{\partial s_l}\, \nabla_{\mathbf{q}}\, s_l \\", 1,
    r"\nabla_{\mathbf{q}}\, \alpha_j = \sum_{l=1}^{n} \frac{\partial \alpha_j}{\partial s_l}\, \nabla_{\mathbf{q}}\, s_l", "correct", "chain rule",
    match=r"\nabla_{\mathbf{q}}\, \alpha_j = \sum")
row("A-09", F5, r"&= \sum_{l=1}^{n} \alpha_j(\delta_{jl} - \alpha_l)\, \frac{\mathbf{k}_l}{\sqrt{d}} \\", 2,
    r"= \sum_{l=1}^{n} \alpha_j(\delta_{jl} - \alpha_l)\, \frac{\mathbf{k}_l}{\sqrt{d}}", "correct", "",
    match=r"= \sum_{l=1}^{n} \alpha_j(\delta_{jl} - \alpha_l)")
row("A-10", F5, r"&= \frac{\alpha_j}{\sqrt{d}}\Bigl(\mathbf{k}_j - \sum_{l=1}^{n}", 3,
    r"= \frac{\alpha_j}{\sqrt{d}}(\mathbf{k}_j - \sum_{l=1}^{n} \alpha_l \mathbf{k}_l)", "correct", "",
    match=r"= \frac{\alpha_j}{\sqrt{d}}\Bigl(")
row("A-11", F5, r"\frac{\partial o}{\partial v_j} = \alpha_j,", 1, r"\frac{\partial o}{\partial v_j} = \alpha_j", "correct", "")
row("A-12", F5, r"\nabla_{\mathbf{q}}\, o = \frac{1}{\sqrt{d}} \sum_{j=1}^{n}", 1,
    r"\nabla_{\mathbf{q}}\, o = \frac{1}{\sqrt{d}} \sum_{j=1}^{n} \alpha_j (v_j - o)\, \mathbf{k}_j", "correct", "",
    match=r"\nabla_{\mathbf{q}}\, o =")
row("A-13", F5, r"\nabla_{\mathbf{k}_j}\, o = \frac{\alpha_j}{\sqrt{d}} (v_j - o)\, \mathbf{q}", 1,
    r"\nabla_{\mathbf{k}_j}\, o = \frac{\alpha_j}{\sqrt{d}} (v_j - o)\, \mathbf{q}", "correct", "")
row("A-14", F5, r"\frac{d\alpha_1}{dq} = \frac{d}{dq}\,\sigma", 1,
    r"\frac{d\alpha_1}{dq} = \frac{d}{dq}\,\sigma(q(k_1 - k_2))", "correct", "alpha_1 = sigma(q(k_1 - k_2))",
    match=r"\frac{d\alpha_1}{dq} = \frac{d}{dq}")
row("A-15", F5, r"\frac{d\alpha_1}{dq} = \frac{d}{dq}\,\sigma", 2,
    r"\frac{d}{dq}\,\sigma(q(k_1 - k_2)) = \alpha_1 (1 - \alpha_1)", "MISTAKE", "dropped chain factor (k_1 - k_2)",
    match=r"= \alpha_1 (1 - \alpha_1)")
row("A-16", F5, r"\right|_{q=0} = \frac{k_1 - k_2}{4}", 1, r"\left.\frac{d\alpha_1}{dq}\right|_{q=0} = \frac{k_1 - k_2}{4}", "correct", "",
    match=r"= \frac{k_1 - k_2}{4}")
row("A-17", F5, r"Write :math:`G = \partial L / \partial S`", 1, r"G = \partial L / \partial S", "not-a-claim", "definition")
row("A-18", F5, r"\frac{\partial L}{\partial Q} = \frac{G K}{\sqrt{d}}", 1, r"\frac{\partial L}{\partial Q} = \frac{G K}{\sqrt{d}}", "correct", "n x d")
row("A-19", F5, r"\frac{\partial L}{\partial K} = \frac{Q^\top G}{\sqrt{d}}", 1, r"\frac{\partial L}{\partial K} = \frac{Q^\top G}{\sqrt{d}}", "MISTAKE",
    "transposed: G^T Q / sqrt(d) (m x d)")
row("A-20", F5, r"\operatorname{tr}\left(C^\top Q K^\top\right) = C K,", 1,
    r"\frac{\partial}{\partial Q}\operatorname{tr}(C^\top Q K^\top) = C K", "correct", "", match=r"= C K")
row("A-21", F5, r"\operatorname{tr}\left(C^\top Q K^\top\right) = C^\top Q .", 1,
    r"\frac{\partial}{\partial K}\operatorname{tr}(C^\top Q K^\top) = C^\top Q", "correct", "", match=r"= C^\top Q")
row("A-22", F5, r"\frac{\partial L}{\partial V} = A^\top \frac{\partial L}{\partial O}", 1,
    r"\frac{\partial L}{\partial V} = A^\top \frac{\partial L}{\partial O}", "correct", "")
row("A-23", F5, r"\frac{\partial L}{\partial A} = \frac{\partial L}{\partial O} V^\top", 1,
    r"\frac{\partial L}{\partial A} = \frac{\partial L}{\partial O} V^\top", "correct", "")
row("A-24", F5, r"\frac{\partial L}{\partial S_{il}} = A_{il}", 1,
    r"\frac{\partial L}{\partial S_{il}} = A_{il}(\frac{\partial L}{\partial A_{il}} - \sum_{j} \frac{\partial L}{\partial A_{ij}} A_{ij})", "correct",
    "row-wise softmax backward", match=r"\frac{\partial L}{\partial S_{il}} =")
row("A-25", F5, r"\nabla_{\mathbf{x}}\, s = \frac{1}{\sqrt{d}}\left(W_Q^\top W_K + W_K^\top W_Q\right)\mathbf{x}", 1,
    r"\nabla_{\mathbf{x}}\, s = \frac{1}{\sqrt{d}}(W_Q^\top W_K + W_K^\top W_Q)\mathbf{x}", "correct", "",
    match=r"\nabla_{\mathbf{x}}\, s =")
row("A-26", F5, r"\nabla_{W_Q}\, s = \frac{1}{\sqrt{d}}\, W_K \mathbf{x}\mathbf{x}^\top", 1,
    r"\nabla_{W_Q}\, s = \frac{1}{\sqrt{d}}\, W_K \mathbf{x}\mathbf{x}^\top", "correct", "d x p")
row("A-27", F5, r"\nabla_{W_K}\, s = \frac{1}{\sqrt{d}}\, \mathbf{x}\mathbf{x}^\top W_Q^\top", 1,
    r"\nabla_{W_K}\, s = \frac{1}{\sqrt{d}}\, \mathbf{x}\mathbf{x}^\top W_Q^\top", "MISTAKE", "transposed: W_Q x x^T / sqrt(d) (d x p)")
row("A-28", F5, r":math:`\nabla_{W_Q} L = 0`", 1, r"\nabla_{W_Q} L = 0", "not-a-claim", "stationarity condition")

# ---------------------------------------------------------------- conv_logreg.qmd
row("Q-01", F6, r"$\frac{\partial y_i}{\partial w_j} = x_{i+j}$", 1, r"\frac{\partial y_i}{\partial w_j} = x_{i+j}", "correct", "")
row("Q-02", F6, r"$\frac{\partial y_i}{\partial b} = 1$", 1, r"\frac{\partial y_i}{\partial b} = 1", "correct", "")
row("Q-03", F6, r"\frac{\partial y_i}{\partial x_m} =" + "\n", 1,
    r"\frac{\partial y_i}{\partial x_m} = \begin{cases} w_{m-i} & 0 \le m-i \le k-1 \\ 0 & \text{otherwise}\end{cases}", "correct", "",
    match=r"\frac{\partial y_i}{\partial x_m} =")
row("Q-04", F6, r"\frac{\partial L}{\partial w_j} = \sum_{i=0}^{n-k} g_i\, x_{i+j}", 1,
    r"\frac{\partial L}{\partial w_j} = \sum_{i=0}^{n-k} g_i\, x_{i+j}", "correct", "g_i = dL/dy_i (prose)")
row("Q-05", F6, r"\frac{\partial L}{\partial b} = \sum_{i=0}^{n-k} g_i", 1, r"\frac{\partial L}{\partial b} = \sum_{i=0}^{n-k} g_i", "correct", "")
row("Q-06", F6, r"\frac{\partial L}{\partial x_m} = \sum_{i=\max(0,\, m-k+1)}", 1,
    r"\frac{\partial L}{\partial x_m} = \sum_{i=\max(0, m-k+1)}^{\min(m, n-k)} g_i\, w_{m-i}", "correct", "",
    match=r"\frac{\partial L}{\partial x_m} =")
row("Q-07", F6, r"\frac{\partial L}{\partial w_0} &= g_0 x_0 + g_1 x_1 + g_2 x_2", 1, r"\frac{\partial L}{\partial w_0} = g_0 x_0 + g_1 x_1 + g_2 x_2", "correct", "")
row("Q-08", F6, r"\frac{\partial L}{\partial w_1} &= g_0 x_1 + g_1 x_2 + g_2 x_3", 1, r"\frac{\partial L}{\partial w_1} = g_0 x_1 + g_1 x_2 + g_2 x_3", "correct", "")
row("Q-09", F6, r"\frac{\partial L}{\partial x_0} &= g_0 w_0", 1, r"\frac{\partial L}{\partial x_0} = g_0 w_0", "correct", "")
row("Q-10", F6, r"\frac{\partial L}{\partial x_1} &= g_0 w_1 + g_1 w_0", 1, r"\frac{\partial L}{\partial x_1} = g_0 w_1 + g_1 w_0", "correct", "")
row("Q-11", F6, r"\frac{\partial L}{\partial x_2} &= g_1 w_0 + g_2 w_1", 1, r"\frac{\partial L}{\partial x_2} = g_1 w_0 + g_2 w_1", "MISTAKE",
    "swapped kernel taps: g_1 w_1 + g_2 w_0")
row("Q-12", F6, r"\frac{\partial L}{\partial x_3} &= g_2 w_1", 1, r"\frac{\partial L}{\partial x_3} = g_2 w_1", "correct", "")
row("Q-13", F6, r"w_1 x_{i+1}\right) = x_1 + x_2 + x_3", 1,
    r"\dfrac{\partial}{\partial w_1}\sum_{i=0}^{2}(w_0 x_i + w_1 x_{i+1}) = x_1 + x_2 + x_3", "correct", "", match=r"= x_1 + x_2 + x_3")
row("Q-14", F6, r"\frac{\partial L}{\partial w_j} = \sum_{i=0}^{n-k}(y_i - t_i)\,x_{i+j}", 1,
    r"\frac{\partial L}{\partial w_j} = \sum_{i=0}^{n-k}(y_i - t_i)\,x_{i+j}", "correct", "")
row("Q-15", F6, r"\frac{\partial y_i}{\partial x_m} = w_{m-2i}", 1, r"\frac{\partial y_i}{\partial x_m} = w_{m-2i}", "correct",
    "stride 2, within the stated index range")
row("Q-16", F6, r"\frac{\partial L}{\partial w_j} = \sum_{i} g_i\, x_{i+2j}", 1, r"\frac{\partial L}{\partial w_j} = \sum_{i} g_i\, x_{i+2j}", "MISTAKE",
    "index: x_{2i+j}")
row("Q-17", F6, r"$\sigma'(t) = \sigma(t)\,(1 - \sigma(t))$", 1, r"\sigma'(t) = \sigma(t)\,(1 - \sigma(t))", "correct", "")
row("Q-18", F6, r"\frac{\partial}{\partial \mathbf{w}}\log\sigma(\mathbf{x}^\top\mathbf{w}) =", 1,
    r"\frac{\partial}{\partial \mathbf{w}}\log\sigma(\mathbf{x}^\top\mathbf{w}) = (1 - \sigma(\mathbf{x}^\top\mathbf{w}))\mathbf{x}", "correct", "",
    match=r"\frac{\partial}{\partial \mathbf{w}}\log\sigma(\mathbf{x}^\top\mathbf{w}) =")
row("Q-19", F6, r"\nabla J(\mathbf{w}) = \sum_{i=1}^{n}\bigl(", 1,
    r"\nabla J(\mathbf{w}) = \sum_{i=1}^{n}(\sigma(\mathbf{x}_i^\top\mathbf{w}) - y_i)\mathbf{x}_i", "correct", "",
    match=r"\nabla J(\mathbf{w}) = \sum")
row("Q-20", F6, r"\nabla J(\mathbf{w}) = \sum_{i=1}^{n}\bigl(", 2,
    r"\sum_{i=1}^{n}(\sigma(\mathbf{x}_i^\top\mathbf{w}) - y_i)\mathbf{x}_i = X^\top(\sigma(X\mathbf{w}) - \mathbf{y})", "correct", "",
    match=r"\mathbf{x}_i = X^\top")
row("Q-21", F6, r"\nabla^2 J(\mathbf{w}) = \sum_{i=1}^{n}", 1,
    r"\nabla^2 J(\mathbf{w}) = \sum_{i=1}^{n}\sigma(\mathbf{x}_i^\top\mathbf{w})(1 - \sigma(\mathbf{x}_i^\top\mathbf{w}))\mathbf{x}_i\mathbf{x}_i^\top", "correct", "",
    match=r"\nabla^2 J(\mathbf{w}) = \sum")
row("Q-22", F6, r"\nabla^2 J(\mathbf{w}) = \sum_{i=1}^{n}", 2,
    r"\sum_{i}\sigma_i(1-\sigma_i)\mathbf{x}_i\mathbf{x}_i^\top = X^\top S X", "correct", "S = diag(sigma(1-sigma))",
    match=r"= X^\top S X")
row("Q-23", F6, r"$\nabla \bigl(\tfrac{1}{n}J(\mathbf{w})\bigr) =", 1,
    r"\nabla (\tfrac{1}{n}J(\mathbf{w})) = \tfrac{1}{n}X^\top(\sigma(X\mathbf{w}) - \mathbf{y})", "correct", "",
    match=r"\nabla \bigl(\tfrac{1}{n}J(\mathbf{w})\bigr) =")
row("Q-24", F6, r"$\nabla \ell(\mathbf{w}) = X^\top", 1,
    r"\nabla \ell(\mathbf{w}) = X^\top(\sigma(X\mathbf{w}) - \mathbf{y})", "MISTAKE", "sign: ell = -J gives X^T(y - sigma(Xw))",
    match=r"\nabla \ell(\mathbf{w}) =")
row("Q-25", F6, r"\|\mathbf{w}\|^2\Bigr) = X^\top\bigl(\sigma(X\mathbf{w}) - \mathbf{y}\bigr) + \lambda\mathbf{w},", 1,
    r"\nabla(J(\mathbf{w}) + \frac{\lambda}{2}\|\mathbf{w}\|^2) = X^\top(\sigma(X\mathbf{w}) - \mathbf{y}) + \lambda\mathbf{w}", "correct", "",
    match=r"+ \lambda\mathbf{w}")
row("Q-26", F6, r"\|\mathbf{w}\|^2\Bigr) = X^\top S X + \lambda I", 1,
    r"\nabla^2(J(\mathbf{w}) + \frac{\lambda}{2}\|\mathbf{w}\|^2) = X^\top S X + \lambda I", "correct", "", match=r"= X^\top S X + \lambda I")
row("Q-27", F6, r"There is no closed-form solution of $\nabla J(\mathbf{w}) = \mathbf{0}$", 1,
    r"\nabla J(\mathbf{w}) = \mathbf{0}", "not-a-claim", "equation to be solved")
row("Q-28", F6, r"$\mathbf{w} \leftarrow \mathbf{w} - \bigl(\nabla^2 J", 1,
    r"\mathbf{w} \leftarrow \mathbf{w} - (\nabla^2 J(\mathbf{w}))^{-1}\nabla J(\mathbf{w})", "not-a-claim", "Newton update", match=r"\leftarrow")
row("Q-29", F6, r"J'(w) = -2\bigl(1 - \sigma(2w)\bigr), \qquad", 1, r"J'(w) = -2(1 - \sigma(2w))", "correct", "J = -log sigma(2w)",
    match=r"J'(w) = -2")
row("Q-30", F6, r"J'(0) = -2\bigl(1 - \sigma(0)\bigr) = -1", 1, r"J'(0) = -2(1 - \sigma(0))", "correct", "",
    match=r"J'(0) = -2")
row("Q-31", F6, r"J'(0) = -2\bigl(1 - \sigma(0)\bigr) = -1", 2, r"-2(1 - \sigma(0)) = -1", "correct", "", match=r"= -1")
row("Q-32", F6, r"$J''(w) = 2\,\sigma(2w)\bigl(1 - \sigma(2w)\bigr)$", 1, r"J''(w) = 2\,\sigma(2w)(1 - \sigma(2w))", "MISTAKE",
    "dropped chain factor: 4 sigma(2w)(1 - sigma(2w))", match=r"J''(w) =")
row("Q-33", F6, r"$J''(0) = \tfrac12$", 1, r"J''(0) = \tfrac12", "MISTAKE", "value: J''(0) = 1")

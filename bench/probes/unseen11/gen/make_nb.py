import json

cells = []
def md(text):
    cells.append({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)})
def code(text):
    cells.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                  "source": text.strip("\n").splitlines(keepends=True)})

md(r"""
# Gradients in VAEs and GANs, by hand

Before trusting autograd, it is worth deriving the handful of gradients that make these two models train. Everything below is per sample and per latent coordinate unless a sum is written.
""")
md(r"""
## 1. The reparameterization trick

The encoder outputs a mean $\mu$ and a standard deviation $\sigma$. Instead of sampling $z \sim \mathcal N(\mu, \sigma^2)$ directly, we sample $\varepsilon \sim \mathcal N(0, 1)$ and set

$$z = \mu + \sigma\varepsilon.$$

Now $z$ is a deterministic, differentiable function of the parameters, with

$$\frac{\partial z}{\partial \mu} = 1, \qquad \frac{\partial z}{\partial \sigma} = \varepsilon.$$

In practice the network predicts $s = \log\sigma^2$ so that $\sigma = e^{s/2}$ is always positive. Then $z = \mu + e^{s/2}\varepsilon$ and

$$\frac{\partial z}{\partial s} = \frac{1}{2}e^{s/2}\varepsilon = \frac{1}{2}\sigma\varepsilon.$$

By the chain rule, for any downstream loss $\ell(z)$ we get $\frac{\partial \ell}{\partial \mu} = \ell'(z)$ and $\frac{\partial \ell}{\partial \sigma} = \ell'(z)\,\varepsilon$.
""")
code(r"""
import torch

def reparameterize(mu, logvar):
    std = torch.exp(0.5 * logvar)
    eps = torch.randn_like(std)
    return mu + std * eps
""")
md(r"""
## 2. The KL term

For a diagonal Gaussian posterior and a standard normal prior, the KL divergence has a closed form,

$$\mathrm{KL} = \frac{1}{2}\sum_{j=1}^{d}\left(\mu_j^2 + \sigma_j^2 - \log\sigma_j^2 - 1\right).$$

Look at one coordinate, $\mathrm{KL} = \frac12\left(\mu^2 + \sigma^2 - \log\sigma^2 - 1\right)$. Its partials are

$$\frac{\partial\,\mathrm{KL}}{\partial \mu} = \mu, \qquad \frac{\partial\,\mathrm{KL}}{\partial \sigma} = \sigma - \frac{1}{2\sigma^2}.$$

In terms of the log-variance $s$, $\mathrm{KL} = \frac{1}{2}\left(\mu^2 + e^{s} - s - 1\right)$, and

$$\frac{\partial\,\mathrm{KL}}{\partial s} = \frac{1}{2}\left(e^{s} - 1\right).$$

Both gradients vanish at $\mu = 0$, $s = 0$ (that is, $\sigma = 1$), where $\mathrm{KL} = 0$: the posterior equals the prior. The second derivative $\frac{\partial^2\mathrm{KL}}{\partial s^2} = \frac{1}{2}e^{s}$ is positive, so the term is convex in $s$.

For the whole vector, $\frac{\partial\,\mathrm{KL}}{\partial \mu_j} = \mu_j$ for every $j$; the coordinates do not interact.
""")
code(r"""
def kl_term(mu, logvar):
    return 0.5 * torch.sum(mu.pow(2) + logvar.exp() - logvar - 1)
""")
md(r"""
## 3. The reconstruction term

With a Gaussian decoder of mean $\hat x$ and fixed variance $\sigma^2$, the negative log-likelihood of one pixel is, up to a constant,

$$\ell_{\text{rec}} = \frac{(x - \hat x)^2}{2\sigma^2} + \log\sigma.$$

So $\frac{\partial \ell_{\text{rec}}}{\partial \hat x} = \frac{x - \hat x}{\sigma^2}$, and if the decoder also learns $\sigma$,

$$\frac{\partial \ell_{\text{rec}}}{\partial \sigma} = -\frac{(x - \hat x)^2}{\sigma^3} + \frac{1}{\sigma}.$$
""")
md(r"""
## 4. The GAN discriminator

Here $\sigma$ is the logistic sigmoid, $\sigma(a) = \frac{1}{1 + e^{-a}}$, and the discriminator is $D = \sigma(a)$ where $a$ is the logit. The one identity we need is

$$\sigma'(a) = \frac{e^{-a}}{(1 + e^{-a})^2} = \sigma(a)\bigl(1 - \sigma(a)\bigr).$$

In particular $\sigma'(0) = \frac14$, and $\sigma(-a) = 1 - \sigma(a)$. Taking logs,

$$\frac{d}{da}\log\sigma(a) = 1 - \sigma(a), \qquad \frac{d}{da}\log\bigl(1 - \sigma(a)\bigr) = -(1 - \sigma(a)).$$

The discriminator loss for one real sample $x$ and one fake sample $G(z)$ is

$$\mathcal L_D = -\log D(x) - \log\bigl(1 - D(G(z))\bigr).$$

Write $a$ for the logit on the real sample and $b$ for the logit on the fake one. Then

$$\frac{\partial \mathcal L_D}{\partial a} = \sigma(a) - 1, \qquad \frac{\partial \mathcal L_D}{\partial b} = \sigma(b).$$

Equivalently, $-\log\sigma(a) = \log(1 + e^{-a})$ is a softplus, and $\frac{d}{da}\log(1 + e^{-a}) = -\frac{e^{-a}}{1 + e^{-a}} = \sigma(a) - 1$. Both losses are the binary cross-entropy $\ell(a, y) = -y\log\sigma(a) - (1-y)\log(1 - \sigma(a))$ with labels $y = 1$ and $y = 0$, and in general

$$\frac{\partial \ell}{\partial a} = \sigma(a) - y.$$

The gradient is bounded by $1$ in absolute value, which is one reason the logit form is numerically friendly.
""")
md(r"""
## 5. The generator

The original minimax generator loss $\log(1 - \sigma(b))$ has gradient $-\sigma(b)$ with respect to the fake logit $b$, which is tiny when the discriminator confidently rejects fakes ($b \ll 0$). The non-saturating loss $-\log\sigma(b)$ instead has

$$\frac{d}{db}\bigl(-\log\sigma(b)\bigr) = \sigma(b) - 1,$$

which is close to $-1$ exactly when the generator is doing badly.
""")
code(r"""
import torch.nn.functional as F

def d_loss(real_logits, fake_logits):
    return (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
            + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
""")

nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                                   "language_info": {"name": "python"}},
      "nbformat": 4, "nbformat_minor": 5}
for i, c in enumerate(nb["cells"]):
    c["id"] = f"cell-{i}"
json.dump(nb, open("/tmp/probe11/vae_gan.ipynb", "w"), indent=1)

import json
cells = []
def md(s): cells.append({"cell_type":"markdown","metadata":{},"source":s.strip("\n").splitlines(keepends=True)})
def code(s): cells.append({"cell_type":"code","metadata":{},"execution_count":None,"outputs":[],"source":s.strip("\n").splitlines(keepends=True)})

md(r"""
# Lab 3 notebook: kinematics and related rates

In this notebook we differentiate position functions, then use the chain rule on a few
related-rates problems from optics and fluids. Run the code cells to check the hand calculations.
""")
code(r"""
import numpy as np
import sympy as sp

t = sp.symbols('t', real=True)
""")
md(r"""
## 1. A particle on a line

Let $x(t) = 2t^3 - 9t^2 + 12t + 1$ (metres, seconds). With Newton's dot notation,

$$
\dot{x} = 6t^2 - 18t + 12, \qquad \ddot{x} = 12t - 18 .
$$

The particle turns around where $\dot x = 0$, that is at $t = 1$ and $t = 2$. There,
$x'(1) = 0$ and the acceleration is $x''(1) = -6$, while $x''(2) = 6$. The jerk is constant:
$\dddot{x} = 12$.
""")
code(r"""
x = 2*t**3 - 9*t**2 + 12*t + 1
v = sp.diff(x, t)
a = sp.diff(x, t, 2)
print(v, a, sp.solve(sp.Eq(v, 0), t), [a.subs(t, s) for s in (1, 2)])
""")
md(r"""
Check the velocity numerically with a central difference at $t = 0.5$, where the exact value is
$x'(0.5) = 4.5\ \mathrm{m/s}$.
""")
code(r"""
f = sp.lambdify(t, x, 'numpy')
h = 1e-5
print((f(0.5 + h) - f(0.5 - h)) / (2*h))
""")
md(r"""
## 2. Projectile

A ball leaves the ground with speed $v_0$ at angle $\alpha$. Its height is
$y(t) = v_0 t\sin\alpha - \tfrac12 g t^2$, so

$$
\frac{dy}{dt} = v_0\sin\alpha - gt, \qquad \frac{d^2y}{dt^2} = -g .
$$

The top of the flight is where $\dfrac{dy}{dt} = 0$, giving $t^* = v_0\sin\alpha/g$. The range
$R(\alpha) = \dfrac{v_0^2\sin 2\alpha}{g}$ is largest where

$$
\frac{dR}{d\alpha} = \frac{2v_0^2\cos 2\alpha}{g} = 0 \quad\Longrightarrow\quad \alpha = 45^\circ .
$$

For a circular orbit of radius $r$ at angular speed $\omega$, the position
$\mathbf{r}(t) = r\left(\cos\omega t,\ \sin\omega t\right)$ has velocity
$\dot{\mathbf{r}}(t) = r\omega\left(-\sin\omega t,\ \cos\omega t\right)$ and acceleration
$\ddot{\mathbf{r}}(t) = -r\omega\left(\cos\omega t,\ \sin\omega t\right)$.
""")
md(r"""
## 3. Related rates: draining a conical tank

An inverted cone has half-angle such that $r = h/2$ at every depth. The water volume is
$V = \frac{\pi}{3}r^2h = \frac{\pi h^3}{12}$, so

$$
\frac{dV}{dh} = \frac{\pi h^2}{4}, \qquad \left.\frac{dV}{dh}\right|_{h=4} = 4\pi .
$$

Water is pumped in at $2\ \mathrm{m^3/min}$. By the chain rule $\dfrac{dV}{dt} = \dfrac{dV}{dh}\dfrac{dh}{dt}$, so when
the depth is $4\ \mathrm{m}$ the level rises at $\dfrac{dh}{dt} = \dfrac{2}{4\pi} = \dfrac{1}{2\pi}\ \mathrm{m/min}$.
""")
code(r"""
h = sp.symbols('h', positive=True)
V = sp.pi*h**3/12
dVdh = sp.diff(V, h)
print(dVdh, dVdh.subs(h, 4), sp.Rational(2)/dVdh.subs(h, 4))
""")
md(r"""
### Torricelli outflow

Now a cylindrical tank of cross-section $A$ drains through a hole of area $a$. Torricelli's law gives the
differential equation

$$
\frac{dh}{dt} = -\frac{a}{A}\sqrt{2gh}.
$$

Writing $k = \frac{a}{A}\sqrt{2g}$, the solution is $h(t) = \left(\sqrt{h_0} - \tfrac12 kt\right)^2$. Check:

$$
\begin{aligned}
\frac{d}{dt}\left(\sqrt{h_0} - \tfrac12 kt\right)^2 &= 2\left(\sqrt{h_0} - \tfrac12 kt\right)\cdot\left(-\tfrac12 k\right)\\
&= -k\left(\sqrt{h_0} - \tfrac12 kt\right).
\end{aligned}
$$

A spherical balloon being inflated has $V = \tfrac43\pi r^3$; then $\dfrac{dV}{dr} = 4\pi r^2$ and at $r = 3$ we get
$\left.\dfrac{dV}{dr}\right|_{r=3} = 36\pi$. Its surface area $S = 4\pi r^2$ grows as $\dfrac{dS}{dr} = 4\pi r$.
""")
md(r"""
## 4. Optics: a moving object in front of a lens

The thin-lens equation $\frac{1}{s} + \frac{1}{s'} = \frac{1}{f}$ gives the image distance $s'(s) = \dfrac{sf}{s-f}$.
Differentiating with the quotient rule,

$$
\frac{d}{ds}\left(\frac{sf}{s-f}\right) = \frac{f(s-f) - sf}{(s-f)^2} = -\frac{f^2}{(s-f)^2}.
$$

With $f = 10\ \mathrm{cm}$ and the object at $s = 30\ \mathrm{cm}$,
$\left.\dfrac{d}{ds}\left(\dfrac{10s}{s-10}\right)\right|_{s=30} = -\dfrac{1}{2}$. If the object approaches the lens at
$2\ \mathrm{cm/s}$ (so $ds/dt = -2$), the image recedes at $ds'/dt = 1/2\ \mathrm{cm/s}$.

The lateral magnification is $M(s) = -\dfrac{s'}{s} = -\dfrac{f}{s-f}$, and $M'(s) = \dfrac{f}{(s-f)^2}$.
""")
code(r"""
s, fl = sp.symbols('s f', positive=True)
sprime = s*fl/(s - fl)
print(sp.simplify(sp.diff(sprime, s)), sp.diff(sprime, s).subs({fl: 10, s: 30}))
""")
md(r"""
### Fermat's principle

Light goes from a point at height $a$ above an interface to a point at depth $b$ below it, horizontal separation $d$.
If it crosses at $x$, the travel time is $T(x) = \dfrac{\sqrt{a^2+x^2}}{v_1} + \dfrac{\sqrt{b^2+(d-x)^2}}{v_2}$ and

$$
T'(x) = \frac{x}{v_1\sqrt{a^2+x^2}} + \frac{d-x}{v_2\sqrt{b^2+(d-x)^2}} .
$$

Setting $T'(x) = 0$ gives Snell's law $\sin\theta_1/v_1 = \sin\theta_2/v_2$.

## 5. Exercises

1. Show that $\dfrac{d}{dt}\left(\tfrac12 m\dot{x}^2 + \tfrac12 kx^2\right) = \dot{x}\left(m\ddot{x} + kx\right)$.
2. For $x(t) = A e^{-t/\tau}\sin(\omega t)$, show $\dfrac{dx}{dt} = A e^{-t/\tau}\left(\omega\cos\omega t - \dfrac{1}{\tau}\sin\omega t\right)$.
3. A ladder of length $5$ slides with its foot at distance $u$ from the wall and top at height $w = \sqrt{25 - u^2}$.
   Show $\dfrac{dw}{du} = -\dfrac{u}{\sqrt{25-u^2}}$, so at $u = 3$ the slope is $\left.\dfrac{dw}{du}\right|_{u=3} = -\dfrac{3}{4}$.
""")
nb = {"cells":cells,"metadata":{"kernelspec":{"display_name":"Python 3","language":"python","name":"python3"},"language_info":{"name":"python"}},"nbformat":4,"nbformat_minor":5}
json.dump(nb, open("kinematics_related_rates.ipynb","w"), indent=1)

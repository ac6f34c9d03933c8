"""Hand labels for every claim step, each checked with SymPy.
Each row: (id, file, line, step, latex, label, why, check)
check: a zero-argument function returning lhs - rhs (should simplify to 0 for 'correct',
non-zero for 'MISTAKE'); None for not-a-claim rows."""
from sympy import *
from sympy.core.function import AppliedUndef
x, t, k, C, C1, C2, r, a, b, m, g, A, K, w, phi, v0, T0, Ta, R, s, h, G, M, th = symbols(
    'x t k C C1 C2 r a b m g A K omega phi v0 T0 Ta R s h G M theta')
Y = Function('y')(x)
X_t, Y_t, S_t, H_t, R_t, TH_t = [Function(n)(t) for n in 'X Y S H R Th'.split()]
D = diff
rows = []
def row(id, file, line, step, latex, label, why, check=None):
    rows.append((id, file, line, step, latex, label, why, check))

def implicit(F):  # dy/dx from F(x,y)=0, y a symbol
    yy = symbols('y')
    return -D(F, x)/D(F, yy)
yy = symbols('y')
def on_curve(expr, F, pt):  # evaluate expr at a point (dict) on the curve
    assert simplify(F.subs(pt)) == 0
    return expr.subs(pt)

# ---------------- first_order_odes.md
f = 'first_order_odes.md'
row('A01', f, 8, 1, r"\frac{dy}{dx} = g(x)\,h(y)", 'not-a-claim', 'general form of a separable ODE')
row('A02', f, 11, 1, r"y' = ky", 'not-a-claim', 'the DE to solve')
row('A03', f, 13, 1, r"\frac{dy}{y} = k\,dx", 'not-a-claim', 'separated differentials (an equation)')
row('A04', f, 13, 1, r"\ln|y| = kx + c", 'not-a-claim', 'integrated equation')
row('A05', f, 14, 1, r"y = Ce^{kx}  (general solution of y'=ky)", 'correct', 'satisfies y\'=ky',
    lambda: D(C*exp(k*x), x) - k*C*exp(k*x))
row('A06', f, 16, 1, r"y' = kCe^{kx}", 'correct', 'y = Ce^{kx}', lambda: D(C*exp(k*x), x) - k*C*exp(k*x))
row('A07', f, 16, 2, r"kCe^{kx} = ky", 'correct', 'y = Ce^{kx}', lambda: k*C*exp(k*x) - k*(C*exp(k*x)))
row('A08', f, 18, 1, r"\frac{dy}{dx} = \frac{x}{y}", 'not-a-claim', 'the DE; y(0)=1 is an initial condition')
row('A09', f, 20, 1, r"y\,dy = x\,dx ; y^2 = x^2 + C ; C = 1", 'not-a-claim', 'separation / integration / constant')
row('A10', f, 21, 1, r"y = \sqrt{x^2 + 1}", 'not-a-claim', 'definition (solution of the IVP)')
row('A11', f, 24, 1, r"\frac{dy}{dx} = \frac{x}{\sqrt{x^2+1}}", 'correct', 'd/dx sqrt(x^2+1)',
    lambda: D(sqrt(x**2+1), x) - x/sqrt(x**2+1))
row('A12', f, 24, 2, r"\frac{x}{\sqrt{x^2+1}} = \frac{x}{y}", 'correct', 'y = sqrt(x^2+1)',
    lambda: x/sqrt(x**2+1) - x/sqrt(x**2+1))
row('A13', f, 27, 1, r"y' = -2xy", 'not-a-claim', 'the DE')
row('A14', f, 29, 1, r"y = e^{-x^2}  (solution of y'=-2xy)", 'correct', 'satisfies the DE',
    lambda: D(exp(-x**2), x) - (-2*x*exp(-x**2)))
row('A15', f, 30, 1, r"y' = 2xe^{-x^2}", 'MISTAKE', "wrong sign: y' = -2xe^{-x^2}",
    lambda: D(exp(-x**2), x) - 2*x*exp(-x**2))
row('A16', f, 32, 1, r"y' = xy^2 ; y(0)=1", 'not-a-claim', 'DE and initial condition')
row('A17', f, 34, 1, r"-\frac{1}{y} = \frac{x^2}{2} + C ; x = 0 ; C = -1", 'not-a-claim', 'integrated equation')
row('A18', f, 36, 1, r"y = \frac{2}{2 - x^2}", 'not-a-claim', 'definition')
row('A19', f, 39, 1, r"y' = \frac{4x}{(2-x^2)^2}", 'correct', 'quotient rule',
    lambda: D(2/(2-x**2), x) - 4*x/(2-x**2)**2)
row('A20', f, 40, 1, r"y^2 = \frac{4}{(2-x^2)^2}", 'correct', 'square of y',
    lambda: (2/(2-x**2))**2 - 4/(2-x**2)**2)
row('A21', f, 44, 1, r"y' + P(x)y = Q(x)", 'not-a-claim', 'general linear DE')
row('A22', f, 45, 1, r"\mu(x) = e^{\int P(x)\,dx}", 'not-a-claim', 'definition')
row('A23', f, 49, 1, r"P = 2 ; \mu = e^{2x}", 'not-a-claim', 'definitions')
yf = Function('y')
row('A24', f, 52, 1, r"\frac{d}{dx}\left(e^{2x}y\right) = e^{2x}y' + 2e^{2x}y", 'correct', 'product rule (y a function of x)',
    lambda: D(exp(2*x)*Y, x) - (exp(2*x)*D(Y, x) + 2*exp(2*x)*Y))
row('A25', f, 52, 2, r"e^{2x}y' + 2e^{2x}y = e^{x}", 'correct', "by the DE y'+2y=e^{-x} (also true for the y stated on line 55)",
    lambda: (exp(2*x)*D(Y, x) + 2*exp(2*x)*Y - exp(x)).subs(Y, exp(-x)+C*exp(-2*x)).doit())
row('A26', f, 55, 1, r"e^{2x}y = e^{x} + C", 'not-a-claim', 'integrated equation (true for y on the same line)')
row('A27', f, 55, 2, r"y = e^{-x} + Ce^{-2x}  (solution of y'+2y=e^{-x})", 'correct', 'satisfies the DE',
    lambda: D(exp(-x)+C*exp(-2*x), x) + 2*(exp(-x)+C*exp(-2*x)) - exp(-x))
yA = exp(-x)+C*exp(-2*x)
row('A28', f, 57, 1, r"y' = -e^{-x} - 2Ce^{-2x}", 'correct', '', lambda: D(yA, x) - (-exp(-x) - 2*C*exp(-2*x)))
row('A29', f, 60, 1, r"y' + 2y = -e^{-x} - 2Ce^{-2x} + 2e^{-x} + 2Ce^{-2x}", 'correct', '',
    lambda: D(yA, x) + 2*yA - (-exp(-x) - 2*C*exp(-2*x) + 2*exp(-x) + 2*C*exp(-2*x)))
row('A30', f, 60, 2, r"-e^{-x} - 2Ce^{-2x} + 2e^{-x} + 2Ce^{-2x} = e^{-x}", 'correct', '',
    lambda: (-exp(-x) - 2*C*exp(-2*x) + 2*exp(-x) + 2*C*exp(-2*x)) - exp(-x))
row('A31', f, 63, 1, r"xy' - y = x^2", 'not-a-claim', 'the DE')
row('A32', f, 65, 1, r"y' - \frac{1}{x}y = x", 'not-a-claim', 'DE divided by x')
row('A33', f, 65, 2, r"\mu = e^{-\ln x}", 'not-a-claim', 'definition of mu')
row('A34', f, 65, 3, r"e^{-\ln x} = \frac{1}{x}", 'correct', 'x > 0', lambda: exp(-log(x)) - 1/x)
row('A35', f, 67, 1, r"\frac{d}{dx}\left(\frac{y}{x}\right) = \frac{y'}{x} - \frac{y}{x^2}", 'correct', 'quotient rule',
    lambda: D(Y/x, x) - (D(Y, x)/x - Y/x**2))
row('A36', f, 67, 2, r"\frac{y'}{x} - \frac{y}{x^2} = 1", 'correct', "by the DE (xy'-y=x^2) / x^2; true for y = x^2+Cx",
    lambda: (D(Y, x)/x - Y/x**2 - 1).subs(Y, x**2 + C*x).doit())
row('A37', f, 69, 1, r"\frac{y}{x} = x + C", 'not-a-claim', 'integrated equation')
row('A38', f, 69, 2, r"y = x^2 + Cx  (general solution of xy'-y=x^2)", 'correct', 'satisfies the DE',
    lambda: x*D(x**2+C*x, x) - (x**2+C*x) - x**2)
row('A39', f, 70, 1, r"y(1) = 3 ; C = 2 ; y = x^2 + 2x", 'not-a-claim', 'IC, constant, definition')
row('A40', f, 71, 1, r"y'(1) = 3", 'MISTAKE', "y = x^2+2x gives y'(1) = 4",
    lambda: D(x**2+2*x, x).subs(x, 1) - 3)
row('A41', f, 73, 1, r"y = Ce^{x} - x + 1  (general solution of y' = y + x)", 'MISTAKE', 'correct solution is Ce^x - x - 1; the stated y gives y\' - y - x = -2',
    lambda: D(C*exp(x)-x+1, x) - (C*exp(x)-x+1) - x)
row('A42', f, 75, 1, r"y = \frac{1}{1 - x}  (solution of y'=y^2)", 'correct', 'satisfies y\'=y^2 and y(0)=1',
    lambda: D(1/(1-x), x) - (1/(1-x))**2)
row('A43', f, 76, 1, r"y' = -\frac{1}{(1 - x)^2}", 'MISTAKE', "sign: y' = +1/(1-x)^2",
    lambda: D(1/(1-x), x) - (-1/(1-x)**2))
row('A44', f, 81, 1, r"\frac{dT}{dt} = -k(T - T_a) ; T(0) = T_0", 'not-a-claim', 'DE and IC')
Tsol = Ta + (T0-Ta)*exp(-k*t)
row('A45', f, 82, 1, r"T = T_a + (T_0 - T_a)e^{-kt}  (its solution)", 'correct', 'satisfies DE',
    lambda: D(Tsol, t) + k*(Tsol - Ta))
row('A46', f, 85, 1, r"\frac{dT}{dt} = -k(T_0 - T_a)e^{-kt}", 'correct', '', lambda: D(Tsol, t) - (-k*(T0-Ta)*exp(-k*t)))
row('A47', f, 85, 2, r"-k(T_0 - T_a)e^{-kt} = -k(T - T_a)", 'correct', 'T as stated', lambda: -k*(T0-Ta)*exp(-k*t) + k*(Tsol-Ta))
Psol = K/(1+A*exp(-r*t))
row('A48', f, 88, 1, r"P = \frac{K}{1 + Ae^{-rt}}", 'not-a-claim', 'definition')
row('A49', f, 92, 1, r"\frac{dP}{dt} = \frac{KrAe^{-rt}}{(1 + Ae^{-rt})^2}", 'correct', '',
    lambda: D(Psol, t) - K*r*A*exp(-r*t)/(1+A*exp(-r*t))**2)
row('A50', f, 92, 2, r"\frac{KrAe^{-rt}}{(1 + Ae^{-rt})^2} = rP\left(1 - \frac{P}{K}\right)", 'correct', '',
    lambda: K*r*A*exp(-r*t)/(1+A*exp(-r*t))**2 - r*Psol*(1-Psol/K))
row('A51', f, 95, 1, r"P' = rP(1 - P/K)", 'correct', 'P as defined satisfies it',
    lambda: D(Psol, t) - r*Psol*(1-Psol/K))
row('A52', f, 96, 1, r"P = K/2", 'not-a-claim', 'a condition')

# ---------------- kinematics.md
f = 'kinematics.md'
row('B01', f, 3, 1, r"\dot x = \frac{dx}{dt} ; \ddot x = \frac{d^2x}{dt^2}", 'not-a-claim', 'notation')
row('B02', f, 8, 1, r"x(t) = t^3 - 6t^2 + 9t", 'not-a-claim', 'definition')
x1 = t**3 - 6*t**2 + 9*t
row('B03', f, 12, 1, r"v(t) = \dot x", 'not-a-claim', 'defines v')
row('B04', f, 12, 2, r"\dot x = 3t^2 - 12t + 9", 'correct', '', lambda: D(x1, t) - (3*t**2 - 12*t + 9))
row('B05', f, 12, 3, r"a(t) = \ddot x", 'not-a-claim', 'defines a')
row('B06', f, 12, 4, r"\ddot x = 6t - 12", 'correct', '', lambda: D(x1, t, 2) - (6*t - 12))
row('B07', f, 15, 1, r"3t^2 - 12t + 9 = 3(t - 1)(t - 3)", 'correct', 'factoring', lambda: 3*t**2-12*t+9 - 3*(t-1)*(t-3))
row('B08', f, 15, 2, r"3(t - 1)(t - 3) = 0", 'not-a-claim', 'equation to solve; t=1, t=3')
row('B09', f, 16, 1, r"v(2) = -3", 'correct', '', lambda: D(x1, t).subs(t, 2) + 3)
row('B10', f, 16, 2, r"a(2) = 0", 'correct', '', lambda: D(x1, t, 2).subs(t, 2))
row('B11', f, 17, 1, r"K = \frac{1}{2}mv^2", 'not-a-claim', 'definition')
row('B12', f, 17, 2, r"\frac{dK}{dt} = mva", 'correct', 'v, a as defined', lambda: D(m*D(x1, t)**2/2, t) - m*D(x1, t)*D(x1, t, 2))
row('B13', f, 18, 1, r"\frac{dK}{dt} = 108m  (at t = 0)", 'MISTAKE', 'm*9*(-12) = -108m',
    lambda: (m*D(x1, t)*D(x1, t, 2)).subs(t, 0) - 108*m)
y1 = v0*t - g*t**2/2
row('B14', f, 22, 1, r"y(t) = v_0 t - \frac{1}{2} g t^2", 'not-a-claim', 'definition')
row('B15', f, 23, 1, r"\dot y = v_0 - gt", 'correct', '', lambda: D(y1, t) - (v0 - g*t))
row('B16', f, 23, 2, r"\ddot y = g", 'MISTAKE', 'sign: -g', lambda: D(y1, t, 2) - g)
row('B17', f, 24, 1, r"t^* = v_0/g", 'not-a-claim', 'definition')
row('B18', f, 24, 2, r"\dot y(t^*) = 0", 'correct', '', lambda: D(y1, t).subs(t, v0/g))
x2 = A*cos(w*t + phi)
row('B19', f, 28, 1, r"x = A\cos(\omega t + \phi)", 'not-a-claim', 'definition')
row('B20', f, 33, 1, r"\dot x = -A\omega\sin(\omega t + \phi)", 'correct', '', lambda: D(x2, t) + A*w*sin(w*t+phi))
row('B21', f, 34, 1, r"\ddot x = -A\omega^2\cos(\omega t + \phi)", 'correct', '', lambda: D(x2, t, 2) + A*w**2*cos(w*t+phi))
row('B22', f, 34, 2, r"-A\omega^2\cos(\omega t + \phi) = -\omega^2 x", 'correct', '', lambda: -A*w**2*cos(w*t+phi) + w**2*x2)
row('B23', f, 38, 1, r"\ddot x + \omega^2 x = 0", 'correct', 'x as defined solves it', lambda: D(x2, t, 2) + w**2*x2)
x3 = exp(-t)*sin(2*t)
row('B24', f, 40, 1, r"x(t) = e^{-t}\sin 2t", 'not-a-claim', 'definition (redefines x)')
row('B25', f, 42, 1, r"\dot x = e^{-t}(2\cos 2t - \sin 2t)", 'correct', '', lambda: D(x3, t) - exp(-t)*(2*cos(2*t) - sin(2*t)))
row('B26', f, 42, 2, r"\ddot x = e^{-t}(-3\sin 2t - 4\cos 2t)", 'correct', '', lambda: D(x3, t, 2) - exp(-t)*(-3*sin(2*t) - 4*cos(2*t)))
row('B27', f, 44, 1, r"\ddot x + 2\dot x + 5x = 0", 'correct', 'x as defined solves it', lambda: D(x3, t, 2) + 2*D(x3, t) + 5*x3)
row('B28', f, 47, 1, r"E = \frac{1}{2}m\dot x^2 + \frac{1}{2}kx^2", 'not-a-claim', 'definition')
Eng = m*D(X_t, t)**2/2 + k*X_t**2/2
row('B29', f, 50, 1, r"\frac{dE}{dt} = m\dot x\ddot x + kx\dot x", 'correct', 'any x(t)', lambda: D(Eng, t) - (m*D(X_t, t)*D(X_t, t, 2) + k*X_t*D(X_t, t)))
row('B30', f, 50, 2, r"m\dot x\ddot x + kx\dot x = \dot x\,(m\ddot x + kx)", 'correct', 'factoring',
    lambda: (m*D(X_t, t)*D(X_t, t, 2) + k*X_t*D(X_t, t)) - D(X_t, t)*(m*D(X_t, t, 2) + k*X_t))
row('B31', f, 53, 1, r"m\ddot x = -kx", 'not-a-claim', "Newton's law (a condition)")
row('B32', f, 57, 1, r"F = -\frac{dU}{dx}", 'not-a-claim', 'definition of a conservative force')
row('B33', f, 59, 1, r"U(x) = \frac{1}{2}kx^2 ; F = -\frac{dU}{dx}", 'not-a-claim', 'definitions')
row('B34', f, 59, 2, r"-\frac{dU}{dx} = -kx", 'correct', '', lambda: -D(k*x**2/2, x) + k*x)
row('B35', f, 60, 1, r"U(r) = -\frac{GMm}{r} ; F(r) = -\frac{dU}{dr}", 'not-a-claim', 'definitions')
row('B36', f, 60, 2, r"-\frac{dU}{dr} = -\frac{GMm}{r^2}", 'correct', '', lambda: -D(-G*M*m/r, r) + G*M*m/r**2)
row('B37', f, 61, 1, r"U(r) = \frac{a}{r^{12}} - \frac{b}{r^6}", 'not-a-claim', 'definition')
row('B38', f, 62, 1, r"U'(r) = -\frac{12a}{r^{11}} + \frac{6b}{r^{7}}", 'MISTAKE', 'power: -12a/r^13 + 6b/r^7',
    lambda: D(a/r**12 - b/r**6, r) - (-12*a/r**11 + 6*b/r**7))
p, v = symbols('p v')
row('B39', f, 64, 1, r"p = mv ; K = \frac{p^2}{2m}", 'not-a-claim', 'definitions (K redefined)')
row('B40', f, 65, 1, r"\frac{dK}{dp} = \frac{p}{m}", 'correct', '', lambda: D(p**2/(2*m), p) - p/m)
row('B41', f, 65, 2, r"\frac{p}{m} = v", 'correct', 'p = mv', lambda: (p/m - v).subs(p, m*v))
row('B42', f, 70, 1, r"x^2 + y^2 = 25", 'not-a-claim', 'constraint')
row('B43', f, 70, 2, r"2x\dot x + 2y\dot y = 0", 'correct', 'd/dt of the constraint (an equation)',
    lambda: D(X_t**2 + Y_t**2 - 25, t) - (2*X_t*D(X_t, t) + 2*Y_t*D(Y_t, t)))
row('B44', f, 72, 1, r"\dot y = -\frac{x}{y}\,\dot x", 'correct', 'solve the previous line',
    lambda: (2*X_t*D(X_t, t) + 2*Y_t*D(Y_t, t)).subs(D(Y_t, t), -X_t/Y_t*D(X_t, t)))
row('B45', f, 74, 1, r"x = 3 ; y = 4 ; \dot x = 0.5", 'not-a-claim', 'values')
row('B46', f, 75, 1, r"\dot y = -\frac{3}{4}\cdot 0.5", 'correct', 'at x=3, y=4, xdot=0.5', lambda: Rational(-3, 4)*Rational(1, 2) - (-Rational(3, 4)*Rational(1, 2)))
row('B47', f, 75, 2, r"-\frac{3}{4}\cdot 0.5 = -0.375", 'correct', '', lambda: Rational(-3, 4)*Rational(1, 2) + Rational(375, 1000))
row('B48', f, 78, 1, r"V = \frac{4}{3}\pi r^3", 'not-a-claim', 'definition')
row('B49', f, 80, 1, r"\frac{dV}{dt} = 4\pi r^2\frac{dr}{dt}", 'correct', 'r = r(t)', lambda: D(Rational(4, 3)*pi*R_t**3, t) - 4*pi*R_t**2*D(R_t, t))
row('B50', f, 82, 1, r"r = 5", 'not-a-claim', 'value')
row('B51', f, 82, 2, r"\frac{dr}{dt} = \frac{100}{4\pi\cdot 25}", 'correct', 'dV/dt = 100 (prose), r = 5', lambda: 100/(4*pi*5**2) - 100/(4*pi*25))
row('B52', f, 82, 3, r"\frac{100}{4\pi\cdot 25} = \frac{1}{\pi}", 'correct', '', lambda: 100/(4*pi*25) - 1/pi)
row('B53', f, 83, 1, r"S = 4\pi r^2", 'not-a-claim', 'definition')
row('B54', f, 84, 1, r"\frac{dS}{dt} = 8\pi r\frac{dr}{dt}", 'correct', '', lambda: D(4*pi*R_t**2, t) - 8*pi*R_t*D(R_t, t))
row('B55', f, 84, 2, r"8\pi r\frac{dr}{dt} = 8\pi\cdot 5\cdot\frac{1}{\pi}", 'correct', 'r=5, dr/dt=1/pi', lambda: 8*pi*5*(1/pi) - 8*pi*5/pi)
row('B56', f, 84, 3, r"8\pi\cdot 5\cdot\frac{1}{\pi} = 20", 'MISTAKE', 'it is 40', lambda: 8*pi*5/pi - 20)

# ---------------- 隐函数与参数方程.md
f = '隐函数与参数方程.md'
row('C01', f, 5, 1, r"F(x, y) = 0 ; y = y(x)", 'not-a-claim', 'general')
F1 = x**2 + yy**2 - 25
row('C02', f, 7, 1, r"x^2 + y^2 = 25", 'not-a-claim', 'the curve')
row('C03', f, 9, 1, r"2x + 2y\frac{dy}{dx} = 0", 'correct', 'd/dx of the curve (equation)', lambda: D((x**2 + Y**2 - 25), x) - (2*x + 2*Y*D(Y, x)))
row('C04', f, 11, 1, r"\frac{dy}{dx} = -\frac{x}{y}", 'correct', 'implicit', lambda: implicit(F1) + x/yy)
row('C05', f, 13, 1, r"\left.\frac{dy}{dx}\right|_{(3,4)} = -\frac{3}{4}", 'correct', '', lambda: on_curve(implicit(F1), F1, {x: 3, yy: 4}) + Rational(3, 4))
row('C06', f, 13, 2, r"y - 4 = -\frac{3}{4}(x - 3)", 'not-a-claim', 'tangent line equation')
F2 = x**3 + yy**3 - 6*x*yy
row('C07', f, 15, 1, r"x^3 + y^3 = 6xy", 'not-a-claim', 'the curve')
row('C08', f, 17, 1, r"3x^2 + 3y^2y' = 6y + 6xy'", 'correct', 'd/dx of the curve (equation)',
    lambda: D(x**3 + Y**3, x) - D(6*x*Y, x) - ((3*x**2 + 3*Y**2*D(Y, x)) - (6*Y + 6*x*D(Y, x))))
row('C09', f, 19, 1, r"y' = \frac{2y - x^2}{y^2 - 2x}", 'correct', 'implicit', lambda: implicit(F2) - (2*yy - x**2)/(yy**2 - 2*x))
row('C10', f, 21, 1, r"x = 3 ; y = 3", 'not-a-claim', 'values')
row('C11', f, 21, 2, r"y' = \frac{2\cdot 3 - 3^2}{3^2 - 2\cdot 3}", 'correct', 'at (3,3)', lambda: on_curve(implicit(F2), F2, {x: 3, yy: 3}) - Rational(2*3 - 9, 9 - 6))
row('C12', f, 21, 3, r"\frac{2\cdot 3 - 3^2}{3^2 - 2\cdot 3} = -1", 'correct', '', lambda: Rational(2*3 - 9, 9 - 6) + 1)
F3 = exp(yy) + x*yy - E
row('C13', f, 23, 1, r"y = y(x) ; e^{y} + xy = e", 'not-a-claim', 'the curve')
row('C14', f, 25, 1, r"e^{y}y' + y + xy' = 0", 'correct', 'd/dx (equation)', lambda: D(exp(Y) + x*Y, x) - (exp(Y)*D(Y, x) + Y + x*D(Y, x)))
row('C15', f, 25, 2, r"y' = -\frac{y}{e^{y} + x}", 'correct', 'implicit', lambda: implicit(F3) + yy/(exp(yy) + x))
row('C16', f, 26, 1, r"x = 0 ; e^{y} = e ; y = 1", 'not-a-claim', 'values')
row('C17', f, 26, 2, r"y'(0) = -\frac{1}{e}", 'correct', '', lambda: on_curve(implicit(F3), F3, {x: 0, yy: 1}) + exp(-1))
F4 = x**2 - x*yy + yy**2 - 3
row('C18', f, 28, 1, r"x^2 - xy + y^2 = 3", 'not-a-claim', 'the curve')
row('C19', f, 30, 1, r"2x - y - xy' + 2yy' = 0", 'correct', 'd/dx (equation)', lambda: D(x**2 - x*Y + Y**2, x) - (2*x - Y - x*D(Y, x) + 2*Y*D(Y, x)))
row('C20', f, 30, 2, r"y' = \frac{2x - y}{2y - x}", 'MISTAKE', "sign: y' = (y - 2x)/(2y - x)", lambda: implicit(F4) - (2*x - yy)/(2*yy - x))
F5 = sin(x*yy) - x
row('C21', f, 32, 1, r"\sin(xy) = x", 'not-a-claim', 'the curve')
row('C22', f, 34, 1, r"\cos(xy)\,(y + xy') = 1", 'correct', 'd/dx (equation)', lambda: D(sin(x*Y), x) - cos(x*Y)*(Y + x*D(Y, x)))
row('C23', f, 35, 1, r"y' = \frac{1 - y\cos(xy)}{x\cos(xy)}", 'correct', 'implicit', lambda: implicit(F5) - (1 - yy*cos(x*yy))/(x*cos(x*yy)))
F6 = x**2 + yy**2 - 1
row('C24', f, 37, 1, r"x^2 + y^2 = 1", 'not-a-claim', 'the curve (redefined)')
row('C25', f, 39, 1, r"y' = -\frac{x}{y}", 'correct', 'implicit', lambda: implicit(F6) + x/yy)
yp6 = implicit(F6)
ypp6 = (D(yp6, x) + D(yp6, yy)*yp6)
row('C26', f, 42, 1, r"y'' = -\frac{y - xy'}{y^2}", 'correct', "y'' of the implicit function, y' = -x/y", lambda: ypp6 + (yy - x*yp6)/yy**2)
row('C27', f, 42, 2, r"-\frac{y - xy'}{y^2} = -\frac{x^2 + y^2}{y^3}", 'correct', "y' = -x/y", lambda: -(yy - x*yp6)/yy**2 + (x**2 + yy**2)/yy**3)
row('C28', f, 42, 3, r"-\frac{x^2 + y^2}{y^3} = -\frac{1}{y^3}", 'correct', 'on the curve x^2+y^2=1', lambda: (-(x**2 + yy**2)/yy**3 + 1/yy**3).subs(x**2, 1 - yy**2))
row('C29', f, 45, 1, r"y = x^{x}", 'not-a-claim', 'definition')
row('C30', f, 47, 1, r"\ln y = x\ln x", 'correct', 'x>0 (identity for y=x^x)', lambda: expand_log(log(x**x), force=True) - x*log(x))
row('C31', f, 47, 2, r"\frac{y'}{y} = \ln x + 1", 'correct', '', lambda: D(x**x, x)/x**x - (log(x) + 1))
row('C32', f, 48, 1, r"y' = x^{x}(\ln x + 1)", 'correct', '', lambda: D(x**x, x) - x**x*(log(x) + 1))
row('C33', f, 48, 2, r"\left.\frac{dy}{dx}\right|_{x=1} = 2", 'MISTAKE', 'it is 1', lambda: D(x**x, x).subs(x, 1) - 2)
phif, psif = Function('varphi'), Function('psi')
row('C34', f, 52, 1, r"x = \varphi(t) ; y = \psi(t) ; \varphi'(t) \neq 0", 'not-a-claim', 'definitions')
row('C35', f, 54, 1, r"\frac{dy}{dx} = \frac{dy/dt}{dx/dt}", 'correct', 'the parametric rule (generic)', lambda: 0)
row('C36', f, 54, 2, r"\frac{dy/dt}{dx/dt} = \frac{\psi'(t)}{\varphi'(t)}", 'correct', 'generic', lambda: D(psif(t), t)/D(phif(t), t) - D(psif(t), t)/D(phif(t), t))
xc, yc = a*(t - sin(t)), a*(1 - cos(t))
row('C37', f, 56, 1, r"x = a(t - \sin t) ; y = a(1 - \cos t)", 'not-a-claim', 'definitions (redefine x, y)')
row('C38', f, 58, 1, r"\frac{dx}{dt} = a(1 - \cos t)", 'correct', '', lambda: D(xc, t) - a*(1 - cos(t)))
row('C39', f, 58, 2, r"\frac{dy}{dt} = a\sin t", 'correct', '', lambda: D(yc, t) - a*sin(t))
row('C40', f, 61, 1, r"\frac{dy}{dx} = \frac{\sin t}{1 - \cos t}", 'correct', '', lambda: D(yc, t)/D(xc, t) - sin(t)/(1 - cos(t)))
row('C41', f, 61, 2, r"\frac{\sin t}{1 - \cos t} = \cot\frac{t}{2}", 'correct', 't != 2k pi', lambda: sin(t)/(1 - cos(t)) - cot(t/2))
row('C42', f, 67, 1, r"\frac{d^2y}{dx^2} = \frac{\frac{d}{dt}\left(\cot\frac{t}{2}\right)}{\frac{dx}{dt}}", 'correct', 'parametric 2nd derivative', lambda: D(D(yc, t)/D(xc, t), t)/D(xc, t) - D(cot(t/2), t)/D(xc, t))
row('C43', f, 67, 2, r"\frac{\frac{d}{dt}\left(\cot\frac{t}{2}\right)}{\frac{dx}{dt}} = -\frac{1}{a(1 - \cos t)^2}", 'correct', '', lambda: D(cot(t/2), t)/D(xc, t) + 1/(a*(1 - cos(t))**2))
xe, ye = 2*cos(t), 3*sin(t)
row('C44', f, 70, 1, r"x = 2\cos t ; y = 3\sin t", 'not-a-claim', 'definitions')
row('C45', f, 72, 1, r"\frac{dy}{dx} = \frac{3\cos t}{-2\sin t}", 'correct', '', lambda: D(ye, t)/D(xe, t) - 3*cos(t)/(-2*sin(t)))
row('C46', f, 72, 2, r"\frac{3\cos t}{-2\sin t} = -\frac{3}{2}\cot t", 'correct', '', lambda: 3*cos(t)/(-2*sin(t)) + Rational(3, 2)*cot(t))
row('C47', f, 72, 3, r"\left.\frac{dy}{dx}\right|_{t=\pi/4} = -\frac{3}{2}", 'correct', '', lambda: (D(ye, t)/D(xe, t)).subs(t, pi/4) + Rational(3, 2))
xq, yq = t**2, t**3 - 3*t
row('C48', f, 74, 1, r"x = t^2 ; y = t^3 - 3t ; t = 2", 'not-a-claim', 'definitions')
row('C49', f, 76, 1, r"\frac{dy}{dx} = \frac{3t^2 - 3}{2t}", 'correct', '', lambda: D(yq, t)/D(xq, t) - (3*t**2 - 3)/(2*t))
row('C50', f, 76, 2, r"\frac{dy}{dx} = \frac{9}{2}  (at t = 2, in prose)", 'MISTAKE', 'it is 9/4', lambda: (D(yq, t)/D(xq, t)).subs(t, 2) - Rational(9, 2))
xa, ya = cos(t)**3, sin(t)**3
row('C51', f, 78, 1, r"x = \cos^3 t ; y = \sin^3 t", 'not-a-claim', 'definitions')
row('C52', f, 80, 1, r"\frac{dx}{dt} = -3\cos^2 t\sin t", 'correct', '', lambda: D(xa, t) + 3*cos(t)**2*sin(t))
row('C53', f, 80, 2, r"\frac{dy}{dt} = 3\sin^2 t", 'MISTAKE', 'missed chain factor: 3 sin^2 t cos t', lambda: D(ya, t) - 3*sin(t)**2)
row('C54', f, 80, 3, r"\frac{dy}{dx} = -\tan t", 'correct', '', lambda: D(ya, t)/D(xa, t) + tan(t))

# ---------------- second_order.tex
f = 'second_order.tex'
row('D01', f, 18, 1, r"ay'' + by' + cy = 0", 'not-a-claim', 'the DE')
ye_ = exp(r*x)
row('D02', f, 19, 1, r"y = e^{rx}", 'not-a-claim', 'trial definition')
row('D03', f, 19, 2, r"y' = re^{rx}", 'correct', '', lambda: D(ye_, x) - r*exp(r*x))
row('D04', f, 19, 3, r"y'' = r^2e^{rx}", 'correct', '', lambda: D(ye_, x, 2) - r**2*exp(r*x))
row('D05', f, 20, 1, r"e^{rx}(ar^2 + br + c) = 0 ; ar^2 + br + c = 0", 'not-a-claim', 'characteristic equation')
row('D06', f, 24, 1, r"y'' - 5y' + 6y = 0", 'not-a-claim', 'the DE')
row('D07', f, 26, 1, r"r^2 - 5r + 6 = (r - 2)(r - 3)", 'correct', '', lambda: r**2 - 5*r + 6 - (r - 2)*(r - 3))
y41 = C1*exp(2*x) + C2*exp(3*x)
row('D08', f, 27, 1, r"y = C_1e^{2x} + C_2e^{3x}  (general solution)", 'correct', 'satisfies the DE', lambda: D(y41, x, 2) - 5*D(y41, x) + 6*y41)
row('D09', f, 29, 1, r"y' = 2C_1e^{2x} + 3C_2e^{3x}", 'correct', '', lambda: D(y41, x) - (2*C1*exp(2*x) + 3*C2*exp(3*x)))
row('D10', f, 30, 1, r"y'' = 4C_1e^{2x} + 9C_2e^{3x}", 'correct', '', lambda: D(y41, x, 2) - (4*C1*exp(2*x) + 9*C2*exp(3*x)))
row('D11', f, 34, 1, r"y'' - 5y' + 6y = (4 - 10 + 6)C_1e^{2x} + (9 - 15 + 6)C_2e^{3x}", 'correct', '',
    lambda: D(y41, x, 2) - 5*D(y41, x) + 6*y41 - ((4 - 10 + 6)*C1*exp(2*x) + (9 - 15 + 6)*C2*exp(3*x)))
row('D12', f, 34, 2, r"(4 - 10 + 6)C_1e^{2x} + (9 - 15 + 6)C_2e^{3x} = 0", 'correct', '', lambda: (4 - 10 + 6)*C1*exp(2*x) + (9 - 15 + 6)*C2*exp(3*x))
y2 = x*exp(-2*x)
row('D13', f, 39, 1, r"y'' + 4y' + 4y = 0", 'not-a-claim', 'the DE')
row('D14', f, 40, 1, r"y_2 = xe^{-2x}", 'not-a-claim', 'definition')
row('D15', f, 42, 1, r"y_2' = (1 - 2x)e^{-2x}", 'correct', '', lambda: D(y2, x) - (1 - 2*x)*exp(-2*x))
row('D16', f, 43, 1, r"y_2'' = (4x - 4)e^{-2x}", 'correct', '', lambda: D(y2, x, 2) - (4*x - 4)*exp(-2*x))
row('D17', f, 44, 1, r"y_2'' + 4y_2' + 4y_2 = (4x - 4 + 4 - 8x + 4x)e^{-2x}", 'correct', '', lambda: D(y2, x, 2) + 4*D(y2, x) + 4*y2 - (4*x - 4 + 4 - 8*x + 4*x)*exp(-2*x))
row('D18', f, 45, 1, r"(4x - 4 + 4 - 8x + 4x)e^{-2x} = 0", 'correct', '', lambda: (4*x - 4 + 4 - 8*x + 4*x)*exp(-2*x))
u = exp(-x)*cos(2*x)
row('D19', f, 50, 1, r"y'' + 2y' + 5y = 0 ; r = -1 \pm 2i", 'not-a-claim', 'DE and roots')
row('D20', f, 53, 1, r"\dv{}{x}\left(e^{-x}\cos 2x\right) = -e^{-x}(\cos 2x + 2\sin 2x)", 'correct', '', lambda: D(u, x) + exp(-x)*(cos(2*x) + 2*sin(2*x)))
row('D21', f, 54, 1, r"\ddv{}{x}\left(e^{-x}\cos 2x\right) = e^{-x}(4\sin 2x - 3\cos 2x)", 'correct', '', lambda: D(u, x, 2) - exp(-x)*(4*sin(2*x) - 3*cos(2*x)))
row('D22', f, 56, 1, r"e^{-x}(4\sin 2x - 3\cos 2x) - 2e^{-x}(\cos 2x + 2\sin 2x) + 5e^{-x}\cos 2x = 0", 'correct', '',
    lambda: exp(-x)*(4*sin(2*x) - 3*cos(2*x)) - 2*exp(-x)*(cos(2*x) + 2*sin(2*x)) + 5*exp(-x)*cos(2*x))
row('D23', f, 60, 1, r"y'' + y = 0 ; y(0) = 1 ; y'(0) = 2", 'not-a-claim', 'IVP data')
y45 = C1*cos(x) + C2*sin(x)
row('D24', f, 62, 1, r"y = C_1\cos x + C_2\sin x  (general solution)", 'correct', 'satisfies y\'\'+y=0', lambda: D(y45, x, 2) + y45)
row('D25', f, 62, 2, r"y(0) = 1 ; C_1 = 1", 'not-a-claim', 'IC')
y46 = cos(x) + 2*sin(x)
row('D26', f, 63, 1, r"y = \cos x + 2\sin x", 'not-a-claim', 'definition (the IVP solution)')
row('D27', f, 63, 2, r"y'(0) = -\sin 0 + 2\cos 0", 'correct', '', lambda: D(y46, x).subs(x, 0) - (-sin(0) + 2*cos(0)))
row('D28', f, 63, 3, r"-\sin 0 + 2\cos 0 = 2", 'correct', '', lambda: -sin(0) + 2*cos(0) - 2)
y47 = C1*exp(-2*x) + C2*exp(x)
row('D29', f, 67, 1, r"y = C_1e^{-2x} + C_2e^{x}  (general solution of y''-y'-2y=0)", 'MISTAKE', 'roots are 2 and -1: C_1e^{2x}+C_2e^{-x}',
    lambda: D(y47, x, 2) - D(y47, x) - 2*y47)
row('D30', f, 71, 1, r"y'' - 4y = 0 ; y = \cosh 2x", 'not-a-claim', 'DE, definition')
row('D31', f, 71, 2, r"y' = 2\sinh 2x", 'correct', '', lambda: D(cosh(2*x), x) - 2*sinh(2*x))
row('D32', f, 71, 3, r"y'' = 2\cosh 2x", 'MISTAKE', "y'' = 4cosh 2x", lambda: D(cosh(2*x), x, 2) - 2*cosh(2*x))
row('D33', f, 77, 1, r"y'' - 3y' + 2y = 4x", 'not-a-claim', 'the DE')
B_ = symbols('B')
row('D34', f, 79, 1, r"y_p = Ax + B", 'not-a-claim', 'trial')
row('D35', f, 79, 2, r"y_p' = A", 'correct', '', lambda: D(A*x + B_, x) - A)
row('D36', f, 79, 3, r"y_p'' = 0", 'correct', '', lambda: D(A*x + B_, x, 2))
row('D37', f, 80, 1, r"-3A + 2Ax + 2B = 4x ; A = 2 ; B = 3 ; y_p = 2x + 3", 'not-a-claim', 'equation, values, definition')
yp = 2*x + 3
row('D38', f, 82, 1, r"y_p'' - 3y_p' + 2y_p = 0 - 6 + 4x + 6", 'correct', '', lambda: D(yp, x, 2) - 3*D(yp, x) + 2*yp - (0 - 6 + 4*x + 6))
row('D39', f, 82, 2, r"0 - 6 + 4x + 6 = 4x", 'correct', '', lambda: 0 - 6 + 4*x + 6 - 4*x)
row('D40', f, 89, 1, r"y = \tanh x", 'not-a-claim', 'definition')
row('D41', f, 89, 2, r"\dv{}{x}\tanh x = \sech^2 x", 'correct', '', lambda: D(tanh(x), x) - sech(x)**2)
row('D42', f, 90, 1, r"\dv{}{x}\sech x = \sech x\tanh x", 'MISTAKE', 'sign: -sech x tanh x', lambda: D(sech(x), x) - sech(x)*tanh(x))
row('D43', f, 92, 1, r"y' = \sech^2 x", 'correct', '', lambda: D(tanh(x), x) - sech(x)**2)
row('D44', f, 92, 2, r"\sech^2 x = 1 - \tanh^2 x", 'correct', '', lambda: sech(x)**2 - 1 + tanh(x)**2)
row('D45', f, 92, 3, r"1 - \tanh^2 x = 1 - y^2", 'correct', 'y = tanh x', lambda: 0)
row('D46', f, 94, 1, r"y' = 1 - y^2  (tanh solves it)", 'correct', '', lambda: D(tanh(x), x) - 1 + tanh(x)**2)
row('D47', f, 98, 1, r"x^2y'' + xy' - 4y = 0 ; y_1 = x^2", 'not-a-claim', 'DE, definition')
y1_ = x**2
row('D48', f, 98, 2, r"y_1' = 2x", 'correct', '', lambda: D(y1_, x) - 2*x)
row('D49', f, 99, 1, r"y_1'' = 2", 'correct', '', lambda: D(y1_, x, 2) - 2)
row('D50', f, 99, 2, r"x^2y_1'' + xy_1' - 4y_1 = 2x^2 + 2x^2 - 4x^2", 'correct', '', lambda: x**2*D(y1_, x, 2) + x*D(y1_, x) - 4*y1_ - (2*x**2 + 2*x**2 - 4*x**2))
row('D51', f, 99, 3, r"2x^2 + 2x^2 - 4x^2 = 0", 'correct', '', lambda: 2*x**2 + 2*x**2 - 4*x**2)
y2_ = x**-2
row('D52', f, 100, 1, r"y_2 = x^{-2}", 'not-a-claim', 'definition (redefines y_2)')
row('D53', f, 102, 1, r"y_2' = -2x^{-3}", 'correct', '', lambda: D(y2_, x) + 2*x**-3)
row('D54', f, 103, 1, r"y_2'' = -6x^{-4}", 'MISTAKE', "sign: y_2'' = 6x^{-4}", lambda: D(y2_, x, 2) + 6*x**-4)
row('D55', f, 104, 1, r"x^2y_2'' + xy_2' - 4y_2 = 6x^{-2} - 2x^{-2} - 4x^{-2}", 'correct', 'with the true y_2\'\'', lambda: x**2*D(y2_, x, 2) + x*D(y2_, x) - 4*y2_ - (6*x**-2 - 2*x**-2 - 4*x**-2))
row('D56', f, 104, 2, r"6x^{-2} - 2x^{-2} - 4x^{-2} = 0", 'correct', '', lambda: 6*x**-2 - 2*x**-2 - 4*x**-2)

# ---------------- taylor.qmd
f = 'taylor.qmd'
fq = x**3 - 2*x + 1
row('E01', f, 12, 1, r"f(x) = x^3 - 2x + 1", 'not-a-claim', 'definition')
row('E02', f, 12, 2, r"f'(x) = 3x^2 - 2", 'correct', '', lambda: D(fq, x) - (3*x**2 - 2))
row('E03', f, 12, 3, r"f''(x) = 6x", 'correct', '', lambda: D(fq, x, 2) - 6*x)
row('E04', f, 12, 4, r"f'''(x) = 6", 'correct', '', lambda: D(fq, x, 3) - 6)
row('E05', f, 13, 1, r"f(2) = 5", 'correct', '', lambda: fq.subs(x, 2) - 5)
row('E06', f, 13, 2, r"f'(2) = 10", 'correct', '', lambda: D(fq, x).subs(x, 2) - 10)
row('E07', f, 13, 3, r"f''(2) = 12", 'correct', '', lambda: D(fq, x, 2).subs(x, 2) - 12)
row('E08', f, 18, 1, r"f(x) = 5 + 10(x - 2) + 6(x - 2)^2 + (x - 2)^3", 'correct', 'Taylor = f for a cubic', lambda: fq - (5 + 10*(x - 2) + 6*(x - 2)**2 + (x - 2)**3))
row('E09', f, 23, 1, r"h(x) = x^3", 'not-a-claim', 'definition')
row('E10', f, 23, 2, r"h'(x) = 3x^2", 'correct', '', lambda: D(x**3, x) - 3*x**2)
row('E11', f, 23, 3, r"h'(2) = 12", 'correct', '', lambda: D(x**3, x).subs(x, 2) - 12)
row('E12', f, 29, 1, r"T_n(x) = \sum_{k=0}^{n} \frac{f^{(k)}(a)}{k!}(x - a)^k", 'not-a-claim', 'definition')
row('E13', f, 36, 1, r"\frac{d}{dx}\ln(1+x) = \frac{1}{1+x}", 'correct', '', lambda: D(log(1 + x), x) - 1/(1 + x))
row('E14', f, 37, 1, r"\frac{d^2}{dx^2}\ln(1+x) = -\frac{1}{(1+x)^2}", 'correct', '', lambda: D(log(1 + x), x, 2) + 1/(1 + x)**2)
row('E15', f, 38, 1, r"\frac{d^3}{dx^3}\ln(1+x) = \frac{2}{(1+x)^3}", 'correct', '', lambda: D(log(1 + x), x, 3) - 2/(1 + x)**3)
row('E16', f, 41, 1, r"x = 0 ; T_3(x) = x - \frac{x^2}{2} + \frac{x^3}{3}", 'not-a-claim', 'value, definition')
fs = sqrt(x)
row('E17', f, 45, 1, r"f(x) = \sqrt{x}", 'not-a-claim', 'definition (redefines f)')
row('E18', f, 46, 1, r"f'(x) = \frac{1}{2\sqrt{x}}", 'correct', '', lambda: D(fs, x) - 1/(2*sqrt(x)))
row('E19', f, 46, 2, r"f''(x) = -\frac{1}{4}x^{-3/2}", 'correct', '', lambda: D(fs, x, 2) + x**Rational(-3, 2)/4)
row('E20', f, 46, 3, r"f'(4) = \frac{1}{8}", 'MISTAKE', "f'(4) = 1/4", lambda: D(fs, x).subs(x, 4) - Rational(1, 8))
row('E21', f, 47, 1, r"f''(4) = -\frac{1}{32}", 'correct', '', lambda: D(fs, x, 2).subs(x, 4) + Rational(1, 32))
row('E22', f, 48, 1, r"\sqrt{4.1} \approx ...", 'not-a-claim', 'approximation')
row('E23', f, 52, 1, r"g(x) = \cos x", 'not-a-claim', 'definition')
row('E24', f, 52, 2, r"g'(\pi/3) = -\frac{\sqrt{3}}{2}", 'correct', '', lambda: D(cos(x), x).subs(x, pi/3) + sqrt(3)/2)
row('E25', f, 52, 3, r"g''(\pi/3) = -\frac{1}{2}", 'correct', '', lambda: D(cos(x), x, 2).subs(x, pi/3) + Rational(1, 2))
row('E26', f, 53, 1, r"g'''(\pi/3) = -\frac{\sqrt{3}}{2}", 'MISTAKE', "g''' = sin x: +sqrt(3)/2", lambda: D(cos(x), x, 3).subs(x, pi/3) + sqrt(3)/2)
row('E27', f, 55, 1, r"T_2(x) = \frac12 - ...", 'not-a-claim', 'definition')
row('E28', f, 61, 1, r"\left.\frac{d}{dx}\left(xe^{x}\right)\right|_{x=0} = \left.(1 + x)e^{x}\right|_{x=0}", 'correct', '', lambda: D(x*exp(x), x).subs(x, 0) - ((1 + x)*exp(x)).subs(x, 0))
row('E29', f, 61, 2, r"\left.(1 + x)e^{x}\right|_{x=0} = 1", 'correct', '', lambda: ((1 + x)*exp(x)).subs(x, 0) - 1)
row('E30', f, 67, 1, r"\left.\frac{d^2}{dx^2}\left(xe^{x}\right)\right|_{x=1} = 2e", 'MISTAKE', '(2+x)e^x at 1 = 3e', lambda: D(x*exp(x), x, 2).subs(x, 1) - 2*E)
row('E31', f, 72, 1, r"\frac{d}{dx}e^{-x^2/2} = -xe^{-x^2/2}", 'correct', '', lambda: D(exp(-x**2/2), x) + x*exp(-x**2/2))
row('E32', f, 73, 1, r"\frac{d^2}{dx^2}e^{-x^2/2} = (x^2 - 1)e^{-x^2/2}", 'correct', '', lambda: D(exp(-x**2/2), x, 2) - (x**2 - 1)*exp(-x**2/2))
row('E33', f, 74, 1, r"e^{-x^2/2} \approx 1 - \frac{x^2}{2}", 'not-a-claim', 'approximation')
row('E34', f, 77, 1, r"\frac{d}{dx}\sin(x^2) = \cos(x^2)", 'MISTAKE', 'missed chain factor: 2x cos(x^2)', lambda: D(sin(x**2), x) - cos(x**2))
row('E35', f, 79, 1, r"\frac{d}{dx}\tan x = \sec^2 x", 'correct', '', lambda: D(tan(x), x) - sec(x)**2)
row('E36', f, 79, 2, r"\frac{d^2}{dx^2}\tan x = 2\sec^2 x\tan x", 'correct', '', lambda: D(tan(x), x, 2) - 2*sec(x)**2*tan(x))

# ---------------- related_rates.ipynb (file lines of the JSON)
f = 'related_rates.ipynb'
row('F01', f, 21, 1, r"r = h/3", 'not-a-claim', 'definition')
row('F02', f, 23, 1, r"V = \frac{1}{3}\pi r^2 h", 'not-a-claim', 'definition')
row('F03', f, 23, 2, r"\frac{1}{3}\pi r^2 h = \frac{\pi}{27}h^3", 'correct', 'r = h/3', lambda: (pi*r**2*h/3).subs(r, h/3) - pi*h**3/27)
row('F04', f, 27, 1, r"\frac{dV}{dt} = \frac{\pi}{9}h^2\frac{dh}{dt}", 'correct', '', lambda: D(pi*H_t**3/27, t) - pi/9*H_t**2*D(H_t, t))
row('F05', f, 29, 1, r"h = 6", 'not-a-claim', 'value')
row('F06', f, 31, 1, r"\frac{dh}{dt} = \frac{2\cdot 9}{\pi\cdot 36}", 'correct', 'dV/dt = 2 (prose), h = 6', lambda: 2/(pi/9*36) - Rational(2*9)/(pi*36))
row('F07', f, 31, 2, r"\frac{2\cdot 9}{\pi\cdot 36} = \frac{1}{2\pi}", 'correct', '', lambda: Rational(18)/(36*pi) - 1/(2*pi))
row('F08', f, 33, 1, r"\frac{dr}{dt} = \frac{1}{3}\frac{dh}{dt}", 'correct', 'r = h/3', lambda: D(H_t/3, t) - D(H_t, t)/3)
row('F09', f, 33, 2, r"\frac{1}{3}\frac{dh}{dt} = \frac{1}{3\pi}", 'MISTAKE', 'dh/dt = 1/(2 pi): 1/(6 pi)', lambda: Rational(1, 3)/(2*pi) - 1/(3*pi))
row('F10', f, 58, 1, r"s = \sqrt{x^2 + y^2}", 'not-a-claim', 'definition')
row('F11', f, 60, 1, r"\frac{ds}{dt} = \frac{x\dot x + y\dot y}{\sqrt{x^2 + y^2}}", 'correct', '', lambda: D(sqrt(X_t**2 + Y_t**2), t) - (X_t*D(X_t, t) + Y_t*D(Y_t, t))/sqrt(X_t**2 + Y_t**2))
row('F12', f, 62, 1, r"x = 30 ; y = 40 ; \dot x = 60 ; \dot y = 80", 'not-a-claim', 'values')
row('F13', f, 63, 1, r"\frac{ds}{dt} = \frac{30\cdot 60 + 40\cdot 80}{50}", 'correct', 'at the values', lambda: (30*60 + 40*80)/sqrt(30**2 + 40**2) - Rational(30*60 + 40*80, 50))
row('F14', f, 63, 2, r"\frac{30\cdot 60 + 40\cdot 80}{50} = 100", 'correct', '', lambda: Rational(30*60 + 40*80, 50) - 100)
row('F15', f, 74, 1, r"\frac{s}{2} = \frac{x + s}{6} ; s = \frac{x}{2}", 'not-a-claim', 'similar triangles equation, its solution (definition of s)')
row('F16', f, 75, 1, r"\frac{ds}{dt} = \frac{1}{2}\frac{dx}{dt}", 'correct', 's = x/2', lambda: D(X_t/2, t) - D(X_t, t)/2)
row('F17', f, 76, 1, r"\frac{d}{dt}(x + s) = \frac{3}{2}\frac{dx}{dt}", 'correct', 's = x/2', lambda: D(X_t + X_t/2, t) - Rational(3, 2)*D(X_t, t))
row('F18', f, 76, 2, r"\frac{dx}{dt} = 1.2", 'not-a-claim', 'value')
row('F19', f, 77, 1, r"\frac{3}{2}\cdot 1.2 = 1.6", 'MISTAKE', 'it is 1.8', lambda: Rational(3, 2)*Rational(12, 10) - Rational(16, 10))
row('F20', f, 87, 1, r"\tan\theta = \frac{h}{500}", 'not-a-claim', 'relation')
row('F21', f, 88, 1, r"\frac{d}{dt}\tan\theta = \sec^2\theta\,\frac{d\theta}{dt}", 'correct', 'chain rule', lambda: D(tan(TH_t), t) - sec(TH_t)**2*D(TH_t, t))
row('F22', f, 89, 1, r"\sec^2\theta\,\frac{d\theta}{dt} = \frac{1}{500}\frac{dh}{dt}", 'correct', 'd/dt of tan(theta) = h/500 (equation)', lambda: 0)
F7 = x*yy - 4
row('F23', f, 99, 1, r"xy = 4", 'not-a-claim', 'the curve')
row('F24', f, 99, 2, r"y + xy' = 0", 'correct', 'd/dx (equation)', lambda: D(x*Y, x) - (Y + x*D(Y, x)))
row('F25', f, 99, 3, r"y' = -\frac{y}{x}", 'correct', '', lambda: implicit(F7) + yy/x)
row('F26', f, 100, 1, r"y' = -1  (at (2,2))", 'correct', '', lambda: on_curve(implicit(F7), F7, {x: 2, yy: 2}) + 1)
F8 = x**2*yy + yy**3 - 10
row('F27', f, 102, 1, r"x^2y + y^3 = 10", 'not-a-claim', 'the curve')
row('F28', f, 103, 1, r"\frac{d}{dx}(x^2y) = 2xy + x^2y'", 'correct', '', lambda: D(x**2*Y, x) - (2*x*Y + x**2*D(Y, x)))
row('F29', f, 103, 2, r"\frac{d}{dx}(y^3) = 3y^2", 'MISTAKE', "missed chain factor: 3y^2 y'", lambda: D(Y**3, x) - 3*Y**2)
row('F30', f, 105, 1, r"y' = -\frac{2xy}{x^2 + 3y^2}", 'correct', '', lambda: implicit(F8) + 2*x*yy/(x**2 + 3*yy**2))
row('F31', f, 127, 1, r"A = \pi r^2", 'not-a-claim', 'definition')
row('F32', f, 127, 2, r"\frac{dA}{dt} = 2\pi r\frac{dr}{dt}", 'correct', '', lambda: D(pi*R_t**2, t) - 2*pi*R_t*D(R_t, t))
row('F33', f, 127, 3, r"r = 3 ; \frac{dr}{dt} = 2", 'not-a-claim', 'values')
row('F34', f, 128, 1, r"\frac{dA}{dt} = 12\pi", 'correct', '2 pi 3 2', lambda: 2*pi*3*2 - 12*pi)
row('F35', f, 130, 1, r"V = s^3", 'not-a-claim', 'definition (redefines V)')
row('F36', f, 130, 2, r"\frac{dV}{dt} = 3s\frac{ds}{dt}", 'MISTAKE', 'power: 3s^2 ds/dt', lambda: D(S_t**3, t) - 3*S_t*D(S_t, t))
row('F37', f, 140, 1, r"x = R\cos t ; y = R\sin t ; R > 0", 'not-a-claim', 'definitions')
row('F38', f, 140, 2, r"\dot x = -R\sin t", 'correct', '', lambda: D(R*cos(t), t) + R*sin(t))
row('F39', f, 141, 1, r"\dot y = R\cos t", 'correct', '', lambda: D(R*sin(t), t) - R*cos(t))
row('F40', f, 141, 2, r"\frac{dy}{dx} = \frac{\dot y}{\dot x}", 'correct', 'parametric rule', lambda: 0)
row('F41', f, 141, 3, r"\frac{\dot y}{\dot x} = -\cot t", 'correct', '', lambda: R*cos(t)/(-R*sin(t)) + cot(t))
row('F42', f, 142, 1, r"\sqrt{\dot x^2 + \dot y^2} = R", 'correct', 'R > 0', lambda: sqrt((R*sin(t))**2 + (R*cos(t))**2).subs(R, symbols('Rp', positive=True)) - symbols('Rp', positive=True))

if __name__ == '__main__':
    bad = 0
    for (id, file, line, step, latex, label, why, check) in rows:
        if check is None:
            assert label == 'not-a-claim', id
            continue
        val = check()
        z = simplify(val)
        if z != 0 and val.atoms(Derivative) | val.atoms(AppliedUndef):
            iszero = False
        elif z != 0:  # numeric fallback
            import random
            zs = set()
            for _ in range(3):
                sub = {sy: Rational(random.randint(11, 29), 10) for sy in val.free_symbols}
                zs.add(abs(N(val.subs(sub).doit())) < 1e-9)
            iszero = all(zs)
        else:
            iszero = True
        ok = iszero == (label == 'correct')
        if not ok:
            bad += 1
            print('DISAGREE', id, label, latex, z)
    n = sum(1 for r_ in rows if r_[5] != 'not-a-claim')
    nm = sum(1 for r_ in rows if r_[5] == 'MISTAKE')
    print(f'{len(rows)} rows, {n} claim steps, {nm} mistakes, {bad} disagreements')

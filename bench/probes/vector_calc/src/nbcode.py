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
F = (x**2*y, y*z**2, x*z)
div(F), curl(F).T
G = (y*z, x*z, x*y)
div(G), curl(G).T
fields = {
    'H': (x*y, y**2*z, z**3),
    'K': (sp.exp(x)*sp.sin(y), sp.exp(x)*sp.cos(y), z),
    'v': (-y, x, 0),
    'r': (x, y, z),
    'W': (y**2, x**2, 0),
}
for name, V in fields.items():
    print(name, div(V), list(curl(V)))
laplacian(x**2 + y**2 - 2*z**2), laplacian(x**2*y*z**3), laplacian(sp.log(x**2 + y**2), (x, y))
r = sp.sqrt(x**2 + y**2 + z**2)
[sp.simplify(sp.diff(1/r, v)) for v in X], laplacian(1/r), sp.factor(laplacian(r**4))
f = x**2 + y**2 + z**2
lhs = div([f*Fi for Fi in F])
rhs = sum(sp.diff(f, v)*Fi for v, Fi in zip(X, F)) + f*div(F)
sp.simplify(lhs - rhs)

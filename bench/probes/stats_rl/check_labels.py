#!/usr/bin/env python
"""Check every label of labels.md with SymPy.

Each row's check returns True when the label is confirmed:
  correct     -> the relation holds (symbolically, or at random points / for n = 1..4, at two matrix sizes)
  MISTAKE     -> the relation fails (the check computes the true value and compares)
  not-a-claim -> the relation is a definition/condition/DE/update: the check confirms it is NOT an identity
                 of its own terms (a genuine condition) and that the document's solution satisfies it,
                 or, for definitions, that the definition is consistent with how the notes use it.
Run:  /work/main/.venv/bin/python check_labels.py      (writes rows.json, used to build labels.md)
"""
import json, os, sys
import sympy as sp
from check_common import *

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = []
CHECKS = 0

def R(rid, file, anchor, step, latex, label, why, fn, occ=1):
    ROWS.append(dict(id=rid, file=file, anchor=anchor, step=step, latex=latex, label=label, why=why, fn=fn, occ=occ))

def holds(*pairs, ranges=None):
    """all pairs (a, b) equal"""
    return all(same(a, b, ranges) for a, b in pairs)

def fails(a, b, ranges=None):
    return not same(a, b, ranges)

# ---------------------------------------------------------------- symbols
p, lam, mu, sig, v, t, x, n, th, z, T, r, c, F, y = sp.symbols('p lambda mu sigma v t x n theta z T r c F y', positive=True)
eta = sp.Symbol('eta', real=True)
NS = range(1, 5)
def xs(k, name='x'):
    return sp.symbols(f'{name}1:{k+1}', positive=True)
PR = {p: (0.1, 0.9)}

# ======================================================================= mle_lecture.md
f1 = 'mle_lecture.md'
def bern_ell(k):
    X = xs(k); return X, sum(xi*sp.log(p) + (1-xi)*sp.log(1-p) for xi in X)
def pois_ell(k):
    X = xs(k); return X, sum(xi*sp.log(lam) - lam - sp.log(sp.factorial(xi)) for xi in X)

R('M01', f1, r"$U(\theta) = \ell'(\theta)$", 1, r"U(\theta) = \ell'(\theta)", 'not-a-claim', 'definition of the score',
  lambda: not identically_zero(sp.diff(bern_ell(2)[1], p), PR))
R('M02', f1, r"$J(\theta) = -\ell''(\theta)$", 1, r"J(\theta) = -\ell''(\theta)", 'not-a-claim', 'definition of observed information',
  lambda: not identically_zero(-sp.diff(bern_ell(2)[1], p, 2), PR))
R('M03', f1, r"\frac{d}{dt}\log t = 1/t", 1, r"\frac{d}{dt}\log t = 1/t", 'correct', 'd/dt log t = 1/t',
  lambda: same(sp.diff(sp.log(t), t), 1/t))
def m04():
    for k in NS:
        X, l = bern_ell(k)
        if not same(sp.diff(l, p), sum(xi/p - (1-xi)/(1-p) for xi in X), PR): return False
    return True
R('M04', f1, r"\frac{d\ell}{dp} = \sum_{i=1}^n \left[\frac{x_i}{p} - \frac{1-x_i}{1-p}\right]", 1,
  r"\frac{d\ell}{dp} = \sum_{i=1}^n \left[\frac{x_i}{p} - \frac{1-x_i}{1-p}\right]", 'correct', 'term-by-term derivative', m04)
def m05():
    for k in NS:
        X = xs(k)
        if not same(sum(xi/p - (1-xi)/(1-p) for xi in X), (sum(X) - k*p)/(p*(1-p)), PR): return False
    return True
R('M05', f1, r"= \frac{\sum_{i=1}^n x_i - np}{p(1-p)} .", 2, r"\sum[\ldots] = \frac{\sum_{i=1}^n x_i - np}{p(1-p)}", 'correct', 'common denominator', m05)
R('M06', f1, r"\frac{\partial}{\partial p}\log f(x;p) = \frac{x}{p} + \frac{1-x}{1-p}", 1,
  r"\frac{\partial}{\partial p}\log f(x;p) = \frac{x}{p} + \frac{1-x}{1-p}", 'MISTAKE', 'wrong sign; correct x/p - (1-x)/(1-p)',
  lambda: fails(sp.diff(x*sp.log(p) + (1-x)*sp.log(1-p), p), x/p + (1-x)/(1-p), PR))
R('M07', f1, r"Setting $\frac{d\ell}{dp} = 0$", 1, r"\frac{d\ell}{dp} = 0", 'not-a-claim', 'score equation (condition); solved by p = xbar',
  lambda: not identically_zero(sp.diff(bern_ell(3)[1], p), PR) and
          all(same(sp.diff(bern_ell(k)[1], p).subs(p, sum(bern_ell(k)[0])/k), 0, {}) for k in NS))
def m08():
    for k in NS:
        X, l = bern_ell(k)
        if not same(sp.diff(l, p, 2), -sum(xi/p**2 + (1-xi)/(1-p)**2 for xi in X), PR): return False
    return True
R('M08', f1, r"\frac{d^2\ell}{dp^2} = -\sum_{i=1}^n \left[\frac{x_i}{p^2} + \frac{1-x_i}{(1-p)^2}\right],", 1,
  r"\frac{d^2\ell}{dp^2} = -\sum_{i=1}^n \left[\frac{x_i}{p^2} + \frac{1-x_i}{(1-p)^2}\right]", 'correct', 'second derivative', m08)
def m09():  # definition I(p) = -E[l''] ; consistent with I = E[J], J = -l''
    X, l = bern_ell(3); return same(-sp.diff(l, p, 2).subs({xi: p for xi in X}), 3/(p*(1-p)), PR)
R('M09', f1, r"I(p) = -\mathbb{E}\left[\frac{d^2\ell}{dp^2}\right]", 1, r"I(p) = -\mathbb{E}\left[\frac{d^2\ell}{dp^2}\right]",
  'not-a-claim', 'definition of Fisher information (I = E[J])', m09)
def m10():
    for k in NS:
        X, l = bern_ell(k)   # l'' is linear in x_i, so E[l''] = l'' at x_i = p
        if not same(-sp.diff(l, p, 2).subs({xi: p for xi in X}), sum(p/p**2 + (1-p)/(1-p)**2 for xi in X), PR): return False
    return True
R('M10', f1, r"= \sum_{i=1}^n \left[\frac{p}{p^2} + \frac{1-p}{(1-p)^2}\right]", 2,
  r"-\mathbb{E}[\ldots] = \sum_{i=1}^n \left[\frac{p}{p^2} + \frac{1-p}{(1-p)^2}\right]", 'correct', 'E[x_i] = p', m10)
R('M11', f1, r"= \frac{n}{p(1-p)} .", 3, r"\sum_{i=1}^n[\ldots] = \frac{n}{p(1-p)}", 'correct', 'algebra',
  lambda: all(same(k*(p/p**2 + (1-p)/(1-p)**2), k/(p*(1-p)), PR) for k in NS))
L3 = 3*sp.log(p) + 7*sp.log(1-p)
R('M12', f1, r"$\ell'(p) = \frac{3}{p} - \frac{7}{1-p}$", 1, r"\ell'(p) = \frac{3}{p} - \frac{7}{1-p}", 'correct', '',
  lambda: same(sp.diff(L3, p), 3/p - 7/(1-p), PR))
R('M13', f1, r"$\ell'(1/2) = 6 - 14 = -8$", 1, r"\ell'(1/2) = 6 - 14", 'correct', "l'(1/2) = -8",
  lambda: same(sp.diff(L3, p).subs(p, S(1)/2), 6 - 14))
R('M14', f1, r"$\ell'(1/2) = 6 - 14 = -8$", 2, r"6 - 14 = -8", 'correct', 'arithmetic', lambda: same(S(6) - 14, -8))
R('M15', f1, r"$\ell''(p) = -\frac{3}{p^2} - \frac{7}{(1-p)^2}$", 1, r"\ell''(p) = -\frac{3}{p^2} - \frac{7}{(1-p)^2}", 'correct', '',
  lambda: same(sp.diff(L3, p, 2), -3/p**2 - 7/(1-p)**2, PR))
R('M16', f1, r"$\ell''(0.3) = -\frac{3}{0.09}", 1, r"\ell''(0.3) = -\frac{3}{0.09} - \frac{7}{0.49}", 'correct', 'exact value -47.619 (then approx)',
  lambda: same(sp.diff(L3, p, 2).subs(p, S(3)/10), -3/sp.Rational('0.09') - 7/sp.Rational('0.49')))
def m17():
    for k in NS:
        X, l = pois_ell(k)
        if not same(sp.diff(l, lam), sum(xi/lam - 1 for xi in X)): return False
    return True
R('M17', f1, r"\ell'(\lambda) &= \sum_{i=1}^n \left(\frac{x_i}{\lambda} - 1\right)", 1,
  r"\ell'(\lambda) = \sum_{i=1}^n \left(\frac{x_i}{\lambda} - 1\right)", 'correct', '', m17)
R('M18', f1, r"= \frac{1}{\lambda}\sum_{i=1}^n x_i - n, \\", 2, r"\sum(\ldots) = \frac{1}{\lambda}\sum_{i=1}^n x_i - n", 'correct', '',
  lambda: all(same(sum(xi/lam - 1 for xi in xs(k)), sum(xs(k))/lam - k) for k in NS))
def m19():
    X, l = pois_ell(3)
    return fails(sp.diff(l, lam, 2), -sum(X)/lam) and same(sp.diff(l, lam, 2), -sum(X)/lam**2)
R('M19', f1, r"\ell''(\lambda) &= -\frac{1}{\lambda}\sum_{i=1}^n x_i .", 1, r"\ell''(\lambda) = -\frac{1}{\lambda}\sum_{i=1}^n x_i",
  'MISTAKE', 'wrong exponent; correct -(1/lambda^2) sum x_i', m19)
R('M20', f1, r"The score equation $\ell'(\hat\lambda) = 0$", 1, r"\ell'(\hat\lambda) = 0", 'not-a-claim', 'score equation; solved by xbar',
  lambda: not identically_zero(sp.diff(pois_ell(2)[1], lam)) and same(sp.diff(pois_ell(3)[1], lam).subs(lam, sum(xs(3))/3), 0))
LP = 10*sp.log(lam) - 5*lam + sp.Symbol('c')
R('M21', f1, r"Hence $\frac{d\ell}{d\lambda} = \frac{10}{\lambda} - 5$", 1, r"\frac{d\ell}{d\lambda} = \frac{10}{\lambda} - 5", 'correct', '',
  lambda: same(sp.diff(LP, lam), 10/lam - 5))
R('M22', f1, r"so $\ell'(1) = 5$", 1, r"\ell'(1) = 5", 'correct', '', lambda: same(sp.diff(LP, lam).subs(lam, 1), 5))
R('M23', f1, r"and $\ell'(2) = 0$,", 1, r"\ell'(2) = 0", 'correct', "value of l' at 2 (asserted value, true)", lambda: same(sp.diff(LP, lam).subs(lam, 2), 0))
R('M24', f1, r"$\ell''(2) = -10/2 = -5$", 1, r"\ell''(2) = -10/2", 'MISTAKE', "l''(2) = -10/4 = -2.5",
  lambda: fails(sp.diff(LP, lam, 2).subs(lam, 2), S(-10)/2))
R('M25', f1, r"$\ell''(2) = -10/2 = -5$", 2, r"-10/2 = -5", 'correct', 'arithmetic', lambda: same(S(-10)/2, -5))
def lexp(k):
    X = xs(k); return X, k*sp.log(lam) - lam*sum(X)
R('M26', f1, r"with $\ell'(\lambda) = \frac{n}{\lambda} - \sum_{i=1}^n x_i$", 1, r"\ell'(\lambda) = \frac{n}{\lambda} - \sum_{i=1}^n x_i", 'correct', '',
  lambda: all(same(sp.diff(lexp(k)[1], lam), k/lam - sum(lexp(k)[0])) for k in NS))
R('M27', f1, r"and $\ell''(\lambda) = -\frac{n}{\lambda^2}$", 1, r"\ell''(\lambda) = -\frac{n}{\lambda^2}", 'correct', '',
  lambda: all(same(sp.diff(lexp(k)[1], lam, 2), -k/lam**2) for k in NS))
def lmu(k):
    X = xs(k); return X, -k*sp.log(mu) - sum(X)/mu
R('M28', f1, r"\frac{\partial\ell}{\partial\mu} = -\frac{n}{\mu} + \frac{1}{\mu^2}\sum_{i=1}^n x_i, \qquad", 1,
  r"\frac{\partial\ell}{\partial\mu} = -\frac{n}{\mu} + \frac{1}{\mu^2}\sum_{i=1}^n x_i", 'correct', '',
  lambda: all(same(sp.diff(lmu(k)[1], mu), -k/mu + sum(lmu(k)[0])/mu**2) for k in NS))
R('M29', f1, r"\frac{\partial^2\ell}{\partial\mu^2} = \frac{n}{\mu^2} - \frac{2}{\mu^3}\sum_{i=1}^n x_i .", 1,
  r"\frac{\partial^2\ell}{\partial\mu^2} = \frac{n}{\mu^2} - \frac{2}{\mu^3}\sum_{i=1}^n x_i", 'correct', '',
  lambda: all(same(sp.diff(lmu(k)[1], mu, 2), k/mu**2 - 2*sum(lmu(k)[0])/mu**3) for k in NS))
def m30():
    for k in NS:
        X, ll = lexp(k)
        lhs = sp.diff(ll.subs(lam, 1/mu), mu)
        rhs = sp.diff(ll, lam).subs(lam, 1/mu) * sp.diff(1/mu, mu)
        if not (same(lhs, rhs) and same(lhs, sp.diff(lmu(k)[1], mu))): return False
    return True
R('M30', f1, r"$\frac{d\ell}{d\mu} = \frac{d\ell}{d\lambda}\,\frac{d\lambda}{d\mu}$", 1,
  r"\frac{d\ell}{d\mu} = \frac{d\ell}{d\lambda}\,\frac{d\lambda}{d\mu}", 'correct', 'chain rule (lambda = 1/mu)', m30)
R('M31', f1, r"$\frac{d\lambda}{d\mu} = -\frac{1}{\mu^2}$", 1, r"\frac{d\lambda}{d\mu} = -\frac{1}{\mu^2}", 'correct', 'lambda = 1/mu',
  lambda: same(sp.diff(1/mu, mu), -1/mu**2))
L4 = -4*sp.log(mu) - 8/mu
R('M32', f1, r"\left.\frac{d^2\ell}{d\mu^2}\right|_{\mu=2} = \frac{4}{4} - \frac{16}{8}", 1,
  r"\left.\frac{d^2\ell}{d\mu^2}\right|_{\mu=2} = \frac{4}{4} - \frac{16}{8}", 'correct', 'l = -4 log mu - 8/mu',
  lambda: same(sp.diff(L4, mu, 2).subs(mu, 2), S(4)/4 - S(16)/8))
R('M33', f1, r"\frac{4}{4} - \frac{16}{8} = -1 .", 2, r"\frac{4}{4} - \frac{16}{8} = -1", 'correct', 'arithmetic', lambda: same(S(4)/4 - S(16)/8, -1))
St = sp.exp(-lam*t)
R('M34', f1, r"$-S'(t) = \lambda e^{-\lambda t}$", 1, r"-S'(t) = \lambda e^{-\lambda t}", 'correct', 'S = e^{-lambda t}',
  lambda: same(-sp.diff(St, t), lam*sp.exp(-lam*t)))
R('M35', f1, r"$\frac{\partial S}{\partial\lambda} = -t\,e^{-\lambda t}$", 1, r"\frac{\partial S}{\partial\lambda} = -t\,e^{-\lambda t}", 'correct', '',
  lambda: same(sp.diff(St, lam), -t*sp.exp(-lam*t)))
R('M36', f1, r"$\frac{\partial^2 S}{\partial\lambda^2} = -t^2 e^{-\lambda t}$", 1, r"\frac{\partial^2 S}{\partial\lambda^2} = -t^2 e^{-\lambda t}", 'MISTAKE',
  'wrong sign; correct +t^2 e^{-lambda t}', lambda: fails(sp.diff(St, lam, 2), -t**2*sp.exp(-lam*t)))
def lgau(k, var=v):
    X = xs(k)
    return X, -S(k)/2*sp.log(2*sp.pi*var) - sum((xi - mu)**2 for xi in X)/(2*var)
R('M37', f1, r"\frac{\partial\ell}{\partial\mu} &= \frac{1}{\sigma^2}\sum_{i=1}^n (x_i-\mu), \\", 1,
  r"\frac{\partial\ell}{\partial\mu} = \frac{1}{\sigma^2}\sum_{i=1}^n (x_i-\mu)", 'correct', '',
  lambda: all(same(sp.diff(lgau(k)[1], mu), sum(xi - mu for xi in lgau(k)[0])/v) for k in NS))
R('M38', f1, r"\frac{\partial\ell}{\partial\sigma^2} &= -\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4}", 1,
  r"\frac{\partial\ell}{\partial\sigma^2} = -\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4}\sum_{i=1}^n (x_i-\mu)^2", 'correct', 'derivative w.r.t. v = sigma^2',
  lambda: all(same(sp.diff(lgau(k)[1], v), -S(k)/(2*v) + sum((xi-mu)**2 for xi in lgau(k)[0])/(2*v**2)) for k in NS))
def m39():
    for k in NS:
        X, lv = lgau(k)
        lsig = lv.subs(v, sig**2)
        if not same(sp.diff(lsig, sig), sp.diff(lv, v).subs(v, sig**2)*2*sig): return False
    return True
R('M39', f1, r"use $\frac{\partial\ell}{\partial\sigma} = \frac{\partial\ell}{\partial\sigma^2}\cdot 2\sigma$", 1,
  r"\frac{\partial\ell}{\partial\sigma} = \frac{\partial\ell}{\partial\sigma^2}\cdot 2\sigma", 'correct', 'chain rule', m39)
def m40():
    X, lv = lgau(3); lsig = lv.subs(v, sig**2)
    true = -S(3)/sig + sum((xi-mu)**2 for xi in X)/sig**3
    return same(sp.diff(lsig, sig), true) and fails(sp.diff(lsig, sig), -S(3)/sig + sum((xi-mu)**2 for xi in X)/(2*sig**3))
R('M40', f1, r"\frac{\partial\ell}{\partial\sigma} = -\frac{n}{\sigma} + \frac{1}{2\sigma^3}", 1,
  r"\frac{\partial\ell}{\partial\sigma} = -\frac{n}{\sigma} + \frac{1}{2\sigma^3}\sum_{i=1}^n (x_i-\mu)^2", 'MISTAKE',
  'dropped chain factor 2: correct -n/sigma + (1/sigma^3) sum (x_i-mu)^2', m40)
R('M41', f1, r"\frac{\partial^2\ell}{\partial\mu^2} = -\frac{n}{\sigma^2}, \qquad", 1, r"\frac{\partial^2\ell}{\partial\mu^2} = -\frac{n}{\sigma^2}", 'correct', '',
  lambda: all(same(sp.diff(lgau(k)[1], mu, 2), -S(k)/v) for k in NS))
R('M42', f1, r"\frac{\partial^2\ell}{\partial\mu\,\partial\sigma^2} = -\frac{1}{\sigma^4}", 1,
  r"\frac{\partial^2\ell}{\partial\mu\,\partial\sigma^2} = -\frac{1}{\sigma^4}\sum_{i=1}^n (x_i-\mu)", 'correct', '',
  lambda: all(same(sp.diff(lgau(k)[1], mu, v), -sum(xi-mu for xi in lgau(k)[0])/v**2) for k in NS))
R('M43', f1, r"\frac{\partial^2\ell}{\partial(\sigma^2)^2} = \frac{n}{2\sigma^4}", 1,
  r"\frac{\partial^2\ell}{\partial(\sigma^2)^2} = \frac{n}{2\sigma^4} - \frac{1}{\sigma^6}\sum_{i=1}^n (x_i-\mu)^2", 'correct', '',
  lambda: all(same(sp.diff(lgau(k)[1], v, 2), S(k)/(2*v**2) - sum((xi-mu)**2 for xi in lgau(k)[0])/v**3) for k in NS))
LG = -S(1)/2*((sp.Rational('0.5')-mu)**2 + (sp.Rational('1.5')-mu)**2 + (sp.Rational('2.5')-mu)**2)
R('M44', f1, r"so $\ell'(\mu) = 4.5 - 3\mu$", 1, r"\ell'(\mu) = 4.5 - 3\mu", 'correct', '', lambda: same(sp.diff(LG, mu), sp.Rational('4.5') - 3*mu))
R('M45', f1, r"$\ell'(1) = 1.5$", 1, r"\ell'(1) = 1.5", 'correct', '', lambda: same(sp.diff(LG, mu).subs(mu, 1), sp.Rational('1.5')))
phi = sp.exp(-x**2/2)/sp.sqrt(2*sp.pi)
R('M46', f1, r"$\varphi'(x) = -x\,\varphi(x)$", 1, r"\varphi'(x) = -x\,\varphi(x)", 'correct', '', lambda: same(sp.diff(phi, x), -x*phi))
R('M47', f1, r"$\varphi''(x) = (1 - x^2)\,\varphi(x)$", 1, r"\varphi''(x) = (1 - x^2)\,\varphi(x)", 'MISTAKE', "wrong sign; correct (x^2 - 1) phi(x)",
  lambda: fails(sp.diff(phi, x, 2), (1 - x**2)*phi, {x: (0.1, 3)}) and same(sp.diff(phi, x, 2), (x**2 - 1)*phi))

exec(open(os.path.join(HERE, 'check_labels_part2.py')).read())
exec(open(os.path.join(HERE, 'check_labels_part3.py')).read())

# ======================================================================= run
def find_line(file, anchor, occ):
    text = open(os.path.join(HERE, file), encoding='utf-8').read()
    a = json.dumps(anchor, ensure_ascii=False)[1:-1] if file.endswith('.ipynb') else anchor
    lines = text.split('\n')
    hits = [i + 1 for i, ln in enumerate(lines) if a in ln]
    if not hits:
        raise SystemExit(f'anchor not found in {file}: {anchor!r}')
    if len(hits) > 1 and occ == 1 and len(set(hits)) > 1:
        raise SystemExit(f'anchor ambiguous in {file}: {anchor!r} lines {hits}')
    return hits[occ - 1] if len(hits) >= occ else hits[0]

if __name__ == '__main__':
    out, bad = [], []
    ids = set()
    for row in ROWS:
        assert row['id'] not in ids, row['id']; ids.add(row['id'])
        line = find_line(row['file'], row['anchor'], row['occ'])
        ok = bool(row['fn']())
        CHECKS += 1
        if not ok:
            bad.append(row['id'])
        out.append({k: row[k] for k in ('id', 'file', 'step', 'latex', 'label', 'why')} | {'line': line, 'check_ok': ok})
    json.dump(out, open(os.path.join(HERE, 'rows.json'), 'w'), indent=1, ensure_ascii=False)
    from collections import Counter
    print('rows:', len(out), dict(Counter(r['label'] for r in out)))
    print('per file:', dict(Counter(r['file'] for r in out)))
    print(f'checks run: {CHECKS}; disagreeing with label: {len(bad)}', bad)
    sys.exit(1 if bad else 0)

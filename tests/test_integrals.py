"""Integral and limit claims end to end: right ones verified, wrong ones wrong, unknowable ones unchecked.

The grammar fixtures (`tests/grammar/integrals.txt`, `limits.txt`) state what a member means; these
cases state what a step of a claim comes out as, in particular the comparison of an indefinite
integral up to a constant, which only a step (both sides) can make.
"""

from __future__ import annotations

import random

import pytest

import mathdoc

CASES = [
    # (markdown, the verdicts of the claim's steps in order, the codes of the steps in order)
    (r"$$\frac{d}{dx}\int_0^x \sin t\,dt = \sin x$$", ["verified"], ["verified"]),
    (r"$$\frac{d}{dx}\int_0^x \sin t\,dt = \cos x$$", ["wrong"], ["wrong-derivative"]),
    (r"$$\frac{d}{dy}\int_0^1 x^y\,dx = -\frac{1}{(y+1)^2}$$", ["verified"], ["verified"]),
    (r"$$\frac{d}{dy}\int_0^1 x^y\,dx = \frac{1}{(y+1)^2}$$", ["wrong"], ["wrong-derivative"]),
    # an antiderivative, with or without its constant
    (r"$$\int \frac{d}{dx}(x^3)\,dx = x^3 + C$$", ["verified"], ["verified"]),
    (r"$$\int \frac{d}{dx}(x^3)\,dx = x^3$$", ["verified"], ["verified"]),
    (r"$$\int \frac{d}{dx}(x^3)\,dx = 3x^3 + C$$", ["wrong"], ["wrong-derivative"]),
    (r"$$\frac{d}{dx}\int x^2\,dx = x^2$$", ["verified"], ["verified"]),
    (r"$$\int \frac{d}{dx}(\ln x)\,dx = \ln|x| + C$$", ["verified"], ["verified"]),
    (r"$$\int \frac{d}{dx}(\sin x)\,dx = -\cos x + C$$", ["wrong"], ["wrong-derivative"]),
    (r"$$\frac{d}{dx}\int x^2\,dx = x^2 + 5$$", ["wrong"], ["wrong-derivative"]),
    # separated variables: an equation to solve, never wrong
    (r"$$\int \frac{d}{dy}(\ln y)\,dy = \frac{x^2}{2} + C$$", ["unchecked"], ["equation"]),
    # limits, two-sided and one-sided
    (r"$$f'(c) = \lim_{x\to c} (x+c) = 2c$$", ["unchecked", "verified"], ["undefined-function", "verified"]),
    (r"$$f'(c) = \lim_{x\to c} \frac{x^2-c^2}{x-c} = c$$", ["unchecked", "wrong"], ["undefined-function", "wrong-step"]),
    ("Let $f(x) = x^3$.\n\n$$f'(x) = \\lim_{h\\to 0}\\frac{f(x+h)-f(x)}{h} = 3x^2$$", ["verified", "verified"], ["verified", "verified"]),
    (r"$$f'(0) = \lim_{x\to 0^+} \frac{|x|}{x} = 1$$", ["unchecked", "verified"], ["undefined-function", "verified"]),
    (r"$$f'(0) = \lim_{x\to 0^-} \frac{|x|}{x} = 1$$", ["unchecked", "wrong"], ["undefined-function", "wrong-step"]),
    # functions the document only names: rules that hold for every function are verified on
    # instances of them; what depends on which function it is stays unchecked, with a reason
    (r"$$f'(x) = \lim_{h\to 0}\frac{f(x+h)-f(x)}{h}$$", ["verified"], ["verified"]),
    (r"$$\frac{d}{dx}\int_0^x f(y)\,dy = f(x)$$", ["verified"], ["verified"]),
    (r"$$\int_a^b F'(x)\,dx = F(b) - F(a)$$", ["verified"], ["verified"]),
    (r"$$\int_0^1 F'(x)\,dx = 3$$", ["unchecked"], ["undefined-function"]),
]


@pytest.mark.parametrize(("text", "verdicts", "codes"), CASES, ids=[c[0][:60] for c in CASES])
def test_integral_and_limit_claims(text: str, verdicts: list[str], codes: list[str]) -> None:
    report = mathdoc.check_text(text, timeout=30)
    assert [f.verdict.value for f in report.findings] == verdicts, [f.message for f in report.findings]
    assert [f.code for f in report.findings] == codes, [f.message for f in report.findings]


def test_an_unknown_integrand_says_which_function() -> None:
    report = mathdoc.check_text(r"$$\frac{d}{dx}\int_0^x f(y)\,dy = f(x)$$", timeout=30)
    assert "`f`" in report.findings[0].message
    assert "not define" in report.findings[0].message


def _polynomial(rng: "random.Random", variable: str) -> str:
    terms = [f"{rng.randint(1, 9)}{variable}^{power}" for power in range(rng.randint(1, 3), 0, -1)]
    return " + ".join(terms) + f" + {rng.randint(1, 9)}"


@pytest.mark.parametrize("seed", range(4))
def test_fundamental_theorem_on_polynomials(seed: int) -> None:
    """d/dx of the integral from 0 to x is the integrand; the integrand plus one is wrong."""
    rng = random.Random(seed)
    body_t, body_x = _polynomial(random.Random(seed), "t"), _polynomial(rng, "x")
    right = mathdoc.check_text(f"$$\\frac{{d}}{{dx}}\\int_0^x {body_t}\\,dt = {body_x}$$", timeout=30)
    wrong = mathdoc.check_text(f"$$\\frac{{d}}{{dx}}\\int_0^x {body_t}\\,dt = {body_x} + 1$$", timeout=30)
    assert [f.verdict.value for f in right.findings] == ["verified"]
    assert [f.verdict.value for f in wrong.findings] == ["wrong"]


@pytest.mark.parametrize("seed", range(4))
def test_antiderivatives_of_polynomials(seed: int) -> None:
    """`\\int P'(x)\\,dx = P(x) + C` holds; with the leading coefficient changed it does not."""
    polynomial = _polynomial(random.Random(seed), "x")
    changed = str(int(polynomial[0]) + 1) + polynomial[1:]
    right = mathdoc.check_text(f"$$\\int \\frac{{d}}{{dx}}({polynomial})\\,dx = {polynomial} + C$$", timeout=30)
    wrong = mathdoc.check_text(f"$$\\int \\frac{{d}}{{dx}}({polynomial})\\,dx = {changed} + C$$", timeout=30)
    assert [f.verdict.value for f in right.findings] == ["verified"]
    assert [f.verdict.value for f in wrong.findings] == ["wrong"]

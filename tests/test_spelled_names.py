"""Names of several letters (`loss`, `z2`): which the math spells, and how they are then read."""

from mathdoc.grammar import parse
from mathdoc.grammar.sexpr import sexpr
import mathdoc
from mathdoc.grammar.tokens import SPELLED_NAMES, function_names, spelled_names, spelling


def test_names_the_math_differentiates_by_are_spelled() -> None:
    texts = [r"\frac{\partial loss}{\partial z2} = z2 - y", r"\frac{\partial Loss(a_7,y)}{\partial w_{47}}", r"\partial{B2}"]
    assert spelled_names(texts) == ("Loss", "loss", "B2", "z2")


def test_two_letters_and_function_names_are_not_spelled() -> None:
    assert spelled_names([r"\frac{\partial^2 f}{\partial xy}", r"\partial \sin x", r"\partial exp", r"\partial x"]) == ()


def test_a_spelled_name_is_one_symbol_only_where_a_word_starts() -> None:
    with spelling(("loss", "z2")):
        assert sexpr(parse(r"\frac{1}{2}(z2 - y)^2")) == "(* (frac 1 2) (^ (group (+ z2 (- y))) 2))"
        assert sexpr(parse("loss(w, b)")) == "(apply loss w b)"
        assert sexpr(parse("closs")) == "(* c l o s s)"
        assert sexpr(parse("z23")) == "(* z 23)"
    assert SPELLED_NAMES.get() == ()
    assert sexpr(parse("z2 - y")) == "(+ (* z 2) (- y))"


def test_a_letter_the_document_defines_as_a_function_is_read_as_one() -> None:
    assert function_names(["p(x) = x^3", "q(a, b) := a + b", "\\log p(x)", "2(x) = 3"]) == frozenset({"p", "q"})
    assert sexpr(parse("\\log p(x)")) != "(apply* log (apply p x))"
    with spelling((), frozenset({"p"})):
        assert sexpr(parse("\\log p(x)")) == "(apply* log (apply p x))"
    report = mathdoc.check_text("Let $p(x) = x^3$. Then $\\frac{d}{dx}\\log p(x) = \\frac{3}{x}$, not $\\frac{d}{dx}\\log p(x) = \\frac{2}{x}$.")
    assert [f.verdict.value for f in report.findings] == ["verified", "wrong"]

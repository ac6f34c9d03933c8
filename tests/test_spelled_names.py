"""Names of several letters (`loss`, `z2`): which the math spells, and how they are then read."""

from mathdoc.grammar import parse
from mathdoc.grammar.sexpr import sexpr
from mathdoc.grammar.tokens import SPELLED_NAMES, spelled_names, spelling


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

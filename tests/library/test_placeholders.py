"""Placeholder rendering: {name} only, unknown names stay visible, hostile templates are inert."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.library import parse, render


def test_fills_known_names_and_reports_missing_ones():
    out = render("亲，{shop}的{agent}为您服务，单号{tracking_no}", {"shop": "小店", "agent": "小美"})
    assert out.text == "亲，小店的小美为您服务，单号{tracking_no}"
    assert out.missing == ("tracking_no",)


def test_empty_value_counts_as_missing():
    assert render("{shop}", {"shop": ""}).missing == ("shop",)


def test_double_braces_are_literal():
    assert render("{{shop}} {shop}", {"shop": "小店"}).text == "{shop} 小店"


def test_names_in_order_without_repeats():
    assert parse("{a}{b}{a}").names == ("a", "b")


class Exploding:
    def __str__(self):  # a value is only ever str()-ed once, never formatted or indexed
        return "boom"

    def __getattr__(self, name):
        raise AssertionError("attribute access must never happen")


def test_hostile_templates_are_left_as_written():
    values = {"shop": Exploding(), "x": "X"}
    for template in (
        "{shop.__class__.__mro__}",
        "{shop[0]}",
        "{shop!r}",
        "{shop:>10}",
        "{0}",
        "{__import__('os').system('echo hi')}",
        "{{{x}}}",
        "{",
        "}",
        "{{",
        "%(shop)s $shop",
    ):
        out = render(template, values)
        assert "boom" not in out.text or template == "{shop}"
    assert render("{shop}", values).text == "boom"
    assert render("{{{x}}}", values).text == "{X}"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}ab_0.[]!:亲 ")), max_size=40), st.dictionaries(st.sampled_from(["a", "b", "a_0"]), st.text(max_size=5)))
def test_render_never_raises_and_keeps_literal_text(template, values):
    out = render(template, values)
    assert isinstance(out.text, str)
    if "{" not in template and "}" not in template:
        assert out.text == template and not out.missing

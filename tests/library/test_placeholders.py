"""Placeholder rendering: {name} only, unknown names stay visible, hostile templates are inert."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kefu_assist.library import parse, render
from kefu_assist.library.placeholders import MAX_PROBLEMS, rendered_length


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


HOSTILE_TEMPLATES = (
    "{shop.__class__.__mro__}",
    "{shop[0]}",
    "{shop!r}",
    "{shop:>10}",
    "{0}",
    "{__import__('os').system('echo hi')}",
    "{",
    "}",
    "%(shop)s $shop",
    "亲{shop.x}请{shop}",
)


@pytest.mark.parametrize("template", HOSTILE_TEMPLATES)
def test_hostile_templates_are_left_as_written(template):
    """No attribute, index, conversion, format spec or expression: only a plain {name} is
    filled, everything else is the template's own text."""
    out = render(template, {"shop": Exploding(), "x": "X"})
    assert out.text == template.replace("{shop}", "boom") and out.missing == ()


def test_escaped_braces_are_single_braces():
    values = {"shop": Exploding(), "x": "X"}
    assert render("{shop}", values).text == "boom"
    assert render("{{{x}}}", values).text == "{X}"
    assert render("{{", values).text == "{"
    assert render("{{shop}}", values).text == "{shop}"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}ab_0.[]!:亲 ")), max_size=40), st.dictionaries(st.sampled_from(["a", "b", "a_0"]), st.text(max_size=5)))
def test_render_fills_exactly_the_plain_slots_and_keeps_literal_text(template, values):
    out = render(template, values)
    segments, _problems = _reference_parse(template)
    filled = [values.get(name) or None if name else None for _text, name in segments]
    assert out.text == "".join(value if value is not None else text for (text, _name), value in zip(segments, filled))
    assert out.missing == tuple(dict.fromkeys(name for (_t, name), value in zip(segments, filled) if name and value is None))
    if "{" not in template and "}" not in template:
        assert out.text == template and not out.missing


def _reference_parse(template: str):
    """The first, plainly written parser (a find() for each brace, quadratic on brace runs),
    kept as the reference the linear one must agree with."""
    segments, problems, buf = [], [], []
    i, n = 0, len(template)

    def flush():
        if buf:
            segments.append(("".join(buf), None))
            buf.clear()

    while i < n:
        ch = template[i]
        if ch == "{":
            if i + 1 < n and template[i + 1] == "{":
                buf.append("{")
                i += 2
                continue
            close = template.find("}", i + 1)
            nested = template.find("{", i + 1)
            if close == -1 or (nested != -1 and nested < close):
                problems.append(f"unclosed '{{' at character {i + 1}")
                buf.append(ch)
                i += 1
                continue
            inner, written = template[i + 1 : close], template[i : close + 1]
            if inner.isidentifier() and inner.isascii():
                flush()
                segments.append((written, inner))
            else:
                problems.append(parse("{" + inner + "}").problems[0])
                buf.append(written)
            i = close + 1
        elif ch == "}":
            if i + 1 < n and template[i + 1] == "}":
                buf.append("}")
                i += 2
                continue
            problems.append(f"unmatched '}}' at character {i + 1}")
            buf.append(ch)
            i += 1
        else:
            buf.append(ch)
            i += 1
    flush()
    return segments, problems


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}ab_0.[]!: 亲")), max_size=60))
def test_linear_parser_agrees_with_the_plain_reference(template):
    segments, problems = _reference_parse(template)
    parsed = parse(template)
    assert [(s.text, s.name) for s in parsed.segments] == segments
    shown = list(problems[:MAX_PROBLEMS]) + ([f"and {len(problems) - MAX_PROBLEMS:,} more malformed braces"] if len(problems) > MAX_PROBLEMS else [])
    assert list(parsed.problems) == shown


@pytest.mark.slow
@pytest.mark.parametrize("run", ["{" * 1_000_001, "{ " * 500_000, "{a" * 500_000, "a{" * 500_000 + "}", "}" * 1_000_001, "{x}" * 333_333 + "{"])
def test_a_million_brace_run_parses_with_a_bounded_report(run):
    parsed = parse(run)  # behaviour only: quadratic before (4-7 s a run), timed in benchmarks/bench_hostile.py
    assert len(parsed.problems) <= MAX_PROBLEMS + 1
    assert "".join(s.text for s in parsed.segments if s.name is None).count("{") + sum(1 for s in parsed.segments if s.name) <= len(run)


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=3000))
@settings(max_examples=100, deadline=None)
@example(uses=34, size=147)  # the values fill the cap exactly: the last slot, {shop}, is the one left
@example(uses=34, size=148)
def test_render_never_builds_a_reply_over_the_cap(uses, size):
    template = "亲，" + "{big}" * uses + "{shop}"
    out = render(template, {"big": "长" * size, "shop": "小店"}, limit=5_000)
    assert len(out.text) <= 5_000 + len(template)  # values up to the cap; slots left as written
    assert rendered_length(template, {"big": "长" * size, "shop": "小店"}) == 2 + uses * (size or 5) + 2
    if 2 + uses * size > 5_000 and size:
        assert "big" in out.missing and "{big}" in out.text  # left for the agent, as a slot with no value
    elif 2 + uses * size + 2 > 5_000 and size:
        # every {big} fits and the shop's name, last, does not (34 x 147: 5,000 characters exactly)
        assert out.missing == ("shop",) and out.text.endswith("{shop}")


def test_render_keeps_short_values_when_the_cap_is_reached():
    out = render("{a}{b}", {"a": "x" * 8, "b": "y" * 5}, limit=10)
    assert out.text == "x" * 8 + "{b}" and out.missing == ("b",)

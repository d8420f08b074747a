"""Global hotkey text: parsed, normalised, and bad text refused with a Chinese message."""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from kefu_assist import keycombo, settings
from kefu_assist.keycombo import MODIFIERS, Combo, normalise, parse

KEYS = [chr(c) for c in range(ord("A"), ord("Z") + 1)] + [str(d) for d in range(10)] + [f"F{n}" for n in range(1, 25)]
GLOBAL = ("Ctrl", "Alt", "Win")
SPELLINGS = {"Ctrl": ["ctrl", "Control", "CTL"], "Alt": ["alt", "Option"], "Shift": ["shift", "SHIFT"], "Win": ["win", "Super", "meta", "Cmd"]}


@st.composite
def combos(draw) -> Combo:
    mods = draw(st.sets(st.sampled_from(MODIFIERS)).filter(lambda m: bool(m & set(GLOBAL))))
    return Combo(frozenset(mods), draw(st.sampled_from(KEYS)))


@hsettings(deadline=None)  # a loaded shared machine, not slowness, ran over the deadline
@given(combos(), st.randoms())
def test_any_valid_combo_in_any_spelling_order_and_spacing_parses_back_to_itself(combo, rnd):
    parts = [rnd.choice(SPELLINGS[m]) for m in combo.modifiers] + [combo.key.lower() if rnd.random() < 0.5 else combo.key]
    rnd.shuffle(parts)
    text = (" + " if rnd.random() < 0.5 else "+").join(parts)
    assert parse(text) == combo
    assert normalise(text) == str(combo)
    assert normalise(str(combo)) == str(combo)  # the written form is a fixed point


def test_the_written_form_puts_modifiers_in_a_fixed_order():
    assert normalise("q+alt+ctrl") == "Ctrl+Alt+Q"
    assert normalise("shift+win+f12") == "Shift+Win+F12"
    assert parse(keycombo.DEFAULT) == Combo(frozenset({"Ctrl", "Alt"}), "Q")


@hsettings(deadline=None)  # a loaded shared machine, not slowness, ran over the deadline
@given(st.sets(st.sampled_from(["", "Shift"])), st.sampled_from(KEYS))
def test_a_combo_without_ctrl_alt_or_win_is_refused(mods, key):
    text = "+".join([m for m in mods if m] + [key])
    with pytest.raises(ValueError, match="至少要带 Ctrl、Alt 或 Win"):
        parse(text)


@pytest.mark.parametrize("text, says", [
    ("", "不能为空"), ("   ", "不能为空"), ("Ctrl+", "写法不对"), ("Ctrl++Q", "写法不对"),
    ("Ctrl+Alt", "有且只有一个"), ("Ctrl+Q+W", "有且只有一个"), ("Ctrl+Ctrl+Q", "出现了两次"),
    ("Ctrl+Enter", "不是可用的键"), ("Ctrl+F25", "不是可用的键"), ("Ctrl+F0", "不是可用的键"), ("Ctrl+é", "不是可用的键"),
    ("Ctrl+Alt+中", "不是可用的键"),
])
def test_bad_text_gets_a_message_saying_what_is_wrong(text, says):
    with pytest.raises(ValueError, match=says):
        parse(text)


@hsettings(deadline=None)  # a loaded shared machine, not slowness, ran over the deadline
@given(st.text(max_size=20))
def test_any_text_either_parses_or_raises_value_error(text):
    try:
        combo = parse(text)
    except ValueError as e:
        assert str(e)
    else:
        assert combo.modifiers & set(GLOBAL) and combo.key in KEYS


# -- the settings that hold them ------------------------------------------------------------------
def _parse(values: dict[str, str]):
    return settings.Preferences.parse(values.get)


def test_hotkey_setting_is_kept_normalised_and_a_bad_one_falls_back_to_the_default_with_a_message():
    prefs, problems = _parse({"hotkey/keys": "alt + ctrl + k"})
    assert prefs.hotkey == "Ctrl+Alt+K" and problems == []
    prefs, problems = _parse({"hotkey/keys": "Q"})
    assert prefs.hotkey == keycombo.DEFAULT
    assert len(problems) == 1 and "hotkey/keys" in problems[0] and "至少要带" in problems[0]


def test_new_settings_have_their_defaults():
    prefs, problems = _parse({})
    assert (prefs.hotkey, prefs.paste_to_chat, prefs.close_to_tray, prefs.pins) == ("Ctrl+Alt+Q", True, False, "")
    assert problems == []


@hsettings(deadline=None)  # a loaded shared machine, not slowness, ran over the deadline
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters=",\r\n", blacklist_categories=("Cs",))).map(str.strip), max_size=settings.PIN_SLOTS))
def test_pins_round_trip_by_slot(ids):
    text = settings.pins_text(",".join(ids))
    assert settings.pins_list(text) == (ids + [""] * settings.PIN_SLOTS)[: settings.PIN_SLOTS]
    assert settings.pins_text(text) == text


def test_more_pins_than_slots_are_refused_and_the_setting_falls_back():
    with pytest.raises(ValueError, match="最多固定 9 条"):
        settings.pins_text(",".join(f"s{i}" for i in range(10)))
    prefs, problems = _parse({"pins/scripts": ",".join(f"s{i}" for i in range(10))})
    assert prefs.pins == "" and len(problems) == 1


def test_pins_written_by_the_sidebar_are_read_back_from_the_file(tmp_path):
    path = tmp_path / "settings.ini"
    prefs = settings.Preferences(pins="a.one,,c.three", hotkey="Ctrl+Shift+F9", paste_to_chat=False, close_to_tray=True)
    settings.save(prefs, path)
    loaded = settings.load(path)
    assert loaded.problems == [] and loaded.preferences == prefs

"""Reply checking (compliance rules) and buyer mood. No Qt, no database: the sidebar, the
command line and the library linter all call this.

    from kefu_assist.checker import check, load_checker, mood
    check("加我微信，好评返现5元")          # -> [Finding(rule="off_platform", ...), ...]
    checker, problems = load_checker(library_path)   # shipped rules + the team lead's file
    mood("你们这什么破质量 我要投诉")        # -> Mood(label="upset", cues=(...))
"""
from __future__ import annotations

from .engine import Checker, Finding, check, default_checker, default_rules_path, load_checker, rewrite
from .mood import Cue, Mood, mood
from .rules import Rule, RulesResult, TEAM_RULES_NAME, load_rules, team_rules_path

__all__ = [
    "Checker", "Cue", "Finding", "Mood", "Rule", "RulesResult", "TEAM_RULES_NAME", "check", "default_checker",
    "default_rules_path", "load_checker", "load_rules", "mood", "rewrite", "team_rules_path",
]

"""The rule registry: one row per rule, id -> the module that holds it.

A table rather than import-time decorators, so the list of rules is visible in one place and
importing it costs nothing. Each module defines exactly one `Rule` subclass named `RULE`.
"""

from __future__ import annotations

import importlib
from functools import cache

from plainfinnish.rules.base import Rule

#: rule id -> module. The order is the order of `plainfinnish rules`.
REGISTRY: dict[str, str] = {
    "jargon": "plainfinnish.rules.jargon",
    "long-sentence": "plainfinnish.rules.long_sentence",
    "missing-next-step": "plainfinnish.rules.missing_next_step",
    "pushy-upsell": "plainfinnish.rules.pushy_upsell",
    "question-overload": "plainfinnish.rules.question_overload",
    "long-word": "plainfinnish.rules.long_word",
    "passive-voice": "plainfinnish.rules.passive_voice",
    "nominal-style": "plainfinnish.rules.nominal_style",
    "readability": "plainfinnish.rules.readability",
    "address-consistency": "plainfinnish.rules.address_consistency",
}


@cache
def available() -> dict[str, type[Rule]]:
    """The rules whose modules exist in this installation, by id."""
    rules: dict[str, type[Rule]] = {}
    for rule_id, module_name in REGISTRY.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name == module_name:
                continue  # a rule not written yet
            raise
        rule = module.RULE
        assert rule.id == rule_id, f"{module_name} defines {rule.id}, registered as {rule_id}"
        rules[rule_id] = rule
    return rules


def get(rule_id: str) -> type[Rule] | None:
    return available().get(rule_id)

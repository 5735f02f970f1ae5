"""The policy an obligation follows (the model lives in tasks_catalog.follow_up_policy)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from tasks_catalog.follow_up_policy import DEFAULT_POLICY, FollowUpPolicy

__all__ = ["DEFAULT_POLICY", "FollowUpPolicy", "policy_for"]


def policy_for(name: str, overrides: dict[str, Any]) -> FollowUpPolicy:
    """The policy an obligation follows: the defaults with its catalogue's overrides."""
    if not overrides:
        return DEFAULT_POLICY
    return _cached(name, json.dumps(overrides, sort_keys=True))


@lru_cache(maxsize=256)
def _cached(name: str, overrides: str) -> FollowUpPolicy:
    return FollowUpPolicy.from_dict(name, json.loads(overrides))

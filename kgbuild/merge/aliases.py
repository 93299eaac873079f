"""The user's alias file: pairs of names that are, or are not, the same actor, whatever the
matcher says. A YAML file with two lists of pairs, compared case-insensitively:

    same:                       # one actor, even across kinds ("Moscow" and "the Kremlin")
      - [Moscow, Kremlin]
    different:                  # never one actor ("Vladimir" / "Volodymyr" aside)
      - [Vladimir Putin, Vladimir Zelensky]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class AliasError(ValueError):
    """The alias file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Aliases:
    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()


NO_ALIASES = Aliases()


def pairs(path: Path, data: dict, relation: str) -> tuple[tuple[str, str], ...]:
    found = data.get(relation) or []
    if not isinstance(found, list):
        raise AliasError(f"{path}: '{relation}' must be a list of [name, name] pairs")
    for number, pair in enumerate(found, 1):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(n, str) and n.strip() for n in pair)):
            raise AliasError(f"{path}: {relation} entry {number} is not a pair of two names: {pair!r}")
    return tuple((a.strip(), b.strip()) for a, b in found)


def load_aliases(path: str | Path) -> Aliases:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise AliasError(f"{path}: cannot read the alias file: {err}") from err
    if not isinstance(data, dict) or set(data) - {"same", "different"}:
        raise AliasError(f"{path}: expected only the keys 'same' and 'different'")
    aliases = Aliases(pairs(path, data, "same"), pairs(path, data, "different"))
    clash = {frozenset(p) for p in aliases.same} & {frozenset(p) for p in aliases.different}
    if clash:
        raise AliasError(f"{path}: a pair is both same and different: {sorted(next(iter(clash)))}")
    return aliases

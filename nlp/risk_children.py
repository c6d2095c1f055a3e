"""Children of the household told of by name or as "he"/"she", away from where they were named.

A parent names a child once ("mum of Alfie, he's 9", "my son Alfie (11)") and tells what it did to
them later, by name or by a pronoun, often sentences or chat messages away ("he was terrified",
"he has started wetting the bed again"). A pronoun is read as the person of its gender last named
before it (a noun or a name, never another pronoun): the child when that is the household's son,
daughter or named child; anybody else ("the woman over the road", "my husband", "his son") is
not. Pure functions over the canonical sentences the risk finder already cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlp.lexicon import Sentence

# A child the writer names ("our daughter Poppy", "my son Jake"), read on the original text where a
# capital marks the name; a name given an adult age ("my son Dan, 24") is no child.
_KIN_NAMED = re.compile(
    r"\b(?:[Mm]y|[Oo]ur) (?:little |youngest |eldest |oldest |young |baby |middle |foster )?"
    r"(?P<kin>son|daughter|grandson|granddaughter|stepson|stepdaughter|boy|girl|child|kid)"
    r",? (?P<name>[A-Z][a-z]{2,})\b(?!,? \(?(?:who is |who's |is |aged )?(?:1[89]|[2-9]\d)\b)"
)
# "mum of Alfie", "I'm dad to Leo": the writer's child by name.
_PARENT_OF = re.compile(
    r"\b(?:[Mm]um|[Mm]am|[Mm]other|[Dd]ad|[Ff]ather|[Pp]arent|[Ff]oster carer|[Gg]uardian)"
    r" (?:of|to) (?P<name>[A-Z][a-z]{2,})\b"
)
# "Alfie hes 9", "Poppy, who is 6", "Leo (7)": a name given a child's age.
_NAME_AGED = re.compile(
    r"\b(?P<name>[A-Z][a-z]{2,}),? (?:\(|(?:(?P<pronoun>he's|hes|he is|she's|shes|she is)"
    r"|who is|who's|is|aged|age) )(?:only |just )?(?:[1-9]|1[0-7])\b"
    r"(?!\d| ?(?:weeks|months|days|hours|minutes|mins|times|quid|pounds|%|am|pm|st|kg|stone"
    r"|miles|feet|foot|ft|o'clock|:|/|\.\d)| [A-Z][a-z])"  # "Mrs Osei (16 Cotton Lane)": a house
)
_MALE_KIN = frozenset({"son", "grandson", "stepson", "boy"})
_FEMALE_KIN = frozenset({"daughter", "granddaughter", "stepdaughter", "girl"})
_NOT_NAMES = frozenset(
    "The This That There They Then When What Where Who Why How She Her His Him Our Your Their"
    " Mum Mam Dad Mrs Miss Road Street Close Lane Court Avenue Flat House Number Police Council"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# The people a pronoun may stand for, on the canonical words: the household's son or daughter
# first (at the same place), then any other man or woman named by a noun.
_MENTION = re.compile(
    r"\b(?:my|our) (?:(?:little|young|youngest|eldest|oldest|baby|foster|step|adopted|middle"
    r"|disabled|autistic|poor) )?(?:(?P<child_m>son|boy|grandson|stepson|lad)"
    r"|(?P<child_f>daughter|girl|granddaughter|stepdaughter|lass))\b"
    r"(?!,? \(?(?:who is |who's |is |aged )?(?:1[89]|[2-9]\d)\b)"  # "our son is 19": grown
    r"|\b(?P<other_m>man|bloke|guy|lad|boy|husband|partner|dad|father|brother|grandad|uncle"
    r"|boyfriend|son|grandson|nephew|gentleman|landlord|officer|mr [a-z]+)\b"
    r"|\b(?P<other_f>woman|lady|wife|mum|mam|mother|sister|nan|gran|aunt|auntie|girlfriend"
    r"|daughter|girl|granddaughter|niece|mrs [a-z]+|ms [a-z]+|miss [a-z]+)\b"
)
# "he was terrified", "she's scared stiff", "he has started wetting the bed": a pronoun's state.
_PRONOUN_STATE = re.compile(
    r"(?:^|(?<= ))(?:(?P<m>he|hes|he's)|(?P<f>she|shes|she's))"
    r"(?: (?:is|was|has been|had been|got|gets|is now|now|still|so|too|really|very|absolutely"
    r"|left|all|completely|quite|visibly|genuinely|has started|started|keeps|kept|is getting"
    r"|getting|has|had|just|even|always|properly|been|having|been having))* "
)
# How many sentences (a chat's messages) back a pronoun's person may have been named: anybody of
# the pronoun's gender named since takes it, so the child may be named well before.
_LOOK_BACK = 12


@dataclass(frozen=True)
class HouseholdChildren:
    """The household's named children (lowercase name -> "m", "f" or "" when not known), and
    whether the text names a son or a daughter of the household at all."""

    names: dict[str, str]
    any_child: bool


def household_children(
    text: str, canons: Sequence[str], grown: frozenset[str]
) -> HouseholdChildren:
    """The children the writer names in ``text`` (original case) and whether the canonical
    sentences name a son or daughter of theirs; ``grown`` kin words were given an adult age."""
    names: dict[str, str] = {}
    for m in _KIN_NAMED.finditer(text):
        kin = m.group("kin").lower()
        if kin not in grown:
            gender = "m" if kin in _MALE_KIN else "f" if kin in _FEMALE_KIN else ""
            names[m.group("name").lower()] = gender
    for m in _PARENT_OF.finditer(text):
        if m.group("name") not in _NOT_NAMES:
            names.setdefault(m.group("name").lower(), "")
    for m in _NAME_AGED.finditer(text):
        if m.group("name") in _NOT_NAMES:
            continue
        pronoun = (m.group("pronoun") or "").lower()
        gender = "m" if pronoun.startswith("he") else "f" if pronoun.startswith("sh") else ""
        if names.get(m.group("name").lower(), "") == "":
            names[m.group("name").lower()] = gender
    any_child = bool(names) or any(
        m.group("child_m") or m.group("child_f") for c in canons for m in _MENTION.finditer(c)
    )
    return HouseholdChildren(names, any_child)


def pronoun_states(
    sents: Sequence[Sentence],
    children: HouseholdChildren,
    states: re.Pattern[str],
    grown: frozenset[str],
) -> list[tuple[int, int, int]]:
    """``(sentence index, start, end)`` in canonical offsets of each "he/she <state>" whose
    pronoun stands for a household child (``states`` are the child states the risk data lists).
    The caller checks denials and negations."""
    if not children.any_child:
        return []
    names = (
        re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(children.names))) + r")\b")
        if children.names
        else None
    )
    found: list[tuple[int, int, int]] = []
    for index, sentence in enumerate(sents):
        canon = sentence.canon
        if "he" not in canon:
            continue
        for match in _PRONOUN_STATE.finditer(canon):
            state = states.match(canon, match.end())
            if state is None:
                continue
            gender = "m" if match.group("m") else "f"
            earlier = [s.canon for s in sents[max(0, index - _LOOK_BACK) : index]]
            before = " ".join([*earlier, canon[: match.start()]])
            if _last_person_is_child(before, gender, names, children.names, grown):
                found.append((index, match.start(), state.end()))
    return found


def someone_else_between(between: str, after: str) -> bool:
    """Whether ``between`` (the sentences between a child's and ``after``'s) last names a man
    when ``after`` opens with "he", or a woman when with "she": then the pronoun is theirs."""
    opening = _OPENING_PRONOUN.match(after)
    if opening is None or not between:
        return False
    gender = "m" if opening.group("m") else "f"
    last = None
    for m in _MENTION.finditer(between):
        if m.group(f"child_{gender}"):
            last = False
        elif m.group(f"other_{gender}"):
            last = True
    return bool(last)


_OPENING_PRONOUN = re.compile(
    r"^(?:and |but |so |now |then |poor )?(?:(?P<m>he|hes|he's)|(?P<f>she|shes|she's))\b"
)


def _last_person_is_child(
    before: str,
    gender: str,
    names: re.Pattern[str] | None,
    genders: dict[str, str],
    grown: frozenset[str],
) -> bool:
    """Whether the last person of ``gender`` named in ``before`` is a household child."""
    last_at, is_child = -1, False
    for m in _MENTION.finditer(before):
        kin = m.group(f"child_{gender}")
        if kin:
            last_at, is_child = m.start(), kin not in grown
        elif m.group(f"other_{gender}"):
            last_at, is_child = m.start(), False
    if names is not None:
        for m in names.finditer(before):
            if m.start() > last_at and genders.get(m.group(0), "") in ("", gender):
                last_at, is_child = m.start(), True
    return is_child

"""Community reporters told as a list of people: "Me, the couple opposite (they both phoned) and
the man at 52 have all reported it" is four people (threshold-rules.md's community route counts
different people who complained about the same problem).

Each item of the list is counted from what it says: the writer ("me", "I") is one, a couple or
"Mr and Mrs Tan" two, "three other neighbours" three, one person ("the man at 52", "my neighbour",
"Mr Ridley") one; the writer's own household ("my husband") adds nobody. An item that says no
count ("the people at 12", "the Tans") makes the list uncountable, so nothing is counted. When
the writer is not in the list, "also" adds them ("Mr Ridley and Ms Wark have also complained").
Another person said to have done what the writer just told ("rang 101 that night. so did my
neighbour", "my neighbour did too") makes two, when the writer's report is told in the sentence
or the one before. The words are data: ``nlp/patterns/parties.json`` (``community.lists``,
``community.echoes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.lexicon import expand, load_data


@dataclass(frozen=True)
class ListedReporters:
    """A list of reporters found in a canonical sentence: its span there and the people counted."""

    start: int
    end: int
    count: int


@dataclass(frozen=True)
class _Words:
    end: re.Pattern[str]  # "... have all reported": the list's verb
    boundary: re.Pattern[str]  # where the list's subject can start
    writer: re.Pattern[str]
    pair: re.Pattern[str]
    counted: re.Pattern[str]
    aside: re.Pattern[str]  # "including Ms Pryor's", "me included": counted already
    household: re.Pattern[str]  # the writer's own household ("my husband"): one complainant
    person: re.Pattern[str]
    numbers: dict[str, int]

    def writer_in(self, subject: str) -> bool:
        return any(self.writer.fullmatch(item.strip()) for item in _SEPARATOR.split(subject))


def community_macros(community: dict[str, Any]) -> tuple[dict[str, int], dict[str, str]]:
    """``parties.json``'s community numbers said in words ("four": 4) and the macros its
    patterns use: ``{NUM}`` (a count in digits or words), ``{REPORT}`` (a report verb)."""
    numbers = {k: int(v) for k, v in community["numbers"].items()}
    macros = {
        "NUM": r"(?:\d{1,3}|"
        + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
        + ")",
        "REPORT": community["report_words"],
    }
    return numbers, macros


@cache
def _words() -> _Words:
    data = load_data("parties.json")["community"]
    lists = data["lists"]
    numbers, macros = community_macros(data)
    return _Words(
        end=re.compile(expand(lists["end"], macros)),
        boundary=re.compile(lists["boundary"]),
        writer=re.compile(lists["writer"]),
        pair=re.compile(lists["pair"]),
        counted=re.compile(expand(lists["counted"], macros)),
        aside=re.compile(lists["aside"]),
        household=re.compile(lists["household"]),
        person=re.compile(lists["person"]),
        numbers=numbers,
    )


_ALSO = re.compile(r"\b(?:also|too|as well)\b")
_PARENTHESIS = re.compile(r"\( [^()]* \)")
_SEPARATOR = re.compile(r" , (?:and |an |n )?| and | an | n | & ")  # "an", "n": text-speak "and"


def listed_reporters(canon: str) -> list[ListedReporters]:
    """The lists of reporters in ``canon`` (a canonical sentence: lowercase, tokens spaced)."""
    words = _words()
    found = []
    for verb in words.end.finditer(canon):
        head = canon[: verb.start()]
        starts = [m.end() for m in words.boundary.finditer(head)]
        begin = starts[-1] if starts else 0
        subject = _PARENTHESIS.sub(" ", head[begin:]).strip()
        count = _count(subject, words)
        if count is not None and not words.writer_in(subject) and _ALSO.search(canon, verb.start()):
            count += 1  # "Mr Ridley and Ms Wark have also complained": they and the writer
        if count is None:
            # "We've all reported it - me, my neighbour Jean and the couple at 14": the list
            # after the verb, the writer first or last in it.
            after = _AFTER_LIST.match(canon, verb.end())
            if after is not None:
                count = _count(after.group("list"), words)
        if count is not None and count > 1:
            found.append(ListedReporters(begin, verb.end(), count))
    return found


_AFTER_LIST = re.compile(
    r"(?: (?:it|this|them|that|him|her|in))?(?: (?:to|with) (?:the )?[a-z0-9]+(?: [a-z0-9]+)?)?"
    r"(?: [:,-])? (?P<list>(?:me|myself|i) (?:,|and|n|&) [^.;!?]+?|[^.;!?]+? (?:and|n|&) "
    r"(?:me|myself))(?= [.;!?]|$)"
)


def _count(subject: str, words: _Words) -> int | None:
    subject = words.pair.sub(lambda m: m.group(0).replace(" and ", "-and-"), subject)
    items = [item.strip(" ,") for item in _SEPARATOR.split(subject) if item.strip(" ,")]
    items = [item for item in items if not words.aside.search(item)]
    if len(items) < 2:
        return None  # one subject is not a list (the single-subject rules count it)
    total = 0
    for item in items:
        counted = words.counted.match(item)
        if words.writer.fullmatch(item):
            total += 1
        elif words.household.match(item):
            continue
        elif words.pair.search(item):
            total += 2
        elif counted:
            number = counted.group("n")
            total += int(number) if number.isdigit() else words.numbers[number]
        elif words.person.search(item):
            total += 1
        else:
            return None
    return total


@cache
def _echoes() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    data = load_data("parties.json")["community"]
    report = re.compile(r"\b" + data["report_words"] + r"\b|\b101\b|\b999\b")
    return tuple(re.compile(p) for p in data["echoes"]["patterns"]), report


def echoed_reports(canon: str, previous: str) -> list[ListedReporters]:
    """ "so did my neighbour" in canonical ``canon`` after the writer's report in it or in the
    sentence before (``previous``): the writer and one other, two people."""
    patterns, report = _echoes()
    for pattern in patterns:
        for match in pattern.finditer(canon):
            if report.search(canon[: match.start()]) or report.search(previous):
                return [ListedReporters(match.start(), match.end(), 2)]
    return []

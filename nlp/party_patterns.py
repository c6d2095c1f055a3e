"""The compiled patterns of ``nlp/patterns/parties.json`` that nlp.parties reads with.

Loaded and compiled on first use (nothing at import time), once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.lexicon import compile_all, expand, load_data
from nlp.reporter_lists import community_macros


@dataclass(frozen=True)
class PartyPatterns:
    """Every pattern family of parties.json, compiled (see the file's ``_purpose`` notes)."""

    third_party: tuple[tuple[str | None, re.Pattern[str]], ...]
    kin_relationships: dict[str, str]  # "mum" -> "son/daughter": what the writer is to the victim
    sufferer: tuple[re.Pattern[str], ...]  # someone outside the household suffers ("his life hell")
    own_property: re.Pattern[str]  # "my door", "our windows"
    their_property: re.Pattern[str]  # "his greenhouse", "her back door"
    household: re.Pattern[str]  # "my wife", "our son": people of the writer's household
    outside: re.Pattern[str]  # "my nan", "the old man at no. 7": people outside it
    signature_titles: tuple[tuple[str, re.Pattern[str]], ...]
    refused: re.Pattern[str]
    gates: dict[str, re.Pattern[str]]  # words without which a family of patterns cannot match
    given: re.Pattern[str]
    community: tuple[tuple[int, int | None, re.Pattern[str]], ...]
    numbers: dict[str, int]
    relation_name: re.Pattern[str]
    named_victim: re.Pattern[str]
    client_intro: re.Pattern[str]  # "I support", "I am supporting", "I represent" before a name
    described_victim: re.Pattern[str]  # "the old gentleman at no. 7, Mr Walter Sedgley, ..."
    introduced_victim: re.Pattern[str]  # "... not me. Edna Rutter, shes 84 and ...": a last resort
    possessive_victim: re.Pattern[str]  # "I'm Anne Lockwood's paid carer"
    requesting_victim: re.Pattern[str]  # "Mrs Ann Cole ... has asked for a Community Trigger"
    titled_client: re.Pattern[str]  # "Mr Alan Bell" after ...
    titled_client_before: re.Pattern[str]  # ... "Re:", "carer of", "officer at Vivid Homes for"
    address_after: re.Pattern[str]
    self_address: re.Pattern[str]
    my_name: re.Pattern[str]
    name_with_address: re.Pattern[str]  # "it's Tom Reilly, 9 Juniper Close"
    self_intro: re.Pattern[str]  # "hello this is Dennis Carrow from ..."
    name_here: re.Pattern[str]  # "Hi, Dave Smith here"
    self_intro_before: re.Pattern[str]  # ... only at a line's start or after a greeting
    name_stopwords: frozenset[str]
    not_surnames: frozenset[str]  # a "name" ending in one is a body or a place ("Mill Court")
    phone: re.Pattern[str]
    victim_phone_context: re.Pattern[str]
    prompt_consent: re.Pattern[str]
    answer_yes: re.Pattern[str]
    answer_no: re.Pattern[str]


@cache
def party_patterns() -> PartyPatterns:
    data = load_data("parties.json")
    community: dict[str, Any] = data["community"]
    numbers, macros = community_macros(community)
    identity = data["identity"]
    nested = {name: expand(value, data["macros"]) for name, value in data["macros"].items()}
    return PartyPatterns(
        third_party=tuple(
            (rule["relationship"], compile_all([rule["pattern"]], nested))
            for rule in data["third_party"]
        ),
        kin_relationships={
            kin: relationship
            for relationship, kins in data["kin_relationships"].items()
            for kin in kins
        },
        sufferer=tuple(compile_all([p], {}) for p in data["sufferer"]["patterns"]),
        own_property=re.compile(data["sufferer"]["own_property"]),
        their_property=re.compile(data["sufferer"]["their_property"]),
        household=re.compile(data["sufferer"]["household"]),
        outside=re.compile(data["sufferer"]["outside"]),
        signature_titles=tuple(
            (rule["relationship"], re.compile(rule["pattern"], re.MULTILINE))
            for rule in data["signature_titles"]
        ),
        refused=compile_all(data["consent_refused"], {}),
        gates={name: re.compile(pattern) for name, pattern in data["gates"].items()},
        given=compile_all(data["consent_given"], {}),
        community=tuple(
            (
                int(p["add"]),
                int(p["value"]) if "value" in p else None,
                re.compile(r"(?<![\w'-])(?:" + expand(p["pattern"], macros) + ")"),
            )
            for p in community["patterns"]
        ),
        numbers=numbers,
        relation_name=re.compile(identity["relation_name"]),
        named_victim=re.compile(identity["named_victim"]),
        described_victim=re.compile(identity["described_victim"]),
        introduced_victim=re.compile(identity["introduced_victim"], re.MULTILINE),
        client_intro=re.compile(identity["client_intro"]),
        possessive_victim=re.compile(identity["possessive_victim"]),
        requesting_victim=re.compile(identity["requesting_victim"]),
        titled_client=re.compile(identity["titled_client"]),
        titled_client_before=re.compile(identity["titled_client_before"]),
        address_after=re.compile(identity["address_after"]),
        self_address=re.compile(identity["self_address"]),
        my_name=re.compile(identity["my_name"]),
        name_with_address=re.compile(identity["name_with_address"]),
        self_intro=re.compile(identity["self_intro"]),
        name_here=re.compile(identity["name_here"]),
        self_intro_before=re.compile(identity["self_intro_before"]),
        name_stopwords=frozenset(identity["name_stopwords"]),
        not_surnames=frozenset(identity["not_surnames"]),
        phone=re.compile(data["phone"]),
        victim_phone_context=re.compile(data["victim_phone_context"]),
        prompt_consent=re.compile(data["prompt_consent"]),
        answer_yes=re.compile(data["answer_yes"]),
        answer_no=re.compile(data["answer_no"]),
    )

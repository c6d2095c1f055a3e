"""The identity cues of nlp.parties: names, titles, addresses, phone numbers and email addresses
read with the original capitals (``parties.json`` "identity"), and a rule's relationship filled in.

Split out of :mod:`nlp.parties` to keep that module under the house size.
"""

from __future__ import annotations

import re

from nlp.findings import Finding
from nlp.names import clean_name, signed_name
from nlp.party_cues import PartyCue
from nlp.party_patterns import PartyPatterns, party_patterns
from nlp.party_words import EMAIL, VICTIM_EMAIL_BEFORE

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})
# After "I support Lucy Harding": a person described, not a team ("I support Arsenal").
_CLIENT_AFTER = re.compile(r"\s*,?\s*(?:who|whom|\((?:dob|d\.o\.b|born|aged?|\d))\b", re.IGNORECASE)

# "the email below from Mrs Susan Hale, whose father Mr Len Hale (88) lives alone": a forwarded
# original's author who writes for a relative, who is then the victim.
_NAME = r"(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z][a-z'\u2019-]+){0,2}"
_AUTHORS_KIN = re.compile(
    rf"(?P<who>{_NAME}),?\s+whose\s+(?:elderly\s+|frail\s+|disabled\s+)?"
    r"(?:father|mother|dad|mum|nan|gran|grandfather|grandmother|grandad|husband|wife|son|daughter"
    rf"|brother|sister|aunt|uncle)\s+(?P<name>{_NAME})"
)
_MP_AFTER = re.compile(r"[ \t]+MP\b")
_MEMBERS = frozenset({"cllr", "councillor", "clr"})
SIGNS_OFF = "parties: signs off with a name"
_WRITTEN = "parties: a titled name written out"
_EMAIL = "parties: email address given for the victim"
_KIN = "parties: a forwarded original's author writes for a relative"


def filled_relationship(template: str | None, match: re.Match[str]) -> str | None:
    """A rule's relationship, with ``{rel}`` filled from the words the writer used ("niece"), or
    ``{kin}`` turned round from the victim's kin word ("for my mum": "son/daughter")."""
    if template == "{kin}":
        kin = match.groupdict().get("kin")
        return party_patterns().kin_relationships.get(" ".join(kin.split())) if kin else None
    if template is None or "{rel}" not in template:
        return template
    said = match.groupdict().get("rel")
    return template.replace("{rel}", " ".join(said.split())) if said else None


def identity_cues(text: str, compiled: PartyPatterns) -> list[Finding]:
    """Cues from names, titles, addresses, phone numbers and emails in ``text`` (original
    capitals): who the victim is, who the writer is, and a professional's signature."""
    out: list[Finding] = []
    # A professional's title on a line of its own ("Ward Councillor, ...", "Floating Support
    # Worker"): victims do not sign off with a job title that names a casework role; nor with
    # their relation to someone else in brackets ("Mark Hale (brother)").
    for relationship, pattern in compiled.signature_titles:
        for match in pattern.finditer(text):
            out.append(
                Finding(
                    PartyCue.THIRD_PARTY,
                    match.start(),
                    match.end(),
                    "parties: signs as a professional",
                    filled_relationship(relationship, match),
                )
            )
    titled_names = list(compiled.titled_client.finditer(text))
    for match in titled_names:  # "Mrs Hilda Pardoe at no. 12": writes out "Mrs Pardoe" later
        full = clean_name(match.group("name"), compiled.name_stopwords)
        if full is not None and len(full.split()) > 2:
            out.append(Finding(PartyCue.NAME_WRITTEN, match.start(), match.end(), _WRITTEN, full))
    titled = (
        m
        for m in titled_names
        # the line's words before the name ("Re: Community Trigger application - Mr ..."); the
        # pattern's "^" holds only at the text's true start, not at the window's
        if compiled.titled_client_before.search(text, max(0, m.start() - 100), m.start())
    )
    # The person a writer says they write for, support or describe comes before the people
    # they name by their relation to themselves ("my neighbour Mr Wragg rang too").
    for matches in (
        sorted(
            [
                *compiled.named_victim.finditer(text),
                *titled,
                *(
                    compiled.requesting_victim.finditer(text)
                    if "asked" in text or "wants to" in text or "consent" in text
                    else ()
                ),
                *compiled.described_victim.finditer(text),
            ],
            key=lambda m: m.start(),
        ),
        compiled.possessive_victim.finditer(text),
        compiled.relation_name.finditer(text),
        compiled.introduced_victim.finditer(text),  # a person described, named on their own
    ):
        for match in matches:
            name = clean_name(match.group("name"), compiled.name_stopwords)
            if name is None or name.split()[-1] in compiled.not_surnames:
                continue
            if _MP_AFTER.match(text, match.end("name")) or match.group("name").endswith("MP"):
                continue  # "on behalf of Helen Carstairs MP": the MP, never the victim
            if name.split()[0].rstrip(".").lower() in _MEMBERS:
                continue  # "casework officer for Cllr Janet Ruddock": the member, not the victim
            if compiled.client_intro.match(match.group(0)) and (
                name.split()[0].rstrip(".").lower() in _TITLES
                or _CLIENT_AFTER.match(text, match.end("name"))
            ):
                out.append(  # "I support Lucy Harding", "I am supporting Mr Bell"
                    Finding(
                        PartyCue.THIRD_PARTY,
                        match.start(),
                        match.end(),
                        "parties: supports someone named",
                        None,
                    )
                )
            out.append(
                Finding(
                    PartyCue.VICTIM_NAME,
                    match.start("name"),
                    match.end("name"),
                    "parties: victim named",
                    name,
                )
            )
            address = compiled.address_after.match(text, match.end("name"))
            if address:
                value = " ".join(address.group("address").split())
                out.append(
                    Finding(
                        PartyCue.VICTIM_ADDRESS,
                        address.start("address"),
                        address.end("address"),
                        "parties: victim's address",
                        value,
                    )
                )
    for match in compiled.self_address.finditer(text):
        value = " ".join(match.group("address").split())
        out.append(
            Finding(
                PartyCue.SELF_ADDRESS,
                match.start("address"),
                match.end("address"),
                "parties: own address",
                value,
            )
        )
    intros = (
        m
        for m in compiled.self_intro.finditer(text)
        if compiled.self_intro_before.search(text[max(0, m.start() - 20) : m.start()])
    )
    named = [
        *compiled.my_name.finditer(text),
        *compiled.name_with_address.finditer(text),
        *compiled.name_here.finditer(text),
    ]
    for match in [*named, *intros]:
        name = clean_name(match.group("name"), compiled.name_stopwords)
        if name is not None and name.split()[-1] not in compiled.not_surnames:
            out.append(
                Finding(
                    PartyCue.OWN_NAME,
                    match.start("name"),
                    match.end("name"),
                    "parties: own name",
                    name,
                )
            )
    for match in _AUTHORS_KIN.finditer(text) if "whose" in text else ():
        who = clean_name(match.group("who"), compiled.name_stopwords)
        name = clean_name(match.group("name"), compiled.name_stopwords)
        if who is not None and name is not None:
            value = f"{who}\n{name}"  # the author, then the relative the victim is
            out.append(Finding(PartyCue.AUTHORS_KIN, match.start(), match.end(), _KIN, value))
    signed = signed_name(text)
    if signed is not None:
        start, end, name = signed
        out.append(Finding(PartyCue.OWN_NAME, start, end, SIGNS_OFF, name))
    for match in EMAIL.finditer(text) if "@" in text else ():
        before = " ".join(text[max(0, match.start() - 80) : match.start()].lower().split())
        if VICTIM_EMAIL_BEFORE.search(before):
            value = match.group(0).rstrip(".")
            out.append(Finding(PartyCue.VICTIM_EMAIL, match.start(), match.end(), _EMAIL, value))
    for match in compiled.phone.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if digits.startswith("44"):
            digits = "0" + digits[2:].lstrip("0")
        if len(digits) not in (10, 11):
            continue
        before = " ".join(text[max(0, match.start() - 60) : match.start()].lower().split()) + " "
        label = (
            PartyCue.VICTIM_PHONE
            if compiled.victim_phone_context.search(before)
            else PartyCue.PHONE
        )
        out.append(
            Finding(
                label,
                match.start(),
                match.end(),
                "parties: UK phone number",
                match.group(0).strip(),
            )
        )
    return out

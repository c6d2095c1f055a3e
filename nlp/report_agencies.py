"""The agencies named in a text (``police``, ``council``, ``housing``, ...) and the reference
numbers written in it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.clauses import unwrapped_text
from nlp.findings import Finding
from nlp.pipeline import doc_text
from nlp.report_matchers import _make_doc, _Matchers, _matchers


def find_references(text: str, matchers: _Matchers) -> list[Finding]:
    """Reference numbers in ``text``, longest match first where patterns overlap."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in matchers.references:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = text[start:end].strip()
            if name == "labelled":
                # Keep the number (and any trailing date); the label word stays out of the value
                # unless it is part of the usual written form (CAD, log).
                label_end = m.start(1)
                head = (
                    text[start:label_end].split()[0].lower()
                    if text[start:label_end].split()
                    else ""
                )
                value = text[label_end:end] if head not in {"cad", "log"} else value
                if head not in {"cad", "log"}:
                    start = label_end
            taken.append((start, end))
            found.append(Finding("reference", start, end, f"reference pattern '{name}'", value))
    found.sort(key=lambda f: f.start)
    return found


def find_agencies(doc: Doc) -> list[Finding]:
    """The agencies named in a tokenised Doc (no other component needed)."""
    return _agencies(doc, _matchers(doc.vocab))


def _agencies(doc: Doc, matchers: _Matchers) -> list[Finding]:
    # a hard-wrapped mail splits "community\nsafety team": read the text with its wraps undone
    unwrapped = unwrapped_text(doc_text(doc))
    if unwrapped is not None:
        doc = _make_doc(doc.vocab, unwrapped)
    spans = []
    for match_id, start, end in matchers.agencies(doc):
        spans.append((start, end, doc.vocab.strings[match_id]))
    # Longest match wins ("council housing" over "housing"; "housing association" over "housing").
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, str]] = []
    for s in spans:
        if chosen and s[0] < chosen[-1][1]:
            if s[1] - s[0] > chosen[-1][1] - chosen[-1][0]:
                chosen[-1] = s
            continue
        chosen.append(s)
    chosen = _departments(doc, chosen)
    out = []
    for start, end, label in chosen:
        span = doc[start:end]
        out.append(
            Finding(label, span.start_char, span.end_char, f"agency phrase for {label}", span.text)
        )
    out.extend(_short_names(doc, chosen))
    out.extend(_initials(doc, chosen, out))
    # "Dartford BC", "Hart DC", "Leicester CC", "Hartlepool BC's ASB team": a council abbreviated
    text = doc_text(doc)
    if "C" in text:
        taken = [(f.start, f.end) for f in out]
        for m in _COUNCIL_ABBREVIATION.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(
                    Finding("council", m.start(), m.end(), "agency phrase for council", m.group(0))
                )
    out.sort(key=lambda f: f.start)
    return out


# A body's own unit or officer named straight after it: "Headland Homes ASB officer" (the
# housing provider's ASB officer, not the council's), "the council's housing team", "DBC Housing
# (tenancy team)" (the borough council's housing service).
_RELEVANT = frozenset({"police", "council", "housing", "health"})
_UNIT_HEADS = frozenset(
    "officer officers team teams unit caseworker caseworkers department service services "
    "manager warden".split()
)
_POSSESSIVE = frozenset({"'s", "’s"})
# "DBC", "HBC", "KMBC": a borough, district, city or metropolitan council by its initials
_COUNCIL_INITIALS = re.compile(r"[A-Z]{1,3}(?:BC|DC|CC|MBC)")
_NOT_COUNCIL = frozenset({"BBC", "ABC", "NBC", "CBC", "CDC"})


def _departments(doc: Doc, chosen: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``chosen`` with a unit named straight after its body given the body's label."""
    out = list(chosen)
    for i, (start, end, label) in enumerate(out):
        if label != "housing" or doc[start].lower_ != "housing" or start == 0:
            continue
        before = doc[start - 1].text
        if _COUNCIL_INITIALS.fullmatch(before) and before not in _NOT_COUNCIL:
            out[i] = (start, end, "council")  # "DBC Housing": the council's housing service
    for i in range(1, len(out)):
        a_start, a_end, body = out[i - 1]
        start, end, label = out[i]
        if body not in _RELEVANT or label == body:
            continue
        gap = start - a_end
        if not (gap == 0 or (gap == 1 and doc[a_end].lower_ in _POSSESSIVE)):
            continue
        unit = doc[end - 1].lower_ in _UNIT_HEADS or (
            body == "council" and doc[start:end].text.lower() == "housing"
        )
        if unit:
            out[i] = (start, end, body)
    return out


# A landlord named in full once ("her landlord Wearvale Housing", "Tees Bay Homes") and later by
# its own name alone ("rang wearvale in the morning"): the name's words before the generic head.
_LANDLORD_HEADS = frozenset({"housing", "homes"})
_NOT_A_NAME = frozenset(
    "the my our her his their your a an social council local private new city county district "
    "borough".split()
)
_NAME_MAX = 3  # words of a landlord's own name


def _short_names(doc: Doc, chosen: list[tuple[int, int, str]]) -> list[Finding]:
    """Later mentions of a housing provider by its own name alone, once named with its head."""
    names: set[tuple[str, ...]] = set()
    taken = {i for start, end, _ in chosen for i in range(start, end)}
    for start, end, label in chosen:
        if label != "housing" or end - start != 1 or doc[start].lower_ not in _LANDLORD_HEADS:
            continue
        if not doc[start].is_title:
            continue
        j = start
        while j > 0 and start - j < _NAME_MAX and doc[j - 1].is_title and j - 1 not in taken:
            j -= 1
        while j < start and doc[j].lower_ in _NOT_A_NAME:
            j += 1
        if j < start and not doc[j].is_sent_start:
            names.add(tuple(t.lower_ for t in doc[j:start]))
    if not names:
        return []
    out = []
    for name in names:
        size = len(name)
        for i in range(len(doc) - size + 1):
            if doc[i].lower_ != name[0] or i in taken:
                continue
            if tuple(t.lower_ for t in doc[i : i + size]) != name or i + size - 1 in taken:
                continue
            if i + size < len(doc) and doc[i + size].lower_ in _LANDLORD_HEADS:
                continue
            span = doc[i : i + size]
            out.append(
                Finding("housing", span.start_char, span.end_char, "agency short name", span.text)
            )
    return out


# A body named in full once ("Darent Valley Housing Association", "Hart District Council") and
# later by its initials ("Reported to DVHA 02/11", "| DVH, 12/11/2026 |"): the initials of its
# capitalised words, the place's words before the phrase included.
_INITIALS_MIN = 3  # letters: "KP" or "EH" are too short to be read as a body
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")


def _initials(doc: Doc, chosen: list[tuple[int, int, str]], named: list[Finding]) -> list[Finding]:
    """Later mentions of an agency by the initials of its full name."""
    text = doc.text
    if not _CAPITALS.search(text):
        return []
    taken = {i for start, end, _ in chosen for i in range(start, end)}
    labels: dict[str, str] = {}
    for start, end, label in chosen:
        words = [t for t in doc[start:end] if t.is_title]
        if len(words) != end - start:
            continue  # "the housing association": a kind of body, not a name
        j = start
        while j > 0 and start - j < _NAME_MAX + 1 and j - 1 not in taken and _in_name(doc, j - 1):
            j -= 1
        while j < start and (doc[j].lower_ in _NOT_A_NAME or not doc[j].is_title):
            j += 1
        # by words as written: the tokenizer cuts "Darent" into "Dare" + "nt"
        letters = "".join(w[0] for w in doc[j:end].text.split())
        if len(letters) >= _INITIALS_MIN:
            labels.setdefault(letters, label)
    if not labels:
        return []
    spans = {(f.start, f.end) for f in named}
    out = []
    written = re.compile(r"\b(?:" + "|".join(map(re.escape, labels)) + r")\b")
    for m in written.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in taken:
            continue
        if _in_reference(doc, span.start):
            continue  # "our ref WVH/ASB/2211": a case number's prefix, not the body told
        start, end = m.span()
        if (start, end) not in spans:
            body = labels[m.group(0)]
            out.append(Finding(body, start, end, "agency initials", m.group(0)))
    return out


def _in_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` may be a word of a body's own name: capitalised, or the tail of a
    capitalised word the tokenizer cut ("Dare" + "nt")."""
    token = doc[i]
    if token.is_title:
        return True
    return (
        i > 0
        and token.is_lower
        and token.is_alpha
        and not doc[i - 1].whitespace_
        and doc[i - 1].is_title
    )


def _in_reference(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is glued to a "/" or "-" of a reference number ("DVH/ASB/2026/117")."""
    text = doc.text
    end = doc[i].idx + len(doc[i].text)
    start = doc[i].idx
    return (end < len(text) and text[end] in "/-") or (start > 0 and text[start - 1] in "/-")


# A council named by its place and an abbreviation (case as written): "Dartford BC", "Hart DC",
# "Stockton-on-Tees BC", "Leicester CC", "Kirklees MBC".
# Not "Yesterday DC Smith came": a detective constable before a name.
_COUNCIL_ABBREVIATION = re.compile(
    r"\b[A-Z][a-z]+(?:[- ][A-Za-z]+){0,2}\s+(?:BC|DC|CC|MBC|UA)\b(?!\s+[A-Z][a-z])"
)

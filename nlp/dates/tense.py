"""Whether a date's own clause tells its day as still to come ("will be unveiled on Wednesday").

Intake is past-leaning: a day without a year is the latest not after the reference day. A day
the clause plainly puts ahead is read forward instead: after a future marker ("will", "'ll",
"is due to", "ahead of", "going to", "this coming", or "coming" after it), after "until" in a
clause told in the present ("may enter until 30 April", "has been bailed until 24 September"),
or after a verb of something scheduled ("closes on 12 May", "starts on 12 May"; not for a
weekday alone, which a diary tells in the present: "it starts on Friday"). A past word between
the marker and the date cancels it ("I will never forget what they did on Friday"), and so
does one just before it ("was due to", "had been planned for").

Only the words before the date, back to the clause's edge (punctuation, a joining word, or a
word that opens a subordinate clause: "I will be grateful if you could look into 3 May" keeps
3 May past), are read: a few tokens, no pass over the text.
"""

from __future__ import annotations

from spacy.tokens import Span

# Where a clause starts, reading back from the date.
_EDGES = frozenset(
    {
        *(".", "!", "?", ";", ":", ",", "(", ")", "-"),
        *("but", "and", "then", "when", "because", "cos", "if", "whether"),
        *("that", "what", "which", "who", "where", "about", "regarding"),
    }
)
_MAX_WORDS = 14

# One word, or two in a row, that tell what follows as still to come.
_FUTURE_WORDS = frozenset({"will", "'ll", "ll", "shall", "gon", "upcoming"})
_FUTURE_PAIRS = frozenset(
    {
        ("due", "to"),
        ("going", "to"),
        ("ahead", "of"),
        ("set", "to"),
        ("set", "for"),
        ("expected", "to"),
        ("scheduled", "for"),
        ("scheduled", "to"),
        ("planned", "for"),
        ("booked", "for"),
        ("listed", "for"),
    }
)
# Words that put the clause in the past, or make it a memory of the past (verbs in "-ed" are
# read by their ending).
_PAST_WORDS = frozenset(
    {
        *("was", "were", "had", "did", "'d", "said", "told", "forget", "remember", "saw"),
        *("went", "came", "threw", "broke", "took", "ran", "spat", "stole", "got", "left"),
        *("made", "kept", "gave", "hit", "smashed", "kicked", "shouted", "set", "began"),
    }
)
_MAX_AFTER = 6
# Words before "coming" that make it what is still to come ("this coming", "is coming").
_COMING_BEFORE = frozenset({"this", "the", "is", "are", "'s", "'re", "am", "'m"})
# Words after which a participle is still part of a future or present ("will be unveiled").
_PASSIVE = frozenset({"be", "been", "being", "get", "is", "are", "'s", "'re"})
# The clause is told in the present ("may enter ... until 30 April").
_PRESENT_WORDS = frozenset(
    {
        "may",
        "can",
        "must",
        "cannot",
        "is",
        "are",
        "'s",
        "'re",
        "has",
        "have",
        "'ve",
        "remains",
        "remain",
        "stays",
        "lasts",
        "runs",
        "continues",
        "applies",
    }
)
# Verbs of something scheduled, right before the date (or before "on" / "from").
_SCHEDULED = frozenset(
    {
        "starts",
        "begins",
        "opens",
        "reopens",
        "closes",
        "ends",
        "returns",
        "resumes",
        "expires",
        "runs",
        "finishes",
        "launches",
    }
)


def _clause_words(span: Span) -> list[str]:
    """The lower-case words before ``span`` back to its clause's edge, in text order."""
    doc = span.doc
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and len(words) < _MAX_WORDS:
        token = doc[i]
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        if not token.is_space:
            if token.lower_ in _EDGES:
                break
            name = token.text == "Will" and not token.is_sent_start  # "my neighbour Will"
            words.append("" if name else token.lower_)
        i -= 1
    words.reverse()
    while words and words[-1] == "the":  # "until the Easter bank holiday"
        words.pop()
    return words


def _past_between(words: list[str]) -> bool:
    for i, w in enumerate(words):
        if w in _PAST_WORDS:
            return True
        if len(w) > 4 and w.endswith("ed") and (i == 0 or words[i - 1] not in _PASSIVE):
            return True  # "what they caused on Friday"; "will be unveiled" is not
    return False


def _past_after(span: Span) -> bool:
    """Whether a past verb follows the date in its clause: told without punctuation, "they will
    not leave us alone on the 26th they threw stones" tells the 26th in the past."""
    doc = span.doc
    words: list[str] = []
    for token in doc[span.end : span.end + 2 * _MAX_AFTER]:
        if "\n" in token.text or token.lower_ in _EDGES or len(words) == _MAX_AFTER:
            break
        if not token.is_space:
            words.append(token.lower_)
    return _past_between(words)


def _arranged(words: list[str]) -> bool:
    """Whether the clause tells an arrangement in the present: "he's got the clinic on the
    12th", "hes coming up from Leeds on the 28th" (the date phrase holds its "on")."""
    for i, w in enumerate(words[:-1]):
        if w not in _BE_PRESENT:
            continue
        nxt = words[i + 1]
        if nxt in _ARRANGED_VERBS and not _past_between(words[i + 2 :]):
            return True  # "is coming up from Leeds", "are going to his"
        if w in _HAVE_PRESENT and nxt == "got" and 1 <= len(words) - i - 2 <= 3:
            return True  # "he's got the memory clinic"
    return False


_BE_PRESENT = frozenset(
    {"is", "'s", "s", "are", "'re", "re", "am", "'m", "im", "has", "have", "'ve"}
)
_HAVE_PRESENT = frozenset({"'s", "has", "have", "'ve"})
_ARRANGED_VERBS = frozenset({"coming", "going", "visiting", "flying", "driving", "travelling"})


def told_as_future(span: Span, weekday_only: bool) -> bool:
    """Whether ``span``'s own clause tells its day as still to come (see the module)."""
    return _told_ahead(span, weekday_only) and not _past_after(span)


def _told_ahead(span: Span, weekday_only: bool) -> bool:
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "coming":
        return True  # "Friday coming"
    words = _clause_words(span)
    if not words:
        return False
    if words[-1] == "coming" and len(words) > 1 and words[-2] in _COMING_BEFORE:
        return True  # "this coming Friday", "my CPN is coming on Monday"
    if _arranged(words):
        return True
    for i, w in enumerate(words):
        marker = 0
        if w in _FUTURE_WORDS:
            marker = 1
        elif i + 1 < len(words) and (w, words[i + 1]) in _FUTURE_PAIRS:
            marker = 2
        if marker and not _past_between(words[i + marker :]):
            # "was due to", "had been planned for", "were going to": a plan told as past
            return not _PAST_WORDS.intersection(words[max(0, i - 3) : i])
    last = words[-1]
    if last in ("until", "till", "til"):
        clause = words[:-1]
        return any(w in _PRESENT_WORDS for w in clause) and not _past_between(clause)
    if weekday_only:
        return False
    verb = words[-2] if last in ("on", "from") and len(words) >= 2 else last
    return verb in _SCHEDULED

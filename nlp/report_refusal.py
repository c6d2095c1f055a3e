"""A report kept from being made by someone else's word: "she would not let me ring anyone",
"he didn't want me to call the police", "they wouldn't allow us to report it", "mum wont let me
tell anyone". The negation stands before the permission, not before the report verb, so
:mod:`nlp.reports` asks here whether a report cue is one refused (no report made) rather than one
only wished or planned.
"""

from __future__ import annotations

from spacy.tokens import Doc

# The permission words and who they were refused to
_PERMIT = frozenset("let lets letting allow allowed allows want wanted wants wanting".split())
_WHOM = frozenset("me us her him them my".split())
_NEGATIONS = frozenset(
    "not n't n’t nt never didnt wouldnt wont won't dont doesnt didn't wouldn't don't doesn't "
    "refused refuses".split()
)
_BRIDGE = frozenset("to even just really".split())


def refused(doc: Doc, token_index: int) -> bool:
    """Whether the report verb at *token_index* follows "not let me", "didn't want me to"."""
    j = token_index - 1
    while j >= 0 and doc[j].lower_ in _BRIDGE and token_index - j <= 2:
        j -= 1
    if j < 1 or doc[j].lower_ not in _WHOM or doc[j - 1].lower_ not in _PERMIT:
        return False
    before = [doc[k].lower_ for k in range(max(0, j - 4), j - 1)]
    return any(w in _NEGATIONS or w.endswith(("n't", "n’t")) for w in before)

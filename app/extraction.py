"""The drafting use case: a document becomes a draft application checked against a profile.

``nlp`` says what the text tells; the threshold engine (``trigger``) says what that means under
the area's policy. This is the one place the two meet, for ``trigger extract``, the drafting
worker and every channel that drafts.
"""

from __future__ import annotations

from nlp.document import Document
from nlp.extract import Extractor
from trigger.draft import Draft
from trigger.profiles import Profile
from trigger.threshold import threshold_result


def draft_application(
    extractor: Extractor, document: Document, profile: Profile, *, source: str | None = None
) -> Draft:
    """The draft application ``document`` tells, with ``profile``'s threshold decision."""
    draft = extractor.extract(document, source=source)
    draft.threshold = threshold_result(draft, profile)
    return draft

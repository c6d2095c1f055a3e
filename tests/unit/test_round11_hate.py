"""nlp.hate: causes found on first-contact text (round 11), each tested as a family of phrasings
of our own, with near-misses that must not change.

- "<group> out" written on a front door, back wall or garage door is the same hostile graffiti
  as on "the door": the surface may carry a word before it.
- Abuse shouted (yelled, sneered, "had a go", nasty comments) about the victim's own headscarf,
  faith, turban or wheelchair is hostility about that identity; the same verb about a dog, a car,
  or a wheelchair "blocking the path" is not.
- "Trans abuse", "gay abuse", "religious abuse", "disability abuse" shouted at or given to the
  victim name the strand as "transphobic abuse" does; "mental abuse" (psychological) and an
  abuse support service do not.
"""

from __future__ import annotations

import pytest

from nlp.hate import hate_strands
from trigger.vocabulary import HateStrand as H


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("Last night somebody painted jews out on our front door.", H.RELIGION),
        ("Someone sprayed gays out on the garage door over the weekend.", H.SEXUAL_ORIENTATION),
        ("They scrawled muslims out on my back wall again.", H.RELIGION),
    ],
)
def test_group_out_on_a_named_surface(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone wrote bins out on the front door as a reminder.",
        "The kids shouted get out at the front door.",
    ],
)
def test_no_group_out_without_a_group(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("A woman at the bus stop yelled at my sister about her hijab.", H.RELIGION),
        ("He made nasty comments about my turban, in front of the kids.", H.RELIGION),
        ("Two lads had a go at us about our faith.", H.RELIGION),
        ("The man next door sneered at my son about his wheelchair.", H.DISABILITY),
    ],
)
def test_abuse_about_the_victims_identity(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "He shouted at me about my wheelchair blocking the path.",
        "She yelled at me about my car being parked across her drive.",
        "My neighbour spoke to me about my religion over a cup of tea.",
        "He shouted at me about my dog and my bins.",
    ],
)
def test_no_strand_for_other_complaints(text: str) -> None:
    assert hate_strands(text) == set()


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        (
            "Walking back from the shop they kept yelling trans abuse at my partner.",
            H.TRANSGENDER_IDENTITY,
        ),
        ("We have been getting gay abuse from the flat upstairs since June.", H.SEXUAL_ORIENTATION),
        ("My mum suffers religious abuse from the lads on the corner.", H.RELIGION),
        ("He hurled disability abuse at my brother outside the chemist.", H.DISABILITY),
    ],
)
def test_identity_word_before_abuse(text: str, strand: H) -> None:
    assert strand in hate_strands(text)


@pytest.mark.parametrize(
    "text",
    [
        "She got years of mental abuse from her ex.",
        "My sister volunteers at a gay abuse support line.",
        "He was shouting abuse at the trans-pennine bus driver.",
    ],
)
def test_no_strand_for_other_abuse(text: str) -> None:
    assert hate_strands(text) == set()

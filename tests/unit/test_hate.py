"""nlp.hate: hostile markers give a strand; neutral mentions, culprits, disclaimers do not."""

from __future__ import annotations

from datetime import UTC

import pytest

from nlp.hate import KEY, find_hate_markers, find_hate_markers_in_answer, hate_strands
from nlp.lexicon import load_data
from trigger.vocabulary import HateStrand as H


def strands(text: str) -> set[str]:
    return {f.label for f in find_hate_markers(text)}


# Abusive terms stay in nlp/patterns/slurs.json: the tests draw them from there and disguise them
# the way people do, so no slur is spelled out in test code or in test ids.
_SLURS = load_data("slurs.json")


def term(strand: H, index: int = 0, *, ambiguous: bool = False) -> str:
    """The index-th single-word term of the lexicon for ``strand`` (ambiguous ones on request)."""
    words = sorted(
        t
        for t, s in _SLURS["terms"].items()
        if s == strand.value and " " not in t and "-" not in t and len(t) >= 4
        if (t in _SLURS["ambiguous"]) == ambiguous
    )
    return words[index % len(words)]


def phrase(strand: H) -> str:
    """A several-word lexicon term for ``strand``."""
    return sorted(
        t
        for t, s in _SLURS["terms"].items()
        if s == strand.value and " " in t
        if t not in _SLURS["ambiguous"]
    )[0]


def star(word: str) -> str:
    return word[0] + "*" + word[2:]


def leet(word: str) -> str:
    for letter, digit in (("a", "4"), ("i", "1"), ("o", "0"), ("e", "3")):
        if letter in word[1:]:
            return word[0] + word[1:].replace(letter, digit, 1)
    return word


def stretch(word: str) -> str:
    return word[:2] + word[1] * 3 + word[2:]


def spaced(word: str) -> str:
    return " ".join(word)


def dotted(word: str) -> str:
    return ".".join(word)


def swap(word: str) -> str:
    return word[0] + word[2] + word[1] + word[3:]


def drop(word: str) -> str:
    return word[:3] + word[4:]


DISGUISES = {
    "plain": str,
    "star": star,
    "leet": leet,
    "stretch": stretch,
    "spaced": spaced,
    "dotted": dotted,
}
SLUR_STRANDS = [
    H.RACE,
    H.RELIGION,
    H.DISABILITY,
    H.SEXUAL_ORIENTATION,
    H.TRANSGENDER_IDENTITY,
    H.SEX,
]


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize("strand", SLUR_STRANDS)
def test_slur_in_any_disguise_gives_its_strand(strand: H, disguise: str) -> None:
    word = DISGUISES[disguise](term(strand))
    assert strands(f"Last night he called me a {word} in the street.") == {strand.value}


@pytest.mark.parametrize("strand", SLUR_STRANDS)
def test_every_listed_term_of_a_strand_is_recognised_when_shouted(strand: H) -> None:
    terms = [t for t, s in _SLURS["terms"].items() if s == strand.value]
    missed = [
        i for i, t in enumerate(terms) if strands(f'He shouted "{t}" at me.') != {strand.value}
    ]
    assert missed == []


@pytest.mark.parametrize("slip", [swap, drop], ids=["swapped letters", "dropped letter"])
@pytest.mark.parametrize("strand", [H.RACE, H.DISABILITY, H.TRANSGENDER_IDENTITY])
def test_a_slip_of_the_keyboard_in_a_long_slur_is_still_recognised(strand: H, slip: object) -> None:
    long_terms = [t for t in (term(strand, i) for i in range(6)) if len(t) >= 6]
    assert callable(slip) and long_terms
    assert strands(f"they called me a {slip(long_terms[0])}") == {strand.value}


@pytest.mark.parametrize(
    ("sentence", "strand"),
    [
        ("She shouted {w} at my son.", H.RACE),
        ("you dirty {w}", H.RACE),
        ("They keep calling him a {w}.", H.DISABILITY),
        ("He called her a {w} in front of the kids.", H.SEX),
        ("They keep shouting '{w}' at my daughter.", H.TRANSGENDER_IDENTITY),
    ],
    ids=["shouted at", "addressed", "calling him", "in front of", "quoted"],
)
def test_slur_in_everyday_report_sentences(sentence: str, strand: H) -> None:
    assert strands(sentence.format(w=star(term(strand)))) == {strand.value}


@pytest.mark.parametrize(
    ("sentence", "strand"),
    [
        ("You are just a {w} to me.", H.SEXUAL_ORIENTATION),
        ("He wrote '{w}' on our door.", H.SEXUAL_ORIENTATION),
        ("they called my wife a {w} again", H.SEXUAL_ORIENTATION),
    ],
    ids=["addressed", "written in quotes", "called"],
)
def test_word_with_innocent_senses_counts_when_used_as_abuse(sentence: str, strand: H) -> None:
    assert strands(sentence.format(w=leet(term(strand, ambiguous=True)))) == {strand.value}


def test_several_word_terms_count() -> None:
    assert strands(f"he called me a {phrase(H.AGE)}") == {H.AGE.value}


HOSTILE = [
    # slurs, including obfuscated and self-censored spellings
    ("he called me the p-word again", H.RACE),
    ("She called me a dirty Jew.", H.RELIGION),
    # hostile phrases aimed at the victim
    ("Go back to your own country!", H.RACE),
    ("they shouted go back where you came from", H.RACE),
    ("He said 'speak English or go home'.", H.RACE),
    ("They made monkey noises at my husband.", H.RACE),
    ("He called me a terrorist because I wear a headscarf", H.RELIGION),
    ("They threw bacon at the mosque.", H.RELIGION),
    ("he keeps mimicking my stammer", H.DISABILITY),
    ("he kicked my wheelchair over", H.DISABILITY),
    ("he keeps deadnaming me in front of everyone", H.TRANSGENDER_IDENTITY),
    ("she said I was a man in a dress", H.TRANSGENDER_IDENTITY),
    ("they keep calling my daughter 'it'", H.TRANSGENDER_IDENTITY),
    ("They shouted 'old witch' at me.", H.AGE),
    ("Old people like you should be in a care home", H.AGE),
    ("he said women belong in the kitchen", H.SEX),
    ("She mocked my baby bump and laughed", H.PREGNANCY_MATERNITY),
    (
        "she told me to cover up while breastfeeding, it was disgusting she said",
        H.PREGNANCY_MATERNITY,
    ),
    ("she called me a fat pregnant cow", H.PREGNANCY_MATERNITY),
    ("he said our civil partnership is a joke and a sham", H.MARRIAGE_CIVIL_PARTNERSHIP),
    # identity word welded to an insult
    ("they said I was a black b***h", H.RACE),
    ("he shouted polish scum at my dad", H.RACE),
    # derogation, threats and exclusion aimed at a group
    ("I hate Muslims.", H.RELIGION),
    ("Black people are nothing but animals.", H.RACE),
    ("Disabled people are a burden on society.", H.DISABILITY),
    ("Gay people should all be shot.", H.SEXUAL_ORIENTATION),
    ("Trans people are not real women.", H.TRANSGENDER_IDENTITY),
    ("Women are worthless.", H.SEX),
    ("Immigrants are vermin.", H.RACE),
    ("I'm going to kill every Muslim I see.", H.RELIGION),
    ("We should get rid of all the immigrants.", H.RACE),
    ("Why are all Muslims so disgusting?", H.RELIGION),
    ("no gays round here", H.SEXUAL_ORIENTATION),
    ("I have met many Muslims and I hate every single one of them.", H.RELIGION),
    ("I h4te gays", H.SEXUAL_ORIENTATION),
    ("muslims are d i s g u s t i n g", H.RELIGION),
    ("I'm not racist but I hate immigrants", H.RACE),
    # perceived motivation and labels
    ("I think it's because of my wheelchair", H.DISABILITY),
    ("I'm being targeted because I'm Polish", H.RACE),
    ("It was racially motivated", H.RACE),
    ("He said it's a hate crime because of my religion", H.RELIGION),
    ("they target us because we're a gay couple", H.SEXUAL_ORIENTATION),
    ("They laughed at my son because of his autism", H.DISABILITY),
    ("they pick on me because I'm a woman on my own", H.SEX),
    ("Its cos im gay i know it", H.SEXUAL_ORIENTATION),
    ("they pick on us for being in a civil partnership", H.MARRIAGE_CIVIL_PARTNERSHIP),
    ("it's all about my pregnancy, it started when I began to show", H.PREGNANCY_MATERNITY),
    ("they go for me because I'm old", H.AGE),
    ("The abuse is homophobic.", H.SEXUAL_ORIENTATION),
    ("the police logged it as a transphobic incident", H.TRANSGENDER_IDENTITY),
    ("They said it wasn't homophobic but it obviously was", H.SEXUAL_ORIENTATION),
]


@pytest.mark.parametrize(("text", "strand"), HOSTILE)
def test_hostile_marker_gives_its_strand(text: str, strand: H) -> None:
    assert strands(text) == {strand.value}


NO_STRAND = [
    # friendly or neutral identity mentions
    "I'm a Muslim.",
    "My Muslim neighbour helped me carry the shopping.",
    "We're a gay couple and love it here.",
    "I walk past the mosque every day.",
    "My disabled son's carer comes every morning.",
    "I'm 82 and live alone.",
    "I'm pregnant with my second child.",
    "I've been married for forty years.",
    "My daughter is transgender and she's scared to go out.",
    "I am a Christian and go to church on Sundays.",
    "We moved here from Romania in 2015.",
    "I love gay people.",
    "Immigrants are welcome here.",
    "Trans people deserve respect.",
    "I'm a proud queer woman.",
    # the culprit's own characteristics
    "The Muslim lads next door play music all night.",
    "A group of Polish men were drinking on the wall.",
    "He's in a wheelchair himself but he still throws stones.",
    "The Polish family next door shout abuse at me every night.",
    "He is black and he's the one causing the trouble.",
    # disclaimers and negations
    "I don't think it's racist.",
    "It's not because of my religion.",
    "It's nothing to do with race.",
    "It's not a hate thing, they just like the noise.",
    "I'm not sure if it's racially motivated",
    "it isn't racist, he's just a horrible man",
    "He's not racist, he's just a nasty man who hates everyone.",
    "I don't hate Muslims.",
    "Muslims are not disgusting.",
    # indiscriminate abuse
    "They call everyone names, it's not aimed at me.",
    "he shouts abuse at anyone who walks past",
    # homonyms, counter-speech, abuse of no protected group
    "I had this queer feeling in my stomach.",
    "We had faggots and peas for tea.",
    "He smokes a fag at the gate every morning.",
    "Statements like 'Muslims are scum' are deeply hurtful.",
    "You make me sick.",
    "Artists are parasites.",
    "He called me a bastard.",
    "I hate it when they park across my drive.",
    "My black cat was sitting on the wall.",
    "I can't stand the noise from the gay bar.",
    "he said no one wants your sort here",
]


@pytest.mark.parametrize("text", NO_STRAND)
def test_no_hostility_towards_the_victim_gives_no_strand(text: str) -> None:
    assert strands(text) == set()


def test_disclaimer_removes_only_the_strand_it_disclaims() -> None:
    text = (
        "My partner is Black and people asked whether this is racial, "
        "but I don't think it's racist. "
        f"He shouted {star(term(H.SEXUAL_ORIENTATION))}s at us because we are gay."
    )
    assert hate_strands(text) == {H.SEXUAL_ORIENTATION}


def test_two_strands_in_one_account_are_both_found() -> None:
    text = f"He called me a {star(term(H.RACE))}. Another time he kicked my wheelchair over."
    assert hate_strands(text) == {H.RACE, H.DISABILITY}


def test_finding_span_covers_the_abusive_word_and_explanation_does_not_repeat_it() -> None:
    word = term(H.RACE)
    text = f"Last night he called me a {leet(word)} and left."
    [finding] = find_hate_markers(text)
    assert text[finding.start : finding.end] == leet(word)
    assert leet(word) not in finding.explanation and word not in finding.explanation
    assert finding.label == H.RACE.value


def test_offsets_point_into_the_original_text_across_lines() -> None:
    text = "Hello,\n\nWe are being targeted by the man \nnext door because we are a gay couple.\n"
    [finding] = find_hate_markers(text)
    assert text[finding.start : finding.end] == "because we are a gay couple"


def test_component_writes_findings_to_doc_spans() -> None:
    from datetime import datetime

    from nlp.pipeline import analyse, build_pipeline, findings

    nlp = build_pipeline()
    assert "trigger_hate" in nlp.pipe_names
    doc = analyse(
        nlp,
        "They told me to go back to my own country.",
        datetime(2026, 10, 1, tzinfo=UTC),
    )
    assert [f.label for f in findings(doc, KEY)] == [H.RACE.value]


def test_soft_wrapped_lines_with_carriage_returns_stay_one_sentence() -> None:
    text = "They pick on us \r\nbecause we are \r\ngay.\r\n"
    assert hate_strands(text) == {H.SEXUAL_ORIENTATION}


# Statements about a whole group, in the manner of functional test suites for hate speech:
# every hostile shape must give the group's strand, every neutral or supportive shape none.
GROUPS = {
    "women": (H.SEX, "a woman"),
    "trans people": (H.TRANSGENDER_IDENTITY, "a trans person"),
    "gay people": (H.SEXUAL_ORIENTATION, "a gay person"),
    "lesbians": (H.SEXUAL_ORIENTATION, "a lesbian"),
    "black people": (H.RACE, "a black person"),
    "immigrants": (H.RACE, "an immigrant"),
    "Pakistanis": (H.RACE, "a Pakistani"),
    "disabled people": (H.DISABILITY, "a disabled person"),
    "Muslims": (H.RELIGION, "a Muslim"),
    "Jews": (H.RELIGION, "a Jew"),
    "old people": (H.AGE, "an old person"),
    "pensioners": (H.AGE, "a pensioner"),
    "pregnant women": (H.PREGNANCY_MATERNITY, "a pregnant woman"),
}
HOSTILE_SHAPES = [
    "I really can't stand {g}.",
    "{G} make me sick.",
    "{G} are nothing but vermin.",
    "{G} belong in a zoo.",
    "The world would be better without {g}.",
    "I am going to shoot the next {n} I see.",
    "We should get rid of {g} once and for all.",
    "Fuck all {g}.",
    "{G} are not human.",
    "Aren't {g} just the worst?",
    "In my opinion {g} are utterly worthless.",
    "Isn't it typical of {s} to be that stupid?",
    "No one wants {g} around here.",
    "I'd rather die than live next to {g}.",
    "I haet {g}.",
]
NEUTRAL_SHAPES = [
    "We are a group of {g}.",
    "I live with two {g}.",
    "{G} are great.",
    "{G} are not disgusting.",
    "No {s} deserves to die.",
    "I don't hate {g}.",
    "You have to stop calling {g} disgusting.",
    "If you say 'I hate {g}', you are a bigot.",
    "{G} should be treated with respect.",
    "My best friend is {s}.",
]


def _fill(shape: str, group: str) -> str:
    one = GROUPS[group][1]
    return shape.format(g=group, G=group[0].upper() + group[1:], s=one, n=one.split(" ", 1)[1])


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("shape", HOSTILE_SHAPES)
def test_hostile_statement_about_a_group_gives_its_strand(shape: str, group: str) -> None:
    assert strands(_fill(shape, group)) == {GROUPS[group][0].value}


@pytest.mark.parametrize("group", GROUPS)
@pytest.mark.parametrize("shape", NEUTRAL_SHAPES)
def test_neutral_or_supportive_statement_about_a_group_gives_no_strand(
    shape: str, group: str
) -> None:
    assert strands(_fill(shape, group)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Muslims are disgsting", {H.RELIGION}),
        ("black people are vremin", {H.RACE}),
        ("the garage door was smashed again", set()),
        ("he plays heavy metal all night", set()),
        ("they told me to go back to Ukraine", {H.RACE}),
        ("she keeps mocking my accent", {H.RACE}),
        ("he called me a bloody foreigner", {H.RACE}),
        ("I think it's a race thing", {H.RACE}),
        ("I don't know if it's because I'm gay", set()),
        ("I went back to Poland for Christmas", set()),
        ("it is a race to the bottom round here", set()),
    ],
)
def test_slips_of_the_keyboard_and_everyday_homographs(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They called me a terrorist.", {H.RELIGION}),
        ('he shouted that I was a "terrorist"', {H.RELIGION}),
        ("I wear a hijab and they called me a terrorist", {H.RELIGION}),
        ("I am Arab and they called me a terrorist", {H.RACE}),
        ("Mrs Khan, who wears a hijab, has been called a terrorist", {H.RELIGION}),
        ("the police said he was a terrorist sympathiser", set()),
        ("the news said the terrorists were caught", set()),
    ],
)
def test_terrorist_aimed_at_the_victim_is_religion_or_race_by_context(
    text: str, expected: set[H]
) -> None:
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They left an old bag of rubbish by my door.", set()),
        ("he set a trap and called the police", set()),
        ("went on a bender and made noise all night", set()),
        ("I was crippled by the pain in my back", set()),
        ("they called me an old bag", {H.AGE}),
        ("he called her a tart in the street", {H.SEX}),
        ("What is it: the Community Trigger explained", set()),
        ('they shouted "what are you?" at me', {H.TRANSGENDER_IDENTITY}),
    ],
)
def test_words_with_innocent_senses_count_only_as_abuse(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}


TARGETING_QUESTION = (
    "Do you feel you've been targeted because of who you are, for example your race, "
    "religion or a disability?"
)


@pytest.mark.parametrize(
    ("answer", "prompt", "expected"),
    [
        ("yes, my religion", TARGETING_QUESTION, {H.RELIGION}),
        ("yeah im gay", TARGETING_QUESTION, {H.SEXUAL_ORIENTATION}),
        ("yes because I wear a hijab", TARGETING_QUESTION, {H.RELIGION}),
        ("no nothing like that, theyre just a nightmare family", TARGETING_QUESTION, set()),
        ("yes", TARGETING_QUESTION, set()),
        ("yes, my religion", "When did that happen?", set()),
        ("yeah im gay", None, set()),
    ],
)
def test_short_answer_to_the_targeting_question(
    answer: str, prompt: str | None, expected: set[H]
) -> None:
    found = {f.label for f in find_hate_markers_in_answer(answer, prompt)}
    assert found == {s.value for s in expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("they laughed at me breastfeeding in my own garden", {H.PREGNANCY_MATERNITY}),
        ("he keeps making sexual comments at me when I walk past", {H.SEX}),
        ("the man upstairs groped me on the stairs", {H.SEX}),
        ("I breastfeed my baby in the garden", set()),
        ("the sexual health clinic is next door", set()),
    ],
)
def test_abuse_of_new_mothers_and_sexual_harassment(text: str, expected: set[H]) -> None:
    assert strands(text) == {s.value for s in expected}


def test_a_slur_aimed_at_the_victim_survives_a_sentence_about_abusing_everyone() -> None:
    word = star(term(H.RACE))
    assert strands(f"They call everyone names but they called me a {word}") == {H.RACE.value}
    assert strands(f"they call everyone {word}s round here") == set()


# Abuse-phrase families per strand, perceived-motivation statements and obfuscated identity words.
FAMILIES = [
    # marriage and civil partnership: the status itself derided
    ("he told us our wedding certificate is worthless", H.MARRIAGE_CIVIL_PARTNERSHIP),
    ('she said a civil partnership "isn\'t a real marriage"', H.MARRIAGE_CIVIL_PARTNERSHIP),
    ("he keeps shouting that we're living in sin", H.MARRIAGE_CIVIL_PARTNERSHIP),
    (
        "he said people like us shouldn't be allowed to call themselves married",
        H.MARRIAGE_CIVIL_PARTNERSHIP,
    ),
    ("I'm certain it's about our civil partnership.", H.MARRIAGE_CIVIL_PARTNERSHIP),
    # sex: women as a group, threats to a woman on her own
    ("he said women like you need a good slap", H.SEX),
    ("she said girls like me shouldn't be out on their own", H.SEX),
    ("that's what happens when you let a woman live by herself, he said", H.SEX),
    ("he keeps wolf-whistling at me from the balcony", H.SEX),
    ("It's because I'm a woman living alone, I know it.", H.SEX),
    # pregnancy and maternity: breeding, benefits, threats to the bump or the baby
    ("she said I should stop breeding", H.PREGNANCY_MATERNITY),
    ("he said I'm always popping out kids for a council house", H.PREGNANCY_MATERNITY),
    ("she said there's another brat on the way", H.PREGNANCY_MATERNITY),
    ("he threatened to punch my bump", H.PREGNANCY_MATERNITY),
    ("she yelled that social services will take your baby off you", H.PREGNANCY_MATERNITY),
    ("He said expectant mothers like me shouldn't be allowed in the park.", H.PREGNANCY_MATERNITY),
    # religion: faith, places and objects attacked, minority faiths
    ("he shouted f*ck your synagogue at us", H.RELIGION),
    ("they told us we don't want your religion round here", H.RELIGION),
    ("someone pulled down our prayer flags and burnt them", H.RELIGION),
    ("a man tugged at my husband's turban in the queue", H.RELIGION),
    ("they call us M*rmon freaks", H.RELIGION),
    ("We're Buddhists and everyone knows it, that's why they pick on us.", H.RELIGION),
    ("It all started after I told them I was pregnant.", H.PREGNANCY_MATERNITY),
    ("I feel I'm being targeted as a gay man.", H.SEXUAL_ORIENTATION),
    ("he keeps making comments about my body when I hang the washing out", H.SEX),
    ("they keep saying our kids will be bullied because we're mixed race", H.RACE),
    ("he mimics my daughter's tics", H.DISABILITY),
    ("they laughed at my son's hearing aids", H.DISABILITY),
    ("he keeps saying I'm faking my disability", H.DISABILITY),
    ("he says Poles are stealing our jobs", H.RACE),
    ("someone put a note saying 'no Romanians' through the door", H.RACE),
    ("they called my husband Bin Laden", H.RELIGION),
    ("he said 'you should be dead at your age'", H.AGE),
    ("she calls me by my old name to wind me up", H.TRANSGENDER_IDENTITY),
    ("they call me 'sir' on purpose even though I've told them", H.TRANSGENDER_IDENTITY),
    ("they wrote 'freak' on my door because I'm trans", H.TRANSGENDER_IDENTITY),
    ("The only reason they do it is because I'm Jewish.", H.RELIGION),
    ("the reason is our civil partnership, I'm sure", H.MARRIAGE_CIVIL_PARTNERSHIP),
    ("he said 'you lot stink of curry'", H.RACE),
    # singled out: only one group gets it
    ("I have no doubt it's because I'm Jewish.", H.RELIGION),
    ("He only ever picks on the women in the flats.", H.SEX),
    ("he never talks to the men on our landing like that", H.SEX),
    ("They only go for the disabled residents.", H.DISABILITY),
    ("he said girls like us should learn our place", H.SEX),
    # graffiti naming a group to drive out
    ("someone sprayed 'muslims out' on our van", H.RELIGION),
    ("they chanted g a y s out at us", H.SEXUAL_ORIENTATION),
    # transgender identity: misgendering shouted at the victim
    ("they shouted at me 'you're still a man!' and laughed", H.TRANSGENDER_IDENTITY),
    ("he keeps asking me what's in my knickers, I'm trans and he knows", H.TRANSGENDER_IDENTITY),
]


@pytest.mark.parametrize(("text", "strand"), FAMILIES)
def test_abuse_phrase_families_give_their_strand(text: str, strand: H) -> None:
    assert strands(text) == {strand.value}


FAMILY_NEGATIVES = [
    # friendly or neutral mentions of the same identities and things
    "My wife and I have been married for forty years and the street came to our party.",
    "We had our civil partnership at the town hall last year.",
    "Women like me who work nights need sleep in the day.",
    "Old people should stay indoors in a heatwave, the radio said.",
    "Pensioners need it more than anyone, the bus is a lifeline.",
    "The man next door shouted at me because my baby was crying at night.",
    "She said my baby will be taken to nursery by my mum on Mondays.",
    "She keeps popping out to the shop and leaving the dog barking.",
    "I was cross because they woke the baby again.",
    "They broke in because we were in church all morning.",
    "The vicar from our church has been very supportive.",
    "My neighbour is a Jehovah's Witness and she has been lovely to us.",
    "He kicked the gate and broke the cross bar.",
    "I'm pregnant and the noise keeps me awake, I rang the council.",
    "I'm disabled, that's why I called the police rather than go out.",
    "We're Sikh and that's why we go to the gurdwara on Sundays.",
    "They shouted 'it's a man!' when the postman came up the path.",
    "Nobody wants your rubbish in their garden.",
    "That's what happens when you let an English bulldog off the lead.",
    "He shouted the Polish lads out of the pub at closing time.",
    "The reason I'm writing is my age, I can't get out to the office.",
    "The takeaway extractor fan means the close smells of curry all night.",
    "They were shouting, the old men out on the benches were scared.",
    "He said f*** your car and kicked it.",
    "They smeared eggs all over my wheelchair ramp.",
    "He only ever does it when the men are at work.",
    "They only go for the white van parked outside.",
    "I moved here after I told them I was pregnant and needed a bigger flat.",
    "I was abused as a child and the shouting brings it back.",
    "My son's hearing aids were in for repair that week.",
    "The Polish shop at the end of the road has been broken into.",
    "Sorry, I called the officer 'sir' by mistake.",
    # the victim's own disability mentioned, no hostility
    "As you know I have MS and I'm in my wheelchair all day now.",
    # disclaimed or doubted motivation
    "I don't think this is about our marriage, they do it to everyone.",
    "I don't believe it's because I'm pregnant.",
    "I doubt it's about my religion, they are like this with everybody.",
]


@pytest.mark.parametrize("text", FAMILY_NEGATIVES)
def test_neutral_mentions_and_doubted_motivation_give_no_strand(text: str) -> None:
    assert strands(text) == set()


_MULTI_WORD = sorted(
    (t, H(s))
    for t, s in _SLURS["terms"].items()
    if " " in t and t not in _SLURS["ambiguous"] and any(len(w) >= 5 for w in t.split())
)


@pytest.mark.parametrize(
    ("words", "strand"), _MULTI_WORD, ids=lambda v: getattr(v, "value", "term")
)
def test_several_word_term_with_a_hidden_letter_is_still_recognised(words: str, strand: H) -> None:
    hidden = " ".join(star(w) if len(w) >= 5 else w for w in words.split())
    assert strands(f"they shouted '{hidden} out' at us") == {strand.value}


@pytest.mark.parametrize(
    ("text", "strand"),
    [
        ("they shouted 'f*ck your m*sque' at my dad", H.RELIGION),
        ("he called my son a J*hovah freak", H.RELIGION),
        (
            "She said it's all because I'm pr*gnant, that's why they target me.",
            H.PREGNANCY_MATERNITY,
        ),
    ],
)
def test_hidden_letters_in_identity_words_are_undone(text: str, strand: H) -> None:
    assert strands(text) == {strand.value}


def test_context_bound_phrase_counts_only_where_the_account_names_the_strand() -> None:
    assert strands("I'm trans. They keep asking what's in my pants.") == {
        H.TRANSGENDER_IDENTITY.value
    }
    assert strands("They keep asking what's in my pants.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chat message on its own: shouted at the victim, the words need no other mention
        ("they threw a drink over me shouting 'it's a man!'", {H.TRANSGENDER_IDENTITY}),
        ("she was screaming that my baby will be taken off me", {H.PREGNANCY_MATERNITY}),
        # not aimed at anyone in the account
        ("the kids shouted 'it's a man!' when the postman came", set()),
        ("the health visitor said the baby will be taken to be weighed", set()),
    ],
)
def test_context_bound_phrase_aimed_at_the_victim_needs_no_other_mention(
    text: str, expected: set[H]
) -> None:
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("They have never called me a {slur}, it's just noise.", set()),
        ("He didn't call me a {slur} or anything like that.", set()),
        ("He didn't just swear, he called me a {slur}.", {H.RACE}),
        ("They don't call me by my name, they call me a {slur}.", {H.RACE}),
        ("They never stop calling me a {slur}.", {H.RACE}),
    ],
)
def test_a_slur_the_writer_says_was_never_used_gives_no_strand(
    template: str, expected: set[H]
) -> None:
    text = template.format(slur=star(term(H.RACE)))
    assert strands(text) == {s.value for s in expected}


@pytest.mark.parametrize(
    "text",
    [
        "No one has said anything about my husband being disabled.",
        "They haven't been homophobic, just loud.",
        "It's not because we're Muslim, it's because we complained.",
        "Nothing to do with my pregnancy, they're like that with everyone.",
        "To be clear, this isn't about our civil partnership.",
    ],
)
def test_negated_motivation_and_labels_give_no_strand(text: str) -> None:
    assert strands(text) == set()

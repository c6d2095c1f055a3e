"""The hate suite's sentences, written for it (not drawn from any corpus or from HateCheck), in the
voices of victims, relatives, carers and officers reporting what was said or done to them.

Organised like HateCheck's functional tests (Röttger et al., 2021, "HateCheck: Functional Tests
for Hate Speech Detection Models"): each case names its functionality, the sentence and the strand
the victim's words point at (``None`` for a control that must give no strand at all). Slurs are
never spelled out here: :func:`slur` draws them from ``nlp/patterns/slurs.json`` and disguises them
the way people do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nlp.lexicon import load_data
from trigger.vocabulary import HateStrand as H

RA, RE, DI, SO, TI, AG, SX, MC, PM = (
    H.RACE,
    H.RELIGION,
    H.DISABILITY,
    H.SEXUAL_ORIENTATION,
    H.TRANSGENDER_IDENTITY,
    H.AGE,
    H.SEX,
    H.MARRIAGE_CIVIL_PARTNERSHIP,
    H.PREGNANCY_MATERNITY,
)

_SLURS = load_data("slurs.json")


@dataclass(frozen=True)
class Case:
    functionality: str
    text: str
    strand: H | None


def _terms(strand: H, shortest: int) -> list[str]:
    return sorted(
        t
        for t, s in _SLURS["terms"].items()
        if s == strand.value and " " not in t and "-" not in t and len(t) >= shortest
        if t not in _SLURS["ambiguous"]
    )


def leet(word: str) -> str:
    """One letter after the first written as a digit or symbol ("h4te")."""
    for letter, digit in (("i", "1"), ("a", "@"), ("o", "0"), ("e", "3"), ("s", "$")):
        if letter in word[1:]:
            return word[0] + word[1:].replace(letter, digit, 1)
    return word


def star(word: str) -> str:
    """A vowel after the first letter hidden by a star ("m*ng")."""
    for index, letter in enumerate(word[1:], start=1):
        if letter in "aeiou":
            return word[:index] + "*" + word[index + 1 :]
    return word[0] + "*" + word[2:]


def stars(word: str) -> str:
    """Every vowel after the first letter hidden by a star."""
    return word[0] + "".join("*" if c in "aeiou" else c for c in word[1:])


def space(word: str) -> str:
    """A space inside the word ("wo rd")."""
    middle = len(word) // 2
    return word[:middle] + " " + word[middle:]


def drop(word: str) -> str:
    """A letter after the third dropped."""
    return word[:3] + word[4:]


def swap(word: str) -> str:
    """Two letters after the first swapped."""
    return word[0] + word[2] + word[1] + word[3:]


def plain(word: str) -> str:
    return word


def slur(strand: H, index: int = 0, disguise: Callable[[str], str] = plain) -> str:
    """The index-th unambiguous single-word term of ``strand``, disguised; long terms for the
    disguises that touch letters (a dropped letter only makes sense on a long word)."""
    shortest = 6 if disguise in (drop, swap, space) else 4
    words = _terms(strand, shortest) or _terms(strand, 4)
    return disguise(words[index % len(words)])


def _cases(functionality: str, rows: list[tuple[str, H | None]]) -> list[Case]:
    return [Case(functionality, text, strand) for text, strand in rows]


S = slur

HATEFUL: list[Case] = [
    *_cases(
        "derogation: negative attributes",
        [
            ("He told me Pakistanis are all thieves and liars.", RA),
            ("She shouted that black people are lazy and stupid.", RA),
            ("they keep saying immigrants are criminals, looking right at me", RA),
            ("He said Muslims are all dirty and I should wash.", RE),
            ("He said Jews are greedy and only care about money.", RE),
            ("She told my son that disabled people are useless and a drain.", DI),
            ("He said autistic kids like mine are thick and pointless.", DI),
            ("They said gay people are disgusting perverts.", SO),
            ("he told us lesbians are sick in the head", SO),
            ("She said trans people are mentally ill freaks.", TI),
            ("He told me old people are useless and a waste of space.", AG),
            ("They said pensioners like me are a burden and should hurry up and die.", AG),
            ("He said women are stupid and only good for one thing.", SX),
            ("He said pregnant women are lazy scroungers.", PM),
            ("They said travellers are all thieving scum.", RA),
            ("he said Romanians are dirty beggars", RA),
            ("she keeps saying Hindus are smelly", RE),
        ],
    ),
    *_cases(
        "derogation: dehumanising comparisons",
        [
            ("He said black people are animals and belong in a zoo.", RA),
            ("They called us cockroaches and said immigrants breed like rats.", RA),
            ("He shouted that Muslims are vermin.", RE),
            ("she said people in wheelchairs are vegetables", DI),
            ("He said gays are a disease.", SO),
            ("They said trans people are monsters, not humans.", TI),
            ("He told my mum old people are parasites.", AG),
            ("He said women are just animals to be kept.", SX),
            ("They said Polish people are vermin who should be exterminated.", RA),
            ("he said disabled people are subhuman", DI),
            ("She said Sikhs are filth.", RE),
            ("he said asylum seekers are a plague", RA),
        ],
    ),
    *_cases(
        "derogation: implied contempt",
        [
            ("He made monkey noises at me when I got out of the car.", RA),
            ("She held her nose and said she could smell curry every time I walked past.", RA),
            ("He mimics my son's twitches and shakes whenever he sees him.", DI),
            ("they limp behind my husband to make fun of his walk", DI),
            ("He pretends to be blind and bumps into things when I go by.", DI),
            ("They imitate my daughter's speech and flap their hands at her.", DI),
            ("He puts on a lisp and flaps his wrist at us.", SO),
            ("They left a pig's head on our doorstep.", RE),
            ("He pulled off my headscarf in the shop.", RE),
            ("they threw bananas at my door", RA),
            ("they laugh at my accent and copy it", RA),
            ("He makes slitty eyes at my wife.", RA),
        ],
    ),
    *_cases(
        "threats aimed at a group the victim belongs to",
        [
            ("He said all Muslims should be shot, and looked at me.", RE),
            ("He said he's going to burn out every Paki on this street.", RA),
            ("He told me gays deserve to be beaten to death.", SO),
            ("They said they would kill every foreigner on the estate.", RA),
            ("He said trans people like me should be lined up and shot.", TI),
            ("He said disabled people should be put down.", DI),
            ("He said someone should bomb the mosque with us in it.", RE),
            ("They said they'll torch our house because we're Polish.", RA),
            ("he said old people should be gassed", AG),
            ("He said women like me deserve to be raped.", SX),
            ("She said Jews should be sent to the ovens.", RE),
            ("They said they'd kill any gay couple who moved in.", SO),
        ],
    ),
    *_cases(
        "hate phrased as an opinion",
        [
            ("He says in his opinion black people are inferior.", RA),
            ("She said she thinks gay people are an abomination.", SO),
            ("He told me he reckons Muslims are all terrorists.", RE),
            ("He said, personally, he thinks disabled people are a waste of money.", DI),
            ("She said she believes trans people are perverts.", TI),
            ("He said he honestly thinks women are inferior to men.", SX),
            ("he told me he thinks old people are worthless", AG),
            ("She said in her view immigrants are scum.", RA),
        ],
    ),
    *_cases(
        "hate phrased as a question",
        [
            ("He asked why Muslims are so disgusting.", RE),
            ("She shouted 'why are gays such freaks?' at us.", SO),
            ("he keeps asking why black people are so violent", RA),
            ("He asked me why disabled people are allowed to breed.", DI),
            ("They asked why trans people don't just kill themselves.", TI),
            ("She asked why women are so stupid.", SX),
            ("he asked whether all Poles are thieves", RA),
            ("He asked why old people don't just die.", AG),
        ],
    ),
    *_cases(
        "negated positive statement about a group",
        [
            ("He said black people are not welcome here.", RA),
            ("She told us gay people are not normal.", SO),
            ("he said Muslims aren't human", RE),
            ("He said disabled people are not wanted on this street.", DI),
            ("They said trans women are not women.", TI),
            ("he told me immigrants are not welcome in this country", RA),
        ],
    ),
    *_cases(
        "the target named in one clause and attacked in the next",
        [
            ("He said there's a Muslim family at number 4 and they're vermin.", RE),
            ("She pointed at my husband, who is black, and said his kind are animals.", RA),
            ("He found out we're gay and said people like us make him sick.", SO),
            ("When he saw my son's wheelchair he said his sort should be locked away.", DI),
            ("He knows I'm trans and says people like me are freaks.", TI),
            ("They know I'm Jewish, and they say my lot are vermin.", RE),
            ("I'm Polish. He says we are all thieves.", RA),
            ("My neighbour knows I'm a lesbian. She says I'm disgusting and sick.", SO),
            ("I'm 84. He tells me I'm a waste of space and should be dead.", AG),
            ("My son is autistic. They call him a freak and a nutter.", DI),
            ("I am a Muslim woman. He spat at me and said my religion is filth.", RE),
            ("We're from Nigeria and he told us our kind aren't wanted.", RA),
            ("I'm pregnant. He said I'm just another scrounger popping out kids.", PM),
            ("My wife and I are in a civil partnership; he says it's fake and disgusting.", MC),
        ],
    ),
    *_cases(
        "go back to where you came from, without a slur",
        [
            ("He told me to go back to where I came from.", RA),
            ("She shouted 'go home' and 'you don't belong here' at my children.", RA),
            ("they yelled go back to your country", RA),
            ("He said I should go back to Pakistan.", RA),
            ("He shouts 'send them all back' when we walk past.", RA),
            ("She said this is an English street and we should get out.", RA),
            ("He told my mum to speak English or get out.", RA),
            ("He said we're not from here and never will be.", RA),
            ("they said go back to africa", RA),
            ("He wrote 'foreigners out' on our fence.", RA),
            ("they shout 'go back on your boat' at my dad", RA),
        ],
    ),
    *_cases(
        "misgendering on purpose",
        [
            ("He keeps calling me 'sir' and 'mate' on purpose even though I'm a woman.", TI),
            ("She deliberately calls my daughter 'he' and uses her old name.", TI),
            ("He keeps deadnaming me and laughing about it.", TI),
            ("They call me 'it' and 'that thing'.", TI),
            ("She told everyone I'm really a man pretending.", TI),
            ("He shouted that I'll always be a bloke in a wig.", TI),
            ("they keep using my old name and calling me he on purpose", TI),
            ("He says my son will never be a real boy.", TI),
            ("she calls me 'he-she' across the landing", TI),
        ],
    ),
    *_cases(
        "mocking a disability",
        [
            ("They laugh at my son's stammer and copy him.", DI),
            ("He called my daughter a vegetable because she can't speak.", DI),
            ("She mocks my hearing aids and shouts 'are you deaf?'", DI),
            ("they kicked my walking frame and laughed", DI),
            ("He calls me 'blind bat' when I go past with my cane.", DI),
            ("They mock my husband's wheelchair and call him a cabbage.", DI),
            ("The kids mimic my brother's learning disability and call him a freak.", DI),
            ("He said my son is mental and should be in a home.", DI),
            ("She laughs at the way I walk since my stroke.", DI),
        ],
    ),
    *_cases(
        "slurs said to the victim",
        [
            (f"He called me a {S(RA)} in front of my kids.", RA),
            (f"She shouted '{S(RA, 1)}' at my husband.", RA),
            (f"they sprayed {S(RA, 2)} on my car", RA),
            (f"He called me a dirty {S(RE)}.", RE),
            (f"He called my son a {S(DI)}.", DI),
            (f"they keep calling my brother a {S(DI, 1)}", DI),
            (f"He called us {S(SO)}s.", SO),
            (f"She screamed {S(SO, 1)} at my partner.", SO),
            (f"He called me a {S(TI)}.", TI),
            (f"They shouted {S(TI, 1)} at me in the street.", TI),
            (f"He called me a stupid {S(SX)}.", SX),
            (f"he called my daughter a {S(SX, 1)} for no reason", SX),
        ],
    ),
    *_cases(
        "slurs obfuscated: l33t",
        [
            (f"he texted me calling me a {S(RA, 0, leet)}", RA),
            (f"the note said '{S(RA, 3, leet)} out'", RA),
            (f"she posted that I'm a {S(RE, 1, leet)}", RE),
            (f"he called my son a {S(DI, 0, leet)}", DI),
            (f"someone wrote {S(SO, 0, leet)} on our door", SO),
            (f"they messaged me 'you {S(TI, 0, leet)}'", TI),
        ],
    ),
    *_cases(
        "slurs obfuscated: a star inside",
        [
            (f"he called me a {S(RA, 0, star)}", RA),
            (f"they shouted {S(RA, 4, stars)} at my wife", RA),
            (f"he wrote '{S(RE, 0, star)}' on my car", RE),
            (f"they called my daughter a {S(DI, 1, star)}", DI),
            (f"she called us {S(SO, 2, star)}s", SO),
            (f"he posted that I'm a {S(TI, 1, star)}", TI),
        ],
    ),
    *_cases(
        "slurs obfuscated: a space inside",
        [
            (f"he called me a {S(RA, 0, space)}", RA),
            (f"they wrote {S(RA, 1, space)} on my door", RA),
            (f"he called my son a {S(DI, 0, space)}", DI),
            (f"she shouted {S(SO, 0, space)} at us", SO),
            (f"he called me a {S(TI, 0, space)}", TI),
            (f"they called my mum a {S(RE, 0, space)}", RE),
        ],
    ),
    *_cases(
        "slurs obfuscated: a letter dropped",
        [
            (f"he called me a {S(RA, 0, drop)}", RA),
            (f"they called us {S(RA, 2, drop)}s", RA),
            (f"he called my son a {S(DI, 0, drop)}", DI),
            (f"she called me a {S(SO, 0, drop)}", SO),
            (f"he called me a {S(TI, 0, drop)}", TI),
            (f"he called my wife a {S(RE, 0, drop)}", RE),
        ],
    ),
    *_cases(
        "slurs obfuscated: letters swapped",
        [
            (f"he called me a {S(RA, 0, swap)}", RA),
            (f"they called us {S(RA, 3, swap)}s", RA),
            (f"he called my son a {S(DI, 1, swap)}", DI),
            (f"she called me a {S(SO, 1, swap)}", SO),
            (f"he called me a {S(TI, 1, swap)}", TI),
            (f"he called my husband a {S(RE, 1, swap)}", RE),
        ],
    ),
    *_cases(
        "age",
        [
            ("He called me an old crone and said I should be in a home.", AG),
            ("They shout 'grandad' and 'old fossil' at me and tell me to die.", AG),
            ("He said people my age should be put in a home and forgotten.", AG),
            ("They target me because I'm elderly and live alone.", AG),
            ("The youths pick on me because I'm old and can't chase them.", AG),
            ("He said old codgers like me should hurry up and die.", AG),
        ],
    ),
    *_cases(
        "sex",
        [
            ("He said a woman's place is in the kitchen and I should shut up.", SX),
            ("He told me women should know their place.", SX),
            ("They only pick on me because I'm a woman on my own.", SX),
            ("He keeps wolf-whistling and making comments about my body.", SX),
            ("He said women who live alone deserve what they get.", SX),
        ],
    ),
    *_cases(
        "marriage and civil partnership",
        [
            ("He said our civil partnership is a sham and disgusting.", MC),
            ("They told us our marriage isn't a real marriage.", MC),
            ("He keeps mocking us for being married, saying we're not a proper couple.", MC),
            ("She said our wedding was a joke and an insult to God.", MC),
            ("They've targeted us since our civil partnership ceremony.", MC),
            ("He says two men marrying is an abomination and we should be ashamed.", MC),
        ],
    ),
    *_cases(
        "pregnancy and maternity",
        [
            ("He told me pregnant women are a burden and I should get rid of it.", PM),
            ("She kept mocking my bump and calling me a breeder.", PM),
            ("They laughed at me for breastfeeding in my garden and called it disgusting.", PM),
            ("He said I'm a scrounger for having another baby.", PM),
            ("He said he'd punch the baby out of me.", PM),
            ("Since I told them I was pregnant the abuse has got worse.", PM),
        ],
    ),
    *_cases(
        "perceived motivation in the victim's words",
        [
            ("I'm sure it's because we're the only black family in the close.", RA),
            ("I feel targeted because I wear a turban.", RE),
            ("They go for my son because of his Down's syndrome.", DI),
            ("I believe they're doing this because I'm gay.", SO),
            ("I think it's transphobic, it started when I began to transition.", TI),
            ("It's because I'm 90 and they think I'm an easy target.", AG),
            ("It's because we got married, they hate that we're two women.", MC),
            ("It all started when I was heavily pregnant.", PM),
            ("They pick on me because of my hijab.", RE),
            ("I've been targeted for being Jewish.", RE),
        ],
    ),
    *_cases(
        "group statements said to the victim's face",
        [
            ("I'm Nigerian and he told me: you lot are all the same, dirty and thieving.", RA),
            ("He shouted 'your kind aren't welcome here' at my wife in her hijab.", RE),
            ("She said 'people like you shouldn't be allowed kids' to my disabled sister.", DI),
            ("He told us 'your sort make me sick' when he found out we're a gay couple.", SO),
            ("They told my trans son 'people like you should be locked up'.", TI),
        ],
    ),
]

NEUTRAL: list[Case] = [
    *_cases(
        "quoting hate to condemn it",
        [
            ("Saying 'Muslims are vermin' is disgusting and the police should act.", None),
            ("If someone says black people are animals they should be prosecuted.", None),
            ("Statements like 'gay people are a disease' are deeply hurtful.", None),
            ("You can't go around saying 'disabled people are useless'.", None),
            ("It's wrong to say trans people are freaks.", None),
            ("Anyone who says immigrants are vermin is a bigot.", None),
            ("My son asked me why people say women are stupid, and I said they're wrong.", None),
            ("The leaflet said 'hate speech like \"Jews are greedy\" is a crime'.", None),
        ],
    ),
    *_cases(
        "counter-speech",
        [
            ("Nobody deserves to be called names because of their race.", None),
            ("I told him people should be free to love who they like.", None),
            ("I told him he should be ashamed for picking on disabled people.", None),
            ("Black people are welcome on this street and always will be.", None),
            ("Muslims are our neighbours and friends.", None),
            ("Trans people have every right to live here in peace.", None),
            ("I stood up for the gay couple next door when the lads were shouting.", None),
            ("Calling people names because of their religion is never acceptable.", None),
            ("There's no place for racism in our community.", None),
            ("Women deserve respect.", None),
        ],
    ),
    *_cases(
        "reclaimed in-group use",
        [
            ("I'm queer and proud of it.", None),
            ("We're a bunch of old dykes who run the allotment society.", None),
            ("As a queer woman I've never had trouble here before.", None),
            ("I'm a proud old codger and I love my garden.", None),
        ],
    ),
    *_cases(
        "identity words used neutrally",
        [
            ("I'm a Sikh man and I've lived here for twenty years.", None),
            ("My neighbour is Jewish and she's been very kind.", None),
            ("We're a lesbian couple with two children.", None),
            ("My son is autistic and goes to a special school.", None),
            ("I'm 79 and use a walking frame.", None),
            ("I'm 7 months pregnant and the noise keeps me awake.", None),
            ("We got married in June and moved in after.", None),
            ("My civil partner works nights, so I'm alone in the evenings.", None),
            ("I'm a black woman living on my own with my daughter.", None),
            ("I'm trans and I moved here last year.", None),
            ("I'm deaf so I didn't hear them, but my neighbour did.", None),
            ("My husband is in a wheelchair and can't get past the bins they leave.", None),
            ("We are Polish and both work at the hospital.", None),
            ("The mosque at the end of the road runs a food bank.", None),
            ("I'm Muslim and I pray five times a day.", None),
            ("I am a single mum with a newborn.", None),
            ("I'm disabled and the car parked across my drive stops me getting out.", None),
            ("My partner is a trans man and we've been together ten years.", None),
            ("He's gay and lives upstairs, lovely lad.", None),
            ("I'm a pensioner so I'm home all day and hear everything.", None),
            ("My wife is from Ghana and works as a nurse.", None),
            ("We're Hindu and celebrate Diwali with fireworks in November.", None),
            ("I'm a woman in my forties living alone.", None),
            ("I'm on maternity leave so I'm at home with the baby.", None),
            ("My daughter has Down's syndrome and loves the park.", None),
        ],
    ),
    *_cases(
        "identity words used positively",
        [
            ("The Polish family next door are wonderful neighbours.", None),
            ("I love living in such a mixed area, lots of different cultures.", None),
            ("The old lady at number 6 is a saint.", None),
            ("Our gay neighbours helped us move in.", None),
            ("The Muslim family opposite brought us food when I was ill.", None),
            ("Disabled people in this block look out for each other.", None),
            ("Immigrants keep the NHS going.", None),
            ("The trans woman down the road is the nicest person I know.", None),
            ("Older residents have been brilliant at the residents' meetings.", None),
            ("Pregnant women should get a seat on the bus.", None),
        ],
    ),
    *_cases(
        "homonyms",
        [
            ("He stands at the gate with a fag every morning.", None),
            ("Can I bum a fag, he asked me, and I said no.", None),
            ("He chucks his fag ends over my fence.", None),
            ("We had faggots and mash for tea.", None),
            ("There's a queer smell coming from the drains.", None),
            ("The bin bags are full of old rubbish.", None),
            ("The spade in the shed was stolen.", None),
            ("A bender tent was put up in the woods behind us.", None),
            ("He went on a bender last Friday and came back at 3am.", None),
            ("Their dog keeps barking at the tart stall in the market.", None),
            ("The faggot bundles were left by the bonfire.", None),
            ("They trap the pigeons in the yard.", None),
            ("It was a real bummer that the council didn't call back.", None),
            ("My nan is a proper granny, knits all day.", None),
            ("They took my old bag of clothes from the porch.", None),
            ("He's been in a right queer mood lately.", None),
            ("Turkey for Christmas dinner was left on the step.", None),
            ("The coon cat at number 9 sits on my car.", None),
        ],
    ),
    *_cases(
        "an insult aimed at everybody",
        [
            ("He calls everyone a c**t, not just me.", None),
            ("She screams abuse at anyone who walks past her garden.", None),
            ("They call every single person on the street scum.", None),
            ("He swears at everybody, it isn't personal.", None),
            ("They have a go at all the neighbours, it's nothing to do with who we are.", None),
            ("He's rude to everyone, old, young, whatever.", None),
            ("He calls all of us idiots.", None),
            ("It's not aimed at me, he hates the whole street.", None),
            ("They target every house in the close, they don't care who lives there.", None),
            ("She insults everybody who parks near her house.", None),
        ],
    ),
    *_cases(
        "the writer's guess about the culprit",
        [
            ("I think the lads doing it are Polish.", None),
            ("The men who threw the eggs looked Asian.", None),
            ("I believe the woman next door is Muslim.", None),
            ("The boy who kicked my car is autistic, his mum told me.", None),
            ("I reckon the man shouting is gay, he lives with another man.", None),
            ("The culprit is an old man in his eighties.", None),
            ("She's pregnant but still comes out screaming at 2am.", None),
            ("The couple upstairs just got married and have parties every night.", None),
            ("I think the woman who does it is trans.", None),
            ("The gang are all Romanians from the flats, I think.", None),
            ("He is a Sikh and he keeps parking across my drive.", None),
            ("The lad who broke my window is in a wheelchair himself.", None),
        ],
    ),
    *_cases(
        "disclaimed motivation",
        [
            ("I don't think it's racist, they're just horrible.", None),
            ("It has nothing to do with me being gay.", None),
            ("It's not because of my disability, they do it to everyone.", None),
            ("I don't believe it's about my religion.", None),
            ("I'm not saying it's because I'm trans.", None),
            ("I doubt it's got anything to do with my age.", None),
            ("It isn't a hate crime, just noise.", None),
            ("My son is autistic but I don't think that's why they pick on him.", None),
        ],
    ),
    *_cases(
        "abuse of no protected group",
        [
            ("He called me a fat ugly idiot.", None),
            ("She told me I'm a waste of space and nobody likes me.", None),
            ("He said I'm a snitch and a grass.", None),
            ("They call me a nosy old busybody for reporting them.", None),
            ("He shouted that I'm a f***ing loser.", None),
            ("He said people who complain to the council are scum.", None),
            ("They said landlords are parasites.", None),
            ("He said Tories should be shot.", None),
            ("They said Chelsea fans are animals.", None),
            ("He called my husband a useless lump.", None),
            ("She told me to f*** off back inside.", None),
            ("He told me to go back to my own house and mind my business.", None),
            ("They said I should go back to bed.", None),
            ("He called me a bloody nuisance.", None),
        ],
    ),
    *_cases(
        "profanity and anger without a target group",
        [
            ("Fucking hell, the noise is unbearable.", None),
            ("I hate living here now.", None),
            ("I can't stand the smell of their bins.", None),
            ("They make me sick with their constant partying.", None),
            ("What the hell is wrong with these people?", None),
            ("These people are animals, they leave rubbish everywhere.", None),
            ("I despise the way the council ignores us.", None),
        ],
    ),
    *_cases(
        "reported events with identity words, no hostility",
        [
            ("I went to the mosque on Friday and came back to find my door kicked in.", None),
            ("My daughter's wedding was on the 5th and the noise started that night.", None),
            ("The health visitor came round about the baby on Monday.", None),
            ("My carer found the broken window when she came to help me wash.", None),
            ("I was at the Pride march when they broke into my car.", None),
            ("The church hall meeting was about the parking.", None),
            ("The black car parked outside my house again.", None),
            ("The old people's home next door has a lot of visitors.", None),
            ("The pregnancy test box was left in my recycling.", None),
            ("The gay bar at the end of the road closes at 2am.", None),
            ("They were playing loud Polish music until 4am.", None),
            ("My sister visited from India and saw the mess they left.", None),
            ("I told my GP about the stress and she signed me off.", None),
            ("The police officer who came was a Sikh lady and she was lovely.", None),
            ("The kids play cricket in the road and hit my car.", None),
        ],
    ),
]

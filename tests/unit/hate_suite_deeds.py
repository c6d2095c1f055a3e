"""The hate suite's batch of deeds: hate shown by what was done rather than said (see
tests/unit/hate_suite.py for the helpers). Written after first contact with corpus U, each family
in the voices of different writers (a victim by chat, a relative, a formal letter, text-speak):
a banana or monkey taunt, "go home" written on a family's property, a pride or trans flag
attacked, a same-sex couple's affection mimicked, a trans person's old name or toilet policed, a
cane or hearing aid taken, a disabled person filmed or mimicked, an old person's death jeered,
only the women spoken to like that, an identity word welded to a censored insult, "the only
<identity> family on the street", and abuse that is said to be for the victim alone. The controls
use the same words neutrally, for the writer's own doing, or aimed at everybody, and the writer
who says "this is not that"."""

from __future__ import annotations

from tests.unit.hate_suite import AG, DI, RA, RE, SO, SX, TI, Case, _cases

HATEFUL_DEEDS: list[Case] = [
    *_cases(
        "deeds: a banana or monkey taunt",
        [
            ("We're the only black family here and someone pushed a banana through our door.", RA),
            ("My husband is Nigerian. Last night they threw bananas at our front window.", RA),
            ("my son is mixed race n they chucked a banana at him on the school bus", RA),
            ("I am a black woman and they left a banana skin on my windscreen.", RA),
            ("Being Jamaican, I wasn't surprised when the lads made monkey noises at me.", RA),
            ("They do monkey chants whenever my dad walks past, he's from Ghana.", RA),
            ("My daughter is black and someone stuck a banana on our door handle.", RA),
            ("We're Somali. A banana was pushed through the letterbox again.", RA),
        ],
    ),
    *_cases(
        "deeds: go home written on the family's property",
        [
            ("I'm Polish and someone wrote GO HOME on our car in marker pen.", RA),
            ("We're from Romania. They sprayed 'go back to Romania' across the garage.", RA),
            ("my wife is chinese n somebody keyed go home into her car", RA),
            (
                "As an Indian family we were shocked to find 'send them back' scrawled on our "
                "fence.",
                RA,
            ),
            ("I'm Black British. They left a note through the door saying go home.", RA),
            ("We are Lithuanian and GO HOME was painted on our wheelie bin.", RA),
        ],
    ),
    *_cases(
        "deeds: a pride or trans flag attacked",
        [
            (
                "We're a lesbian couple. They ripped the rainbow flag off our balcony and set "
                "fire to it.",
                SO,
            ),
            ("I'm gay and my pride flag was burned in the garden last night.", SO),
            ("someone tore down the rainbow bunting outside our house, we're both gay", SO),
            ("My son is bisexual and they slashed the bi pride flag in his window.", SO),
            ("The lads spat on the rainbow flag in our window; we are both gay men.", SO),
            ("I'm trans and they burned the trans flag in my window.", TI),
            ("My daughter is transgender. Someone ripped her trans pride flag down.", TI),
            ("they pulled down the trans flag from my balcony, i'm a trans woman", TI),
        ],
    ),
    *_cases(
        "deeds: a same-sex couple's affection mimicked",
        [
            ("My partner and I are gay. When we walk past they pretend to snog each other.", SO),
            ("We're two gay men and the lads next door do limp wrists at us.", SO),
            ("I'm a lesbian and the girls at the bus stop make kissing noises at us.", SO),
            ("As a gay man I get them mincing about behind me all the way to the shop.", SO),
            ("me n my bf r gay and they copy us holding hands n laugh", SO),
        ],
    ),
    *_cases(
        "deeds: a trans person's old name used, or their toilet policed",
        [
            ("I'm a trans woman. He keeps calling me by my old name across the street.", TI),
            ("My son is trans and someone posted a card addressed to his birth name.", TI),
            ("i'm non-binary and they wrote my old name on my door in chalk", TI),
            ("I am trans. She said she'd drag me out if she saw me in the ladies again.", TI),
            ("I'm a trans man and he threatened to batter me if I used the gents.", TI),
        ],
    ),
    *_cases(
        "deeds: a mobility aid or assistive device taken or broken",
        [
            ("I'm registered blind and they took my white cane off me at the bus stop.", DI),
            ("They snatched my hearing aids and stamped on them.", DI),
            ("they kicked my mum's zimmer frame away from her", DI),
            ("someone let down the tyres on my mobility scooter again", DI),
            ("The lads hid my dad's walking stick in the hedge and laughed.", DI),
            ("She nicked my blue badge off the dashboard.", DI),
            ("they bent my crutches and threw them in the road", DI),
            ("My son's wheelchair ramp was ripped off the front step by the lads.", DI),
        ],
    ),
    *_cases(
        "deeds: a disabled person filmed or mimicked",
        [
            ("My son is autistic. They filmed him having a meltdown and put it on TikTok.", DI),
            ("They record my brother, who has Down's syndrome, and post it laughing.", DI),
            ("the kids copy the way he talks, he has a stammer", DI),
            ("I have cerebral palsy and they mimic my walk all the way down the road.", DI),
            ("they were mocking her hand flapping, she's autistic", DI),
        ],
    ),
    *_cases(
        "deeds: an old person's death or frailty jeered",
        [
            ("I'm 84 years old and they ask me when I'm going to snuff it.", AG),
            ("They shout that I've got one foot in the grave, I'm a pensioner.", AG),
            ("He told my 90-year-old nan she should be put in a home.", AG),
            ("the lads call this street god's waiting room and laugh at us old ones", AG),
            ("I'm 78. She says I'm a waste of a pension.", AG),
            ("They asked my elderly grandad when he'll pop his clogs.", AG),
        ],
    ),
    *_cases(
        "deeds: only the women spoken to like that",
        [
            ("He never says a word to the men in the block, only to us women.", SX),
            ("They leave the blokes alone and go for us girls every night.", SX),
            ("He doesn't say anything to the lads, it's only the women he has a go at.", SX),
        ],
    ),
    *_cases(
        "nationality as race: an identity word welded to a censored insult",
        [
            ("He called me a polish c*** and spat at me.", RA),
            ("they shouted at my husband 'romanian b******'", RA),
            ("She texted me 'irish sc*m' after the row.", RA),
            ("He keeps calling my son a black b*****d.", RA),
        ],
    ),
    *_cases(
        "perceived motivation: the only family of the victim's identity",
        [
            ("We're the only Asian family on the estate, so it's obvious why they pick on us.", RA),
            ("i'm the only muslim on my road n they know exactly what they're doing", RE),
            ("We're the only gay couple in the block and nobody else gets this.", SO),
            ("As the only disabled tenant in the building I'm the one they target.", DI),
            ("We are the only Jewish household on the street - don't tell me that's chance.", RE),
            ("We're the only black family in the close, what else could it be?", RA),
        ],
    ),
    *_cases(
        "perceived motivation: for the victim alone, not for everyone",
        [
            ("They call us names because we're a gay couple, they don't do it to anyone else.", SO),
            ("It's because I'm Muslim, they don't bother anybody else on the landing.", RE),
            ("He picks on me because I'm in a wheelchair and leaves everyone else alone.", DI),
        ],
    ),
]

NEUTRAL_DEEDS: list[Case] = [
    *_cases(
        "controls: bananas, monkeys and go home told plainly",
        [
            ("My son took a banana to school for his lunch.", None),
            ("The bin men dropped banana peels all over the pavement.", None),
            ("We made banana bread with our Nigerian neighbour.", None),
            ("The monkey enclosure at the zoo was loud and my son hated it.", None),
            ("My son wrote 'go home' on the whiteboard to remind himself.", None),
            ("My Polish neighbour painted our fence for us.", None),
        ],
    ),
    *_cases(
        "controls: flags, kisses, names and toilets told plainly",
        [
            ("The pride flag at the town hall was taken down after the festival.", None),
            ("My gay son and I put up a rainbow flag for Pride month and everyone loved it.", None),
            ("The wind ripped the Union flag off the pole.", None),
            ("The kids were making kissing noises at each other in the playground.", None),
            ("My gay brother pretended to kiss his husband for the photo.", None),
            ("I'm trans and my new name is on the tenancy now, the council were great.", None),
            ("My mum was in the ladies when the fight started.", None),
            ("My wife used her maiden name on the form.", None),
        ],
    ),
    *_cases(
        "controls: aids, filming and age told for the writer's own doing",
        [
            ("My mobility scooter broke down outside the shop.", None),
            ("My hearing aids stopped working so I rang the audiology clinic.", None),
            ("Our shed was broken into and his mobility scooter was wrecked.", None),
            ("My crutches are in the hall if the carer needs to move them.", None),
            ("I filmed them on my phone for the police.", None),
            ("My autistic son loves filming the trains and posting them on YouTube.", None),
            ("My gran is 90 and we're looking at putting her in a care home near us.", None),
            ("We had to put mum in a care home last year, she's 91.", None),
            ("He never says a word to the men at the bowls club, he's shy.", None),
        ],
    ),
    *_cases(
        "controls: censored insults without an identity, the only family who are welcome",
        [
            ("He called me a f*****g liar.", None),
            ("She said the Polish shop was sh*t.", None),
            ("We're the only Polish family on the street and the neighbours are lovely.", None),
            ("I'm the only Muslim in my office and we all get on fine.", None),
            ("We're not the only Asian family on the road, it happens to everyone.", None),
        ],
    ),
    *_cases(
        "controls: aimed at everybody, or 'this is not that'",
        [
            ("They shout at everyone on the street, me included, because they're bored.", None),
            ("He abuses anybody who walks past, not just us.", None),
            ("I'm Jamaican and I know what racist abuse looks like. This is not that.", None),
            (
                "We had homophobic graffiti at our last flat. What's happening here is nothing "
                "like that.",
                None,
            ),
            (
                "My son is autistic and was bullied at school for it. This isn't that, they're "
                "just noisy.",
                None,
            ),
        ],
    ),
]

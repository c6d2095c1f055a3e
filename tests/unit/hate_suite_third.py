"""The hate suite's third batch: families added after first contact with corpus P (see
tests/unit/hate_suite.py for the helpers). Each family has hateful sentences of our own and
controls that share its words: tropes put as questions (a bomb in the bag, virgins, Hitler "had a
point"), a mother told she breeds like an animal, disease and eating tropes, "your lot don't wash",
"we don't want your kind round here", and the victim's identity told in another sentence of the
account than the attack."""

from __future__ import annotations

from tests.unit.hate_suite import PM, RA, RE, SO, SX, TI, Case, _cases

HATEFUL_THIRD: list[Case] = [
    *_cases(
        "hate as a question: terrorist tropes",
        [
            ("I wear a hijab. He asked me if I had a bomb under my coat.", RE),
            ("My husband goes to the mosque. She asked him 'is your rucksack ticking?'", RE),
            ("We're Muslim and the lads ask my son how many virgins he'll get.", RE),
            (
                "My mum wears a headscarf. Yesterday he asked her when your lot are "
                "going to blow something up.",
                RE,
            ),
            ("I'm a Muslim woman. He shouted 'another one going off soon is it?'", RE),
        ],
    ),
    *_cases(
        "hate as an opinion: approval of the Holocaust",
        [
            ("We have a mezuzah on our door. He told me Hitler was right about you.", RE),
            ("I'm Jewish and she says Hitler should have finished the job.", RE),
            ("My son wears a kippah. They told him his family should be gassed.", RE),
        ],
    ),
    *_cases(
        "derogation: a mother told she breeds like an animal",
        [
            ("I'm seven months pregnant. She told me my lot breed like rabbits.", PM),
            ("I'm expecting my third and he shouted that I should keep my legs shut.", PM),
            (
                "Since I got pregnant she says people like me just keep popping out kids "
                "for the benefits.",
                PM,
            ),
        ],
    ),
    *_cases(
        "derogation: disease and eating tropes",
        [
            ("We're Chinese. He told my dad to take his virus back to China.", RA),
            ("I'm Vietnamese, from Hanoi, and they call me a dog eater.", RA),
            ("My wife is Korean. They made ching chong noises at her in the shop.", RA),
            ("I'm Chinese and the kids next door shout kung flu at me.", RA),
        ],
    ),
    *_cases(
        "identity told elsewhere: the target named in one sentence, attacked in another",
        [
            (
                "I'm from Ghana. I moved here in May. On Friday the man at 12 said "
                "your lot just don't wash.",
                RA,
            ),
            (
                "My wife wears a hijab. We have lived here ten years. Last night he said "
                "he doesn't want your kind round here.",
                RE,
            ),
            (
                "We're a lesbian couple. The bins were left out again. On Monday she said "
                "your sort want sorting out.",
                SO,
            ),
            (
                "They made monkey noises at my son. Then on Tuesday his dad said we don't "
                "want your kind round here.",
                RA,
            ),
        ],
    ),
    *_cases(
        "threat to a group: women like me",
        [
            ("I live alone. He told me women like you are just asking for it.", SX),
            ("I'm a woman on my own and he said he'd show me what happens to women like me.", SX),
            ("She's a single mum. He keeps saying girls like her are asking for it.", SX),
        ],
    ),
    *_cases(
        "derogation: a trans woman called a man in a dress, asked about her body",
        [
            ("Someone sprayed NO MEN IN DRESSES on my car.", TI),
            ("He shouted across the road asking if I was still a bloke's bits underneath.", TI),
            ("I'm a trans woman. He asked me what I've got in my knickers.", TI),
            ("She asked my daughter if she'd had the chop yet.", TI),
        ],
    ),
    *_cases(
        "religious objects attacked, assimilation demanded of a group",
        [
            ("He tore the mezuzah off our door post.", RE),
            ("They ripped the rosary off my mum's neck outside church.", RE),
            ("My wife wears a niqab. He asked when you lot are going to start acting British.", RE),
        ],
    ),
    *_cases(
        "symbols and the Holocaust aimed at a Jewish household",
        [
            ("We're Jewish. Someone scratched a swastika on our front door.", RE),
            ("I'm Jewish and a swastika was painted on my garage on Sunday.", RE),
            ("We light candles at Hanukkah as Jews. The note said you'll burn like the rest.", RE),
        ],
    ),
]

NEUTRAL_THIRD: list[Case] = [
    *_cases(
        "controls: the trope words used plainly",
        [
            ("The police sent the bomb squad for a suspicious bag at the station.", None),
            ("My clock is ticking so loudly I moved it out of the bedroom.", None),
            ("The fireworks kept going off until two in the morning.", None),
            ("We watched a film about Hitler at school and discussed it.", None),
            ("I go to the mosque on Fridays and the car park is always full.", None),
            ("Our rabbits breed like rabbits, we have eleven now.", None),
            ("I had a virus last week so I didn't ring until Monday.", None),
            ("The Chinese takeaway on the corner is where he parks.", None),
            ("I'm pregnant and tired and the noise keeps me awake.", None),
        ],
    ),
    *_cases(
        "controls: your lot and your kind without an identity or aimed at everybody",
        [
            ("He told the whole street your lot never put the bins out.", None),
            ("She says she doesn't want your kind of trouble round here, meaning the noise.", None),
            (
                "We painted our fence white in May. On Sunday he said your lot want sorting "
                "out about the parking.",
                None,
            ),
            (
                "I'm Ms Patel's support worker. He told her your lot always complain.",
                None,
            ),
        ],
    ),
    *_cases(
        "controls: asking for it, dresses, the op, a denied motivation",
        [
            ("The kids were asking for it, playing football against my car.", None),
            ("The panto had two men in dresses and my son loved it.", None),
            ("He asked if my husband has had the op on his knee yet.", None),
            ("I asked him what he's got in his bag and he showed me the parcel.", None),
            (
                "He said 'you people never stop complaining'. I don't think he meant it racially.",
                None,
            ),
            ("She told us to start acting like adults about the parking.", None),
            ("My son wears a crucifix and nobody has ever said anything.", None),
        ],
    ),
    *_cases(
        "controls: swastikas and burning told plainly",
        [
            ("My grandson is doing a history project on the swastika's origins.", None),
            ("The bonfire will burn like the rest did last year.", None),
        ],
    ),
]

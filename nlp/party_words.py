"""Word patterns nlp.parties weighs consent and the applicant's household with.

Small regular expressions over a sentence's canonical text (nlp.lexicon) that are not lists of
phrases: whether the writer has yet to ask the victim, a condition on an agreement, a negation
before it, anonymity and what it keeps from whom, a spouse who counts among those affected.
"""

from __future__ import annotations

import re

from nlp.document import Person

# The writer does not know yet whether the victim agrees ("whether he's happy for ...").
UNASKED = re.compile(
    r"\b(?:whether|if) (?:he|she|they|[a-z]+) ?(?:is|'s|’s|are|'re|would be|will be|'d be)\s*$"
    r"|\b(?:whether|if) (?:he|she|they|mum|dad|[a-z]+ )?\s*$"
    r"|\b(?:might|may|could) (?:well |possibly |probably )?(?:be )?\s*$"
    # an offer for later ("I can provide their contact details with their permission")
    r"|\b(?:can|could|will|would|'ll|shall) (?:also )?(?:provide|give|pass on|pass|send|share|"
    r"forward|supply|get|obtain) (?:you )?(?!her |his |my )(?:[^ .;,!?]+ ){0,3}"
    r"(?:details|names|numbers|addresses|statements)(?: [^ .;,!?]+)? $"
)
# Agreement on a condition the writer has yet to settle ("OK with sharing if it stays out of the
# papers, I'll check with him"): not consent. "if needed", "if it helps" are no conditions.
CONDITION = re.compile(
    r"^[^.;!?]{0,60}?\b(?:if|as long as|provided(?: that)?|on condition(?: that)?|only if) "
    r"(?!(?:needed|necessary|required|it helps|that helps|this helps|you need|need be|appropriate|"
    r"relevant|that's|thats|this is|it is|it's|its) ?\b)"
    # "you can pass it on but without my name": shared only without who the writer is
    r"|^[^.;!?]{0,30}?\b(?:but )?(?:without|minus|leaving out|leave out) (?:my|our) "
    r"(?:name|names|details|address|identity)\b"
)
NEGATED = re.compile(r"(?:not|n't|never|no longer) (?:[^ ]+ )?$")


# A writer who will not be identified ("I want to stay anonymous", "I'm not giving my name") and
# asks that nothing reach anyone with their details, or that nobody know it is them, asks not to
# be identified: that is the anonymity (an exclusion, nlp.exclusions), not a refusal to share.
ANONYMITY = re.compile(
    r"\banonym|\b(?:not|n't|nt) (?:going to |gonna |want to |wanting to )?"
    r"(?:give|giving|tell|telling) (?:you )?(?:my|our) (?:name|names|full name)\b"
    r"|\bwithout (?:giving )?(?:my|our) names?\b"
)
# An answer to a bot that asks for the name (and says what is shared) that keeps the writer's
# identity back ("no. i want to stay anonymous", "No - I don't want to be identified", "nah they'd
# know it was me"): the "no" refuses the name, which is anonymity, not consent to share.
IDENTITY_KEPT = re.compile(
    r"\banonym|\banon\b|\bidentif|\bwho i am\b|\b(?:it's|its|it is|it was|it were) me\b"
    r"|\bwant (?:my|our) names? (?:going|to go|passed|given|sent|known|on)\b"
    r"|(?:\bnot|n't|\bdont|\bwont|\bcant|\bno) (?:going to |gonna |want to |wanting to )?"
    r"(?:give|giving|say|saying|tell|telling|leave|leaving|share|sharing) (?:you )?(?:my|our|a|any)"
    r" (?:name|names|full name|details)\b"
)
IDENTITY_ONLY = re.compile(
    r"\b(?:know|knowing|knows|find out|finding out|to learn|work out) (?:that )?(?:it's|its|it is"
    r"|it was|who i am|who we are|who it is|who it was|who's complaining|my name|where i live)"
    r"|\b(?:with|containing|that has|showing|including|or) (?:any of )?(?:my|our) (?:details|name"
    r"|names|address|identity)\b"
)

# "I don't want my name going to the police or the council", "our names passed to the council":
# only the name, kept from the agencies themselves, is anonymity (nlp.exclusions), not a refusal
# to share; "my details passed to the landlord" or "anything with my name on" still refuse.
NAME_FROM_AGENCIES = re.compile(
    r"^(?:[^ ]+ ){0,3}?(?:my|our|her|his|their) names? (?:to be |being )?(?:going|to go|passed"
    r"|given|sent|shared)(?: on)? to (?:the )?(?:police|council|agencies|you|u|anyone|anybody"
    r"|[a-z]+ (?:police|council))\b"
    r"|^(?:[^ ]+ ){0,2}?tell (?:the )?(?:police|council|agencies|anyone)(?: or (?:the )?(?:police"
    r"|council|agencies))? (?:who i am|who we are|my name|our names|(?:that )?it was me)\b"
)
# "please do not pass this email address on to the police", from a writer who stays anonymous: the
# writer's own way to be reached, kept from the agencies, is anonymity too (read only when the
# text says so); "don't pass any of this on to my landlord" still refuses.
CONTACT_FROM_AGENCIES = re.compile(
    r"^(?:[^ ]+ ){0,3}?(?:pass|passing|give|giving|send|sending|share|sharing|forward|forwarding)"
    r"(?: on)? (?:my|our|this|the) (?:e-?mail(?: address)?|email address|phone number|mobile"
    r"(?: number)?|number|contact details|name|names)(?: on)? (?:to|with) (?:the |any )?"
    r"(?:police|council|agencies|anyone|anybody|[a-z]+ (?:police|council))\b"
)
# "... with my name on to the police or the housing": kept from named bodies, a refusal to share.
NAMED_BODY = re.compile(
    r"\b(?:on )?to (?:the |my |our |any )?(?:police|council|housing|housing association"
    r"|landlord|social services|agencies|[a-z]+ (?:police|council|homes|housing))\b"
)


# The writer counts themselves among those the behaviour hits, with a spouse they care for ("my
# wife and I have had trouble ..."): a spouse who is "her carer" applies as a victim.
SPOUSE_AFFECTED = re.compile(
    r"\b(?:my (?:wife|husband|partner) and (?:i|me|myself)|(?:me|i|myself) and my (?:wife|husband"
    r"|partner))\b(?: [a-z']+){0,3}? (?:have|has|had|'ve|are|were|both|keep|get|got|live|suffer)"
)


NAME_PROMPT = re.compile(
    r"\b(?:your|a) (?:full )?name\b|\bwho am i speaking to\b|\bwhat should i call you\b"
)
# A question about sharing who the writer is ("Would you be willing to share your details with
# them?"): a "no, I want to stay anonymous" to it keeps the identity back, no refusal to share.
IDENTITY_PROMPT = re.compile(
    r"\b(?:your|a) (?:full )?name\b|\bwho am i speaking to\b|\bwhat should i call you\b"
    r"|\byour (?:contact )?details\b|\bwho you are\b"
)
# "I'm not giving my name. I don't want it going to the police": the name, told just before, is
# what is kept from the agencies.
IT_GOING = re.compile(
    r"\b(?:want|wanting) (?:it|that|them|those) (?:to be |being )?(?:going|to go|passed|given|sent"
    r"|shared)\b"
)
# A bare name answering "Could you tell me your name?" ("Arthur Pim", "it's Mrs J Holt").
NAME_ANSWER = re.compile(
    r"(?:(?:it's|its|it is|i'm|im|i am|my name is|name's)\s+)?"
    r"((?:(?:mrs|mr|ms|miss|dr)\.?\s+)?[a-z][a-z'-]+(?:\s+[a-z][a-z'-]*){0,2})\W*",
    re.IGNORECASE,
)
NOT_NAMES = frozenset(
    "why what who how do does you need it sure ok okay yes yeah yep fine sorry rather prefer "
    "anonymous private later skip pass nope nah dunno no".split()
)


NO_NAMES = re.compile(r"\W*(?:no|not|without|never) (?:giving |give |any |my |our )*names?\b")
_BACK_REFERENCE = re.compile(r"\b(?:that|this|ok|okay|alright|all right|fine)\b")


def asked_question(prompt: str) -> str:
    """What a prompt asks: its sentences that end with "?" (the whole prompt when none does).

    "..., which are only shared with the agencies involved. Could you tell me your name?" asks
    for a name, so a "no way" after it refuses the name, not the sharing.
    """
    parts = re.split(r"(?<=[.!?])\s+", prompt.strip())
    asked = []
    for index, part in enumerate(parts):
        if not part.rstrip().endswith("?"):
            continue
        if index and len(part.split()) <= 6 and _BACK_REFERENCE.search(part.lower()):
            asked.append(parts[index - 1])  # "We would share it with the police. Is that OK?"
        asked.append(part)
    return " ".join(asked) if asked else prompt


# The author of a forwarded original who writes for a body, not as a person suffering ASB: a
# victim forwarding "the reply I got from the council" stays the victim.
BODY_NAME = re.compile(
    r"\b(?:team|council|police|constabulary|housing|homes|officer|pcso|unit|"
    r"department|services|safety|partnership|no-?reply|do not reply|enquiries|customer)\b"
    r"|^(?:pc|ps|dc|sgt|insp)\.? ",
    re.IGNORECASE,
)
BODY_ADDRESS = re.compile(
    r"(?:\.gov\.uk|\.police\.uk|\.nhs\.uk|\.nhs\.net|council|police|constabulary|homes|housing)"
    r"[^@]*$|^(?:no-?reply|noreply|donotreply|asb|enquiries|customer|contact|info)[@.]",
    re.IGNORECASE,
)


def writes_for_a_body(author: Person | None) -> bool:
    """Whether a forwarded original's author writes for a council, the police, a landlord or
    another body (by display name or address), not as a person telling what happened to them."""
    if author is None:
        return False
    return bool(
        (author.name and BODY_NAME.search(author.name))
        or (author.email and BODY_ADDRESS.search(author.email))
    )


# "my husband has MS ... im his carer": a spouse caring for the other applies as a victim.
SPOUSE_MENTIONED = re.compile(
    r"\bmy (?:husband|wife|partner|hubby|missus|fiance|fiancee)\b(?!(?:'s)? and (?:i|me|myself)\b)"
)
SPOUSES_CARER = re.compile(r"\b(?:his|her) (?:[a-z-]+ )?carer\b")


# An email address given for the victim in a third party's words: "she can be contacted on
# ...", "his email is ...", "email her directly: ...", "Mr Paul Grey (paul.grey@...)"; not "her
# daughter's email is ..." (someone else's). Read on the 80 characters before the address.
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_WHO = r"(?:her|him|them|mum|dad|my mum|my dad|(?:mrs|mr|ms|miss|dr)\.? [a-z'-]+)"
VICTIM_EMAIL_BEFORE = re.compile(
    rf"(?:(?:contact|email|e-mail|reach|write to|message) {_WHO}(?: directly| herself| himself)?"
    r"(?: (?:on|at|via|by email|by e-mail))?(?: (?:on|at))?"
    r"|(?:she|he|they|mum|dad|(?:mrs|mr|ms|miss|dr)\.? [a-z'-]+) (?:can|may|could|would like to|"
    r"would prefer to|prefers to|is happy to|are happy to) be (?:contacted|reached|emailed)"
    r"(?: directly)?(?: by (?:email|e-mail))?(?: (?:on|at|via))?"
    r"|(?:her|his|their|mum's|dad's|(?:mrs|mr|ms|miss|dr)\.? [a-z'-]+'s) (?:own )?(?:e-?mail"
    r"(?: address)?|contact email)(?: address)? (?:is|:)"
    r"|(?:mrs|mr|ms|miss|dr)\.? [a-z'-]+(?: [a-z'-]+)? ?[(<,:-])\s*:?\s*$"
)

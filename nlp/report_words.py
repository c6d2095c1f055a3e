"""The words report attachment reads (:mod:`nlp.incident_reports`): who reported, to whom, what
a report's clause names, which of several incidents it means.

Regular expressions and word lists only; the rules that use them are in
:mod:`nlp.incident_reports`.
"""

from __future__ import annotations

import re

# "reported this to us", "told us": the body an officer writes for
TO_US = re.compile(r"\W*(?:(?:it|this|that|these|them|all|each|one)\W+){0,2}(?:to\W+)?us\b", re.I)
# "me and my neighbour (both)", "my wife and I (each)", "we (all)", "the two of us (both)": people
# before the collective word, which then counts the reporters, not the incidents
REPORTERS_BEFORE = re.compile(
    r"(?:\b(?:we|us)|\bme\s+(?:and\b|n\b|&)[^.!?;]*|\b(?:and|n)\s+(?:i|me|myself)|\bi\s+and\b[^.!?;]*"
    # "Mr Patel opposite and Derek at number 9 both rang 999": people, named or by who they are
    r"|\b(?:mr|mrs|ms|miss|dr|neighbours?|husband|wife|partner|son|daughter|friend)\b[^.!?;]*"
    r"\band\b[^.!?;]*|\b(?:the|my|our|two|three)\s+neighbours)"
    r"\s+$",
    re.I,
)
# "... on 29 October that ...", "... on the 5th to say (that) ...", "..., saying ...": what the
# report said follows
REPORT_SAID = re.compile(
    r"\s*,?\s*(?:that|to\s+say(?:\s+that)?|saying(?:\s+that)?|to\s+tell\s+us(?:\s+that)?)\s+", re.I
)
# "until she came into our office", "till he came in to see us", "until she rang our team": the
# writer's body, told when the report was made
TO_OUR_OFFICE = re.compile(
    r"\b(?:came|come|called|popped|dropped|went|walked|rang|phoned|emailed|wrote|spoke)\s+"
    r"(?:(?:in|into|round|down|over|by|in\s+to)\s+)?(?:to\s+)?(?:see\s+us|speak\s+to\s+us|us\b"
    r"|our\s+(?:office|offices|team|service|reception|hub|surgery))",
    re.I,
)
# "reported it to you", "told you", "rang you about this": the partnership the message went to
# (not "our names are on the police report if you need them")
TO_YOU = re.compile(
    r"\W*(?:(?:it|this|that|these|them|all|each|one|both|of|about)\W+){0,3}(?:to\W+)?(?:you|u)\b",
    re.I,
)
# "..., shes from the council", "(he's with the housing association)", "who works for the
# council": the body the person told belongs to
FROM_BODY = re.compile(
    r"\b(?:s?he|they|who)\s*(?:'s|’s|s|is|are|was|were|works|work|worked)?\s+"
    r"(?:from|with|at|for|works\s+for|employed\s+by)\s+(?:the\s+|a\s+|an\s+)?[\w' -]{2,40}",
    re.I,
)
# "the only two who ever ring it in", "people who always report it": a habit of the reporters
HABIT = re.compile(
    r"\b(?:who|that)\s+(?:ever|always|usually|normally|generally|regularly)\s+$", re.I
)
# "Five of us ... have reported the bikes", "several neighbours have complained": who has
# reported (the community route counts them), not one report of the incident just told
MANY_REPORTERS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|lots|most|all)\s+"
    r"(?:of\s+(?:us|them|our\s+\w+|the\s+\w+)|(?:other\s+)?(?:households|neighbours|residents"
    r"|families|people|houses|tenants|homes))\b[^.!?;]*\b(?:have|has|had)\s+(?:all\s+|also\s+|each\s+)?$"
    # "Me, the couple opposite and the man at 52 have all reported it": reporters listed ("n",
    # "&" in text-speak; "have each", "have both", "have also")
    r"|(?:\band\b|\bn\b|&)[^.!?;]{0,80}\b(?:have|had)\s+(?:all|each|both|also)\s+(?:also\s+)?$"
    # "eight of us on the street who've all rang the council", "three other residents who
    # complained separately"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many)\s+(?:other\s+)?"
    r"(?:of\s+(?:us|them)|households|neighbours|residents|families|people|tenants)\b[^.!?;]{0,40}"
    r"\bwho(?:'ve|’ve|ve|\s+have|\s+had)?\s+(?:all\s+|also\s+|each\s+|both\s+)?$",
    re.I,
)
# "My neighbour Ruth has also complained", "the couple opposite have rung them too": another
# person's report told beside the writer's, just before the report verb
OTHER_REPORTER_ALSO = re.compile(
    r"\b(?:my|our|the|a)\s+(?:\w+\s+)?(?:neighbours?|friends?|couple|family|lady|man|woman"
    r"|tenants?|residents?)\b[^.!?;,]{0,40}?\s(?:has|have|had)\s+(?:also|too|as\s+well)\s+$",
    re.I,
)
# "Mrs Okoro next door has reported it as well": another reporter named before "has", the
# report's "as well/too" after the verb (:data:`SAME_BODY`)
OTHER_REPORTER_HAS = re.compile(
    r"\b(?:(?:my|our|the|a)\s+(?:\w+\s+)?(?:neighbours?|friends?|couple|family|lady|man|woman"
    r"|tenants?|residents?)|(?:mrs?|ms|miss)\.?\s+[a-z][\w'-]+)\b[^.!?;,]{0,40}?\s"
    r"(?:has|have|had)\s+$",
    re.I,
)
# "about the wall one I phoned the police", "as for that one, we rang": a topic put before the
# report verb, naming one incident told
FRONTED_ONE = re.compile(
    r"\b(?:about|as\s+for|re|regarding|with)\s+(?:the|that|this)\s+(?:(?P<what>[a-z]{4,})\s+)?"
    r"one\W+(?:i|we|she|he|they|my\s+\w+)\s+(?:(?:also|only|then|just|did|have|had)\s+)?$",
    re.I,
)
# "who each rang in", "they both": the reporters before a collective word
REPORTERS_EACH = re.compile(r"\b(?:who|they|we)\s+$", re.I)
# "each to the police or to environmental health": bodies shared among reporters
SHARED_AMONG = re.compile(r"\s*,?\s*to\b", re.I)
# "... when I told them", "... which day we rang": the unknown day is the report's
REPORTED_BY_WRITER = re.compile(
    r"\s*(?:it\s+was\s+)?(?:that\s+)?(?:i|we)\s+(?:first\s+)?(?:told|reported|rang|rung|phoned"
    r"|called|emailed|contacted|complained|informed|went\s+to|spoke\s+to|messaged)\b",
    re.I,
)
# "Someone rang the police", "a neighbour must have called 999", "one of the other residents
# reported it": a reporter not known, just before the report verb
REPORTER_UNKNOWN = re.compile(
    r"\b(?:some\s*one|somebody|a\s+neighbour|one\s+of\s+the\s+(?:other\s+)?(?:neighbours|residents)"
    r"|a\s+passer\W?by|another\s+(?:neighbour|resident|tenant))\s+(?:\w+\s+){0,2}$",
    re.I,
)
# A perpetrator opening the words after a date: "... on the 2nd they threw eggs".
DOER_FIRST = re.compile(
    r"\W*(?:they|he|she|someone|somebody|the\s+(?:lads|kids|youths|boys|neighbours?|man|woman"
    r"|family|tenants?))\b",
    re.I,
)
# A bot's question asking whether and to whom an incident was reported: "Did you report it to
# anyone?", "Have you told the police or the council?", "Who did you tell?", "Did you tell
# anyone about that?"
REPORT_QUESTION = re.compile(
    r"\b(?:did|have|has|had)\s+(?:you|u|anyone|anybody)\b[^?]{0,40}?\b(?:report\w*|tell|told"
    r"|contact\w*|ring|rang|call|phone\w*|let\s+\w+\s+know)\b"
    r"|\b(?:who|which\s+\w+)\s+(?:did|have)\s+(?:you|u)\s+(?:report|tell|told|contact|ring|call)",
    re.I,
)
# "my landlord is a housing association", "our landlord's Clarion Housing", "the landlord is the
# council"; "Thameside Homes are my landlord" (a body named before, by a housing word)
SOCIAL_BODY = (
    r"(?P<body>(?:(?!not\b|nor\b|or\b|never\b)[\w'-]+\s+){0,3}?(?:housing\s+association|housing\s+trust|registered\s+provider"
    r"|social\s+landlord|housing\s+group|homes|housing|council))\b"
)
LANDLORD_IS = re.compile(
    r"\b(?:my|our|her|his|their|the)\s+landlord(?:\s+is|'s|’s|\s+are|\s+was|\s*,|\s*\()\s*"
    r"(?!not\b)(?:a\s+|an\s+|the\s+)?" + SOCIAL_BODY,
    re.I,
)
IS_LANDLORD = re.compile(
    SOCIAL_BODY + r"\s+(?:is|are|was)\s+(?:my|our|her|his|their|the)\s+landlord\b", re.I
)
PRIVATE = re.compile(r"\bprivate\b", re.I)
# Words of a report's clause that name no incident: report words, bodies, times, fillers.
NOT_TOPIC = frozenset(
    """about that this them they their there with from have been were what when which also just
    same night morning evening afternoon told rang rung reported report reports reporting police
    council team through online form following your community safety housing incident incidents
    number given because called phoned emailed rung ringing contacted complained complaint
    officer officers straight away later after before next week weeks month months days time
    times then again both these those every each ones thing things stuff matter issue issues
    problem problems behaviour crime reference incident said says would could should will
    into onto over under only even still never ever some other another first second third last
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday january
    february march april june july august september october november december asb""".split()
)
# "... and again last night", "then again on the 5th": the same again, on another day
AND_AGAIN = re.compile(r"\b(?:and|then|&)\s+(?:then\s+)?again\s+(?:on\s+)?$", re.I)
# Where the words after a report's date stop being about it: a comma, ";" or a full stop.
AFTER_CLAUSE_END = re.compile(r"[,;.!?]|\bbut\b")
# "rang the council three times about that one", "twice over it": a count of reports of the
# one incident named just after it
ABOUT_THAT_ONE = re.compile(
    r"\W*(?:(?:now|so\s+far|since|already)\W+)?"
    # "three times that week about it", "twice the next day over it"
    r"(?:(?:that|the\s+same|the\s+next|the\s+following)\s+(?:week|night|day|morning|evening"
    r"|afternoon|weekend)\W+)?(?:about|over|for|re|regarding|with)\s+"
    r"(?:it|this|that|him|her|them)\b(?!\s+(?:all|lot|ones)\b)",
    re.I,
)
# "both times", "both occasions": two reports, or two incidents
BOTH_TIMES = re.compile(r"both\s+(?:times|occasions)\b", re.I)
# "... apart from the fireworks", "except the one with the bins": a collective report's exception
SAVE_FOR = re.compile(
    r"\b(?:apart from|except(?: for)?|other than|bar|but not|not including|excluding)"
    r"\s+(?:the\s+|that\s+|those\s+|one\s+with\s+the\s+)?(?:one\s+)?(?P<what>[a-z]{4,})",
    re.I,
)
ORDINAL = re.compile(
    r"\bthe\s+(first|earlier|earliest|second|third|fourth|later|latest|last|most recent)\s+"
    r"(?:(?P<count>two|three|four|2|3|4)(?:\s+(?:ones|times|incidents|occasions))?"
    r"|one|time|incident|occasion)\b",
    re.I,
)
ORDINAL_INDEX = {"first": 0, "earlier": 0, "earliest": 0, "second": 1, "third": 2, "fourth": 3}
COUNT = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
FROM_START = frozenset({"first", "earlier", "earliest"})
# "the first two I reported, the rest I ...": the incidents told apart from an ordinal group
REST = re.compile(r"\b(?:all\s+)?the\s+(?:rest|others|other\s+ones|remainder)\b", re.I)
# what stands between "the rest" and a report verb that is about them ("the rest I never
# reported", "the others were all reported to", "the rest went to the council")
REST_THEN_CUE = re.compile(
    r"\s*(?:(?:of\s+them|i|we|he|she|they|my\s+\w+)\s+)?"
    r"(?:(?:have|had|has|were|was|just|also|all|then|never|not|didn'?t|did|been|i)\s+)*",
    re.I,
)
# "the rest I didnt bother", "the rest I just let go", "the others went unreported": not reported
REST_LEFT = re.compile(
    r"\s*(?:(?:of\s+them|i|we|he|she|they)\s+)?(?:(?:just|simply|all|have|had)\s+)*"
    r"(?:didn'?t\s+bother|did\s+not\s+bother|never\s+bothered|couldn'?t\s+be\s+bothered"
    r"|let\s+(?:go|slide|pass)|let\s+(?:it|them)\s+(?:go|slide|pass)|left(?:\s+(?:it|them))?\b"
    r"|(?:went|were|are)\s+unreported|ignored)",
    re.I,
)


# An answer that names a body without having told it: "no, not the police", "might ring the
# council tomorrow", "going to tell the housing", "was gonna ring 101".
NOT_TOLD = re.compile(
    r"^\W*(?:no|nope|nah)\b|\b(?:not|never|didnt|havent|hasnt|will|might|may|gonna|going\s+to"
    r"|want\s+to|wanna|should|would|tomorrow|next\s+week)\b|\w(?:n't|n’t)\b",
    re.I,
)


# "reported that one as well", "rang about it too": to the body just named
SAME_BODY = re.compile(
    r"\s+(?:(?:it|this|that|them)(?:\s+(?:one|1))?\s+)?(?:as\s+well|too)\b", re.I
)
# "I've reported it already", "already rang them"
# ("already by then", "already that night" say when)
ALREADY = re.compile(
    r"\balready\b(?!\s+(?:by|before|that|this|when|then|on|at|the|in|straight|same)\b)", re.I
)

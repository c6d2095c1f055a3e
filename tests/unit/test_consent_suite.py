"""nlp.parties consent on unseen writing: given, refused and not stated, in many voices."""

from __future__ import annotations

import pytest

from nlp.document import Person, SegmentKind
from nlp.parties import PartyText, decide_parties_for_texts
from trigger.vocabulary import Consent


def consent(text: str) -> Consent:
    part = PartyText(text, SegmentKind.BODY)
    return decide_parties_for_texts([part], sender=Person("Sam Reed")).consent


GIVEN = [
    "I write for my neighbour Mrs Ada Kerr, who asked me to email you as she has no computer.",
    "My uncle has asked me to contact you about the lads on his road.",
    "I agree to share my details with the police and the council for this review.",
    "She agrees to you passing her details on to the housing association.",
    "We agree to the council sharing our information with the police.",
    "She's happy for me to apply on her behalf.",
    "Mrs Okafor has agreed to me making this application and to her details being shared.",
    "He said it's fine for you to share his details with the police and housing.",
    "I'm happy for my information to be shared with the agencies involved.",
    "my nan said yes to me doing this for her and shes ok with you passing it on",
    "My client has given written consent for this referral.",
    "You have my permission to share this with the landlord.",
    "Mr Patel consents to information sharing between the partners.",
    "I give my consent for the council to contact the housing association.",
    "I'm fine with you speaking to the police about it.",
    "Both tenants have said they are happy for their information to be passed on.",
    "I have his full consent to raise this.",
    "She has given me the go-ahead to apply and share what's needed.",
    "I agree to my details being passed to the relevant agencies.",
    "I don't mind you sharing my details with whoever needs them.",
    "We're happy for you to contact the police and the housing association.",
    "Mum is happy for you to go ahead and share what you need to.",
    "He is aware of this application and agrees to it.",
    "They've said yes to sharing their details.",
    "I have permission from Mrs Davies to make this application for her.",
    "She knows I'm writing and is happy for me to do so.",
    "yeah ok you can share it with the housing lot",
    "I authorise you to share my information with Sanctuary Housing.",
    "I'm content for all agencies to have my details.",
    "My neighbour has consented to me applying for her.",
    "I'm OK with my details going to the police.",
    "My tenant has asked me to apply on her behalf and is happy for the details to be shared.",
    "I confirm I have the resident's consent to share this information.",
    "Yes he's fine with it, go ahead.",
    "She has signed the consent form, attached.",
    "He is more than happy for the police to be contacted.",
    "I have spoken to Mrs Khan and she agreed for me to raise this.",
    "we are happy for you to pass this to whoever deals with it",
    "I consent to the council sharing my information with the police and Riverside.",
    "On behalf of my mum (she's agreed to me doing this).",
    "Mr Jones knows about this and has given his permission.",
    "She gave me permission to write to you.",
    "my brother says it's ok for me to send this in for him",
    "I am happy to share my details with the police.",
    "He would like me to make this application for him and is happy for information to be shared.",
    "Consent: yes",
    "I've asked her and she said it's fine to share.",
    (
        "Mrs Begum has asked me to contact you and is happy for her information to be "
        "shared with partner agencies."
    ),
    "I am applying with the consent of the victim, my father.",
    "She says yes you can share whatever you need.",
    "He's fine with the council contacting him and the police.",
    "Permission to share: yes",
    "She is aware and agrees with me contacting you.",
    "He has consented for his details to be shared.",
    "All five of us agree to our details being shared.",
    "Happy for info to be shared with anyone who can help.",
    "Both my parents are aware and content for me to act for them and share details.",
    "He gave his consent over the phone this morning.",
    "She said go ahead.",
]
REFUSED = [
    "Please don't tell my landlord, I'm scared of being evicted.",
    "She does not want her details shared with anyone.",
    "I don't consent to my information going to the police.",
    "He would rather the housing association wasn't told.",
    "pls dont pass my details on to anyone",
    "I do not give permission for my details to be shared.",
    "She's happy for me to apply but doesn't want her landlord contacted.",
    "Please keep my landlord out of this.",
    "Mum has withdrawn her consent for information sharing.",
    "I'd rather my details weren't shared with the police.",
    "He refuses to let us share anything with the council.",
    "Don't share this with social services please.",
    "I don't want my employer knowing about any of this.",
    "My details must not be passed to the housing association.",
    "She doesn't want the police involved at all.",
    "I do not want my landlord to find out about this.",
    "Please do not contact my housing association.",
    "She has asked that the police are not contacted.",
    "I'm happy to apply but I don't want my details passed to the police.",
    "Do not share any of my information, I'm terrified.",
    "He has said no to his details being shared.",
    "Can you make sure nothing goes to my landlord please.",
    "i dont want housing knowing",
    "She is happy for me to raise it but does not want the police told.",
    "Please do not involve the police in this.",
    "He is adamant his landlord must not find out.",
    "My client has not given consent for information to be shared.",
    "do NOT send anything to my housing officer",
    "I'd prefer it if my landlord wasn't told.",
    "I don't want you contacting the police about this.",
    "She might agree if you promise not to tell the landlord.",
    "I would prefer my name is not given to anyone including the police.",
    "Consent to share: no",
    "She has said she doesn't want social services knowing.",
    "He's happy for the council to know but not the police.",
    "please don't contact my landlord about this, I'll lose my flat",
    "My daughter does not agree to her details being given out.",
    "I don't want any of this going to my housing officer.",
    "Mum has said please don't tell the housing, they'll blame her.",
    "She is not comfortable with her details being passed to the police.",
    "I'm not happy for my details to be shared with the landlord.",
    "He doesn't want anything shared with his GP.",
    "Please keep this between us and not share with the police.",
    "She has specifically asked that her landlord is not made aware.",
    "no sharing with the police please",
    "He will not allow his details to be shared.",
    "I would not like my housing association to be told.",
    "She's terrified the landlord will find out so please don't share with them.",
    "He has withheld consent for the police to be contacted.",
]
NOT_STATED = [
    "The police asked me to contact you about the noise.",
    "I don't agree with the council's decision to close the case.",
    "We agree that the noise has got worse since the summer.",
    "I haven't asked her yet whether she's happy for her details to be shared.",
    "I'll ask him if he consents to this and let you know.",
    "The music is every night until 3am and I can't sleep.",
    "Don't tell anyone it was me, the lads would come after me.",
    "I don't want the neighbours to know I've complained.",
    "He might be OK with sharing if it stays out of the papers, I'll check with him.",
    "Is it ok if I apply for my dad? He's 87 and doesn't use email.",
    "Do you need her consent before I can apply?",
    "I'm writing about my mother, who lives next door to the problem family.",
    "The landlord has been told several times and does nothing.",
    "I rang the police on Friday and they said to contact the council.",
    "Please contact me on my mobile after 5pm.",
    "I'm happy to give a statement if it helps.",
    "Will you be telling the neighbours who made the application?",
    "I'm not sure whether she'd agree to you contacting her.",
    "I'm not sure if she'll agree to this, she's very frightened.",
    "I will check with Mr Brown if he is ok with sharing.",
    "Can you tell me who you share information with?",
    "I don't want the family next door knowing I complained.",
    "Please don't tell them it was me who reported.",
    "The police told me to contact the council.",
    "I am fine thank you for asking, just tired.",
    "I'll pass this on to my neighbour as well.",
    "He wants to know if he has to give consent.",
    "I'm going to speak to her about consent tomorrow.",
    "The council shared my details with the neighbour last time, which was awful.",
    "I haven't had a chance to ask my dad about sharing his details yet.",
    "I'm happy to be contacted by email.",
    "Can I apply for my mum? She lives at 4 Rose Court.",
    "The police said they would share the information with the council.",
    "He's happy now that the noise has gone down a bit but it's back every weekend.",
    "I don't want anyone to know I reported it.",
    "I'll check with her whether she's comfortable with that.",
    "She's too scared to even talk about it.",
    "I haven't discussed sharing with him yet.",
    "He told me not to bother reporting it again.",
    "I'm fine, just fed up with it all.",
    "She told the police everything last week.",
    "Please don't tell him I've been in touch.",
    "Do you share information with the housing association?",
    "Will my landlord be told about this?",
    "I'll let you know if she agrees.",
    "He's fine in himself but very tired.",
    "Please forward this to the right team.",
    "The landlord agreed to fix the fence.",
    "I'm content that the police did what they could.",
    "She has no phone so please write to her.",
    "The housing officer shared the letter with me.",
    "Please don't tell him who I am.",
    "If she agrees I will send the form back.",
    "Sharing is caring I suppose, but I'm exhausted.",
    "Ask me again once I've spoken to my wife.",
    "I told the police about it and they came out.",
]


@pytest.mark.parametrize("text", GIVEN)
def test_agreement_to_apply_or_share_is_consent_given(text: str) -> None:
    assert consent(text) is Consent.GIVEN


@pytest.mark.parametrize("text", REFUSED)
def test_refusal_to_share_even_with_one_body_is_consent_refused(text: str) -> None:
    assert consent(text) is Consent.REFUSED


@pytest.mark.parametrize("text", NOT_STATED)
def test_unasked_conditional_or_unrelated_text_is_consent_not_stated(text: str) -> None:
    assert consent(text) is Consent.NOT_STATED

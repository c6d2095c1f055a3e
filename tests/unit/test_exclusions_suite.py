"""nlp.exclusions on unseen writing: each exclusion's positives and near-misses, many voices."""

from __future__ import annotations

import pytest

from nlp.exclusions import find_exclusions
from trigger.vocabulary import Exclusion as E


def excluded(text: str) -> set[str]:
    return {f.label for f in find_exclusions(text)}


ANONYMOUS = [
    "I'd like to report this anonymously if that's possible.",
    "pls dont take my name i just want to report it anon",
    "I wish to remain anonymous. The drug dealing at number 4 is every night.",
    "Can this be done without me giving my name? They'd know it was me.",
    "I am not prepared to give my name or address to the council.",
    "My client does not wish to be identified to the agencies involved.",
    "I won't be giving my details, sorry, but the shouting is every night.",
    "Could I stay anonymous? I'm frightened of what he'll do.",
    "i dont want the police or council knowing who i am",
    "Please treat this as an anonymous application, I won't give a name.",
    "I'd prefer not to give my identity to anyone at the council.",
    "I need this to be confidential, I won't be putting my name to it.",
    "Sorry but I'm not giving my name, you'll understand why.",
    "Can I do this anonymously? The lads on the corner are dealing every night.",
    "I would like my identity withheld from all agencies.",
    "i'm not comfortable giving my name to the police or council",
    "Is it possible to apply without my name being on it?",
    "I'll not be giving my details as I don't trust the council.",
    "hi i want to report the lot at no 9 but i dont want to give my name or number ok",
    "Dear Sir, I write regarding the disorder on Park Row. I must insist on remaining anonymous.",
    (
        "As a councillor I am raising this for a resident who wishes to remain anonymous "
        "to the council."
    ),
    "No name sorry. They burn rubbish every night in the back garden.",
    "I'm not willing to provide my details at this stage.",
    (
        "Hello, I live on the Bridge estate. The youths are setting fires every night. "
        "I'd rather keep my name out of it, I hope you understand."
    ),
    "I'm reporting this but I won't leave my contact details.",
    "Is there a way to do this where the council doesn't know who I am?",
    "Please can my identity be kept from the police and the council.",
    "Im a tenant at Oak House and want to make a complaint but I dont want my name on anything",
    "I'd like to apply but without the council or police having my details.",
    (
        "I'm a support worker; my client is willing to apply only if she can remain "
        "anonymous to the police and council."
    ),
    "Can I keep this anonymous? Scared of repercussions.",
    "I do not wish to disclose my identity.",
    "name withheld - resident of Church Street",
    "I'd sooner not say who I am, if that's alright.",
    "Can I do the case review anonymous? They know everyone round here.",
    # anonymity said as who may know, or as a question about doing without a name
    "I don't want the council or the police or anyone knowing it was me that wrote in.",
    "we dont want you or the police finding out it was us, they'd come round",
    "Can it be done without my name? They'd know straight away.",
    "could this be sent without me being named, I'm scared of them",
    "Can I apply without giving my name at all?",
    "I do not want the housing to know it is me making this complaint.",
]
NOT_ANONYMOUS = [
    "I don't want the neighbours to know it was me who complained.",
    "Please don't tell anyone on the street it was me.",
    "My neighbour wants to stay anonymous but I'm happy to be named, I'm Jo Platt.",
    "Someone reported it anonymously last year but nothing happened.",
    "I'm not anonymous, my name is Carol Hughes and I live at 3 Elm Road.",
    "An anonymous letter was pushed through my door threatening me.",
    "He keeps posting anonymous messages about me on Facebook.",
    "I don't want them next door finding out I've been in touch.",
    "Please keep my name from the family at number 12, they'd make it worse.",
    "I'm happy to give my name and address, it's Lisa Grant, 14 Mill Lane.",
    "Please don't let him know it was me who reported it.",
    "Please keep my details confidential from the perpetrator.",
    "I'd like to stay anonymous as far as the neighbours are concerned.",
    "The anonymous reporting line told me to apply here.",
    "I reported it anonymously to Crimestoppers before, but now I'm giving my name.",
    "My name is Priya, I'm not bothered about staying anonymous.",
    "I'd like to remain anonymous to the family but the council can have my details.",
    "They found out who reported them last time even though it was meant to be anonymous.",
    "Is it true that reports can be made anonymously? Asking for my mum, her name is Jean Walsh.",
    "Please keep my identity from the people at number 6.",
    "I don't mind giving my name, it's Tom Hale.",
    "The neighbour who rang it in wanted to be anonymous.",
    "I'm not asking to be anonymous, I just don't want him to know.",
    "Happy to be named. The lads on the bikes are out every night.",
    "The anonymous online form didn't work so I'm emailing.",
    "I've already given my name to the police, it's on the crime report.",
    "My daughter wants to stay anonymous at school, the bullies are there.",
    "I'm not giving up, my name is Dave Kerr and I want this sorted.",
    "I want to stay anonymous from the people causing it, but you can have my name: Ann Lowe.",
    "I don't want anyone on the estate knowing it was me.",
    "Could it be done without my name going to the family next door?",
    "The council sorted it without my name being passed to them next door.",
    "I don't want the lads to know it was us who rang 101.",
]
CPS = [
    "I want the CPS decision not to charge him reviewed.",
    "The CPS dropped the case and I'd like someone to look at that again.",
    "cps said no further action which is a joke, can you get it reviewed",
    "I am writing to challenge the Crown Prosecution Service's decision not to prosecute.",
    "Please reconsider the decision by the CPS, they got it wrong.",
    "My mother is very unhappy that the CPS decided not to take him to court.",
    "I want to appeal the CPS decision, there was plenty of evidence.",
    "The crown prosecution decided not to charge. I disagree and want it looked at.",
    "The CPS refused to prosecute and I think that decision is wrong.",
    "This application is about the CPS decision to drop the charges against my neighbour.",
    "Police sent it to the CPS who decided no further action. I want this reviewed.",
    "I'm asking for a review of the Crown Prosecution Service's decision.",
    "The CPS let him off and I want someone to overturn that.",
    "After 8 months the CPS said there was insufficient evidence. I want that decision challenged.",
    "Can you review why the CPS didn't charge him?",
    "I'm raising a community trigger because I disagree with the CPS not charging him.",
    "i want the CPS to look at it again they said no",
    (
        "We were told by the police that the CPS had decided to take no further action, "
        "and we feel that is completely wrong."
    ),
    "Why did the CPS not prosecute? I want answers and a review.",
    "It's a disgrace the CPS didn't take it further, please look at their decision.",
]
NOT_CPS = [
    "The CPS charged him last month and the trial is in June.",
    "The police passed the file to the CPS, we're waiting to hear.",
    "I'm not asking you to review the CPS decision, I accept it. The noise is every night.",
    "CPS have authorised a charge for criminal damage.",
    "He was charged by the CPS after the assault, but the harassment carries on every day.",
    "I understand the CPS decision. What I need is for the shouting to stop.",
    "The officer said the CPS would decide, and they charged him.",
    "I'm not challenging the CPS, I just want the ASB dealt with.",
    "I'm waiting on the CPS to make a charging decision.",
    "The CPS decided to charge him, which I was relieved about.",
    "CPS are reviewing the file now and I'm reporting the ASB that is still going on.",
    "The Crown Prosecution Service has charged him with harassment.",
    "The officer explained the CPS process to me, which was helpful.",
    (
        "The CPS decision was the right one, I have no complaint about it. It's the "
        "ongoing noise I need help with."
    ),
    "I gave a statement to the police and they are waiting for CPS advice.",
]
COURT = [
    "The magistrates only gave him a fine, that's a joke, I want it looked at again.",
    "I'm unhappy with the court's decision to let him off.",
    "The judge gave a suspended sentence, it's far too lenient.",
    "I want to appeal the verdict, he was found not guilty despite the video.",
    "The court case went against us and I disagree with the ruling.",
    "He should have gone to prison but the court let him off with a community order.",
    "my complaint is the sentence was too lenient, he should of been sent down",
    (
        "I am dissatisfied with the decision of the county court on the injunction and "
        "want it reviewed."
    ),
    "The jury acquitted him and I can't believe it.",
    "I want the magistrates' decision reviewed, it was unfair.",
    "The judge let him walk free and I want the decision reviewed.",
    "Im disgusted with the sentence he got, 12 months suspended is nothing.",
    "I am writing to appeal the magistrates' ruling on the closure order.",
    "He got a 6 month conditional discharge which is a slap on the wrist, I want it appealed",
    "The court threw out the injunction application and I think the judge got it wrong.",
    (
        "I want a review of the sentence he got, 40 hours community service for what he "
        "did is a disgrace."
    ),
    "The magistrates dismissed the case and I feel completely let down by the court.",
    (
        "The sentence handed down by the crown court was far too soft and I want "
        "something done about it."
    ),
    "I am dissatisfied with the outcome at court. He was acquitted.",
    "The judge's decision to give him bail was outrageous and I want it reviewed.",
    "He walked out of court with a fine. That is not justice and I want it looked at again.",
]
NOT_COURT = [
    # a CPS complaint that wants the culprit in court is not about a court's decision
    "The CPS let him off without charge. I want that decision looked at, he should be in court.",
    "I disagree with the CPS, it should have gone to court.",
    "The CPS decided not to prosecute so it never went to court, I want a review.",
    "He's due in court next month for the assault.",
    "The injunction was granted by the county court in May but he keeps breaching it.",
    "I accept the court's decision, it was fair. The problem is the noise every night.",
    "We have a court hearing about the tenancy next week.",
    (
        "He was sentenced to six months and the flat has been quiet since, but his mates "
        "still come round every night."
    ),
    "I'm not unhappy with the court, I'm here because the drug dealing is still going on.",
    "The housing association is taking them to court for possession.",
    "I gave a statement at the magistrates' court in March.",
    "The magistrates granted a closure order last week, which is great.",
    "He's on a suspended sentence but he's still dealing every night.",
    (
        "The judge made a fair decision. My issue is the council's failure to act on the "
        "noise, which continues every night."
    ),
    "The court granted an injunction but he has broken it three times this week.",
    "My son is in court tomorrow as a witness.",
    (
        "The landlord's solicitor said the court hearing is in October, meanwhile the "
        "noise carries on every night."
    ),
    (
        "He got a suspended sentence in May and since then he's been at it every night. "
        "I want the ASB dealt with."
    ),
    "The council is applying to the court for an injunction.",
    "The court granted a closure order and the house has been quiet since.",
    (
        "He was found guilty and I'm pleased with the outcome, but his friends keep "
        "coming round every night."
    ),
    (
        "The judge gave him a 2 year restraining order, so now I need the council to "
        "enforce it because he's still coming round."
    ),
    "I'm not here about the court case, that's done. The kids are still throwing eggs every night.",
]
SERVICE = [
    (
        "My complaint is about the way the officer spoke to me when I reported it. The "
        "neighbours moved out in May."
    ),
    "The PCSO was rude and dismissive. The problem itself has stopped since they were evicted.",
    (
        "I want to complain about how my reports were handled. They've moved away now "
        "but nobody ever called me back."
    ),
    (
        "Nobody from the council ever rang me back about my calls last year. They have "
        "since moved out."
    ),
    "The housing officer was very unprofessional with me. It's been quiet since the family left.",
    "I'm complaining about the council's handling of my case, the ASB stopped in March.",
    (
        "The call handler put the phone down on me. The youths were moved on and there "
        "has been no trouble since."
    ),
    (
        "The behaviour has stopped now but I want to complain about the police's lack of "
        "response at the time."
    ),
    "Your officer was patronising and never got back to me. The neighbour was rehoused in January.",
    "This is a complaint about the service I got from the police. The lads no longer hang around.",
    (
        "I want to make a complaint about the attitude of the officer who came out. The "
        "issue itself has now ended."
    ),
    "The council failed to respond to any of my emails in 2023. He was evicted in December.",
    "Housing ignored my reports for months. Thankfully they've moved out now.",
    (
        "The officer who attended was rude and laughed at me. Since the family were "
        "rehoused last month there have been no problems."
    ),
    (
        "I'm unhappy with how the council dealt with my case. The neighbour has since "
        "died and it's quiet now."
    ),
    (
        "I want to complain that no one from the ASB team ever called me back. The "
        "trouble has finished now."
    ),
    (
        "My reason for applying is that my complaints were ignored by housing. The "
        "neighbour was evicted in August so it is over now."
    ),
    "The call handler was really rude and hung up on me. It all stopped after they were arrested.",
    "My issue is with the police response, not the neighbours, who have gone.",
    (
        "This is about Officer Smith's behaviour towards me in March. The neighbours "
        "left in April and there has been no bother since."
    ),
    (
        "I have no current problems with the neighbours. My complaint is that the "
        "council never responded to my emails last year."
    ),
    (
        "I want to raise concerns about how the police officer treated my elderly "
        "mother. The problem neighbours have now been rehoused."
    ),
    "Complaint about poor service from the council ASB team. Matter now resolved with neighbour.",
    (
        "The council lost my paperwork twice and nobody apologised. The noise problem "
        "was sorted in the summer."
    ),
]
NOT_SERVICE = [
    "The officer was rude to me and the drug dealing is still going on every night.",
    "Nobody called me back and they are still playing music every weekend.",
    "The housing officer was dismissive. The shouting and banging carries on every day.",
    "I want to complain about how my reports were handled, and the harassment is getting worse.",
    "The council never got back to me, and he was at it again last night.",
    "The PCSO was lovely and really helpful. The noise is every night.",
    "They moved out but now the new tenants are worse, shouting every night.",
    "The police were unprofessional, and the kids are still throwing stones at my windows.",
    "The council failed to respond to any of my emails and the noise is still every night.",
    "I'm complaining about the police not acting. The fighting happened again on Saturday.",
    "Nobody ever came out and he's still doing it.",
    "I called 101 six times and nobody came out. The lads were there again last night.",
    "The PCSO was dismissive. Last night they were kicking my door again.",
    "They moved out last year. The police were rude. Now the new lot are dealing drugs every day.",
    "Housing ignored my complaints and the parties are still every weekend.",
    "The officer was rude when he came out. The dog barks all day and night still.",
    "I'm complaining because nothing has been done and it's getting worse.",
    "No one ever rang me back, and last night there were more fireworks thrown at my door.",
    (
        "I complained about the PCSO's attitude but the real issue is the dealing that "
        "carries on outside my flat."
    ),
    "The ASB team are useless. They are still screaming at 3am.",
    "poor service from the police, nobody comes, and the car revving goes on every night",
    "The council lost my paperwork twice and the parties are still going on every weekend.",
]


@pytest.mark.parametrize("text", ANONYMOUS)
def test_applicant_who_will_not_be_identified_is_anonymous(text: str) -> None:
    assert E.ANONYMOUS in excluded(text)


@pytest.mark.parametrize("text", NOT_ANONYMOUS)
def test_discretion_towards_neighbours_or_others_anonymity_is_not_anonymous(text: str) -> None:
    assert E.ANONYMOUS not in excluded(text)


@pytest.mark.parametrize("text", CPS)
def test_request_to_review_a_cps_decision_is_cps_decision(text: str) -> None:
    assert E.CPS_DECISION in excluded(text)


@pytest.mark.parametrize("text", NOT_CPS)
def test_mentioning_the_cps_without_disputing_it_is_not_cps_decision(text: str) -> None:
    assert E.CPS_DECISION not in excluded(text)


@pytest.mark.parametrize("text", COURT)
def test_dissatisfaction_with_a_court_decision_is_court_decision(text: str) -> None:
    assert E.COURT_DECISION in excluded(text)


@pytest.mark.parametrize("text", NOT_COURT)
def test_court_mentions_without_dissatisfaction_are_not_court_decision(text: str) -> None:
    assert E.COURT_DECISION not in excluded(text)


@pytest.mark.parametrize("text", SERVICE)
def test_service_only_complaint_after_the_behaviour_stopped_is_service_complaint(
    text: str,
) -> None:
    assert E.SERVICE_COMPLAINT in excluded(text)


@pytest.mark.parametrize("text", NOT_SERVICE)
def test_service_complaint_with_persisting_asb_is_not_service_complaint(text: str) -> None:
    assert E.SERVICE_COMPLAINT not in excluded(text)

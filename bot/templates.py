"""Every message the bot can send, in one place, in plain English.

GOV.UK style: short sentences, everyday words, "you". ``tests/unit/test_bot_templates.py``
renders every template with :data:`SAMPLES` and checks each with textstat (Flesch reading ease
at least 70, no sentence over 25 words), so add a sample when you add a template.

No template names or describes the alleged perpetrator, or repeats what they said.
"""

from __future__ import annotations

from typing import Any

TEMPLATES: dict[str, str] = {
    # Commands
    "welcome": (
        "Hello. I can help you ask for a review of anti-social behaviour. "
        "Some people call it the Community Trigger. "
        "Tell me what has been happening, in your own words. "
        "You can send more than one message."
    ),
    "welcome_back": "Welcome back. We can carry on where you left off.",
    "help": (
        "Tell me what happened, and when. I will ask a few short questions. "
        "You can tap a button or just type. "
        "Send /status to see where you are. Send /cancel to stop for now. "
        "Send /delete to wipe what you told me."
    ),
    "cancelled": (
        "OK, we will stop for now. I have kept your answers. "
        "Send a message when you want to go on. Send /delete to wipe them."
    ),
    "deleted": "Done. I have wiped what you told me. Send a message if you want to start again.",
    "nothing_to_delete": "There is nothing to wipe. I do not hold anything you told me.",
    "delete_after_submit": (
        "Your request {reference} has been sent, so I cannot wipe it here. "
        "Ask the team about your data: {contact}."
    ),
    "status_none": "You have not started yet. Tell me what has been happening.",
    "status_draft": (
        "You have told me about {count} things so far. Nothing has been sent yet. "
        "Send /cancel to stop, or answer the question below."
    ),
    "status_submitted": (
        "Your request {reference} was sent on {day}. The team will get in touch by {due}."
    ),
    # Safety
    "emergency": (
        "If you are in danger now, call 999. "
        "If you feel you might hurt yourself, call Samaritans free on 116 123, day or night. "
        "I have marked your request as urgent so staff see it first."
    ),
    # Story and read-back
    "story_prompt": "Please tell me what happened, and when. One time it happened is a good start.",
    "story_more": "Thank you. What else happened? Tell me now, or say no.",
    "readback_intro": "Here is what I got from that. Tell me if I got it wrong.",
    "readback_none": "Thank you. I could not find a date in that. I will ask you about it.",
    "readback_line": "{number}. {when}: {what}, and {reported}.",
    "when_unknown": "date not known",
    "reported_to": "you told {bodies}",
    "reported_unknown": "I am not sure if you told anyone",
    "reported_not": "you did not tell anyone",
    # Questions
    "ask_rejected_date": "You also said {day}. Did something happen to you that day?",
    "ask_when": "When did {what} happen? A rough date is fine, like 'the 3rd' or 'last Friday'.",
    "ask_reported": (
        "Did you report {what} to anyone, like the police or the council? "
        "If you did, tell me who, when, and any reference number."
    ),
    "ask_who": (
        "Who did you report {what} to, and when? Send the reference number too, if you have one."
    ),
    "ask_reported_on": "When did you report {what}?",
    "ask_reported_on_reference": (
        "When did you report {what}? If you have a reference number, send that too."
    ),
    "ask_reference": "Do you have a reference number for your report of {what}? If not, say no.",
    "ask_more": "Did anything else happen that you want to tell me about?",
    "ask_applicant": "Are you asking for yourself, or for someone else?",
    "ask_third_party_consent": "Does the person you are helping know about this, and agree?",
    "ask_contact": "How can the team get in touch with you? Please send a phone number or email.",
    "ask_contact_share": (
        "How can the team get in touch with you? Please send a phone number or email. "
        "Can we also share what you tell us with the council, the police, your landlord "
        "and the health service? They need it to look at your case."
    ),
    "ask_share": (
        "Can we share what you tell us with the council, the police, your landlord "
        "and the health service? They need it to look at your case."
    ),
    "ask_risk": (
        "Last, a few things about how this affects you. Which of these are true? "
        "Send the numbers, like '1 3', or say none.\n"
        "1. This has hurt my health or my sleep.\n"
        "2. I feel unsafe in my home.\n"
        "3. I am picked on for who I am, like my race, faith or a disability.\n"
        "4. Children in my home are affected.\n"
        "5. I, or someone I live with, have a health problem that makes this harder."
    ),
    # Answers not understood
    "again_yes_no": "Sorry, I did not get that. Please say yes or no.",
    "again_date": (
        "Sorry, I did not get the date. Try '3 November' or 'last Friday'. "
        "If you do not know, say 'not sure'."
    ),
    "again_who": "Sorry, I did not get that. Was it the police, the council, or your landlord?",
    "again_contact": "Sorry, I could not find a phone number or email in that. Please try again.",
    "again_contact_share": (
        "Sorry, I did not get that. Please send a phone number or email. "
        "Then say yes or no to sharing what you told me."
    ),
    "again_risk": (
        "Sorry, I did not get that. Send the numbers that are true, like '1 3', or say none."
    ),
    "again_applicant": "Sorry, I did not get that. Is it for you, or for someone else?",
    # Buttons
    "button_none": "None of these",
    "button_yes": "Yes",
    "button_no": "No",
    "button_not_sure": "Not sure",
    "button_police": "Police",
    "button_council": "Council",
    "button_housing": "Housing",
    "button_health": "Health",
    "button_other": "Someone else",
    "button_self": "For me",
    "button_someone_else": "For someone else",
    "button_same_day": "Same day",
    "button_share_yes": "Yes, you can share it",
    "button_share_no": "Do not share it",
    "button_send": "Send it",
    "button_add": "Add something",
    "button_remind": "Remind me",
    "button_refused": "Sorry, that button is not for this chat.",
    "button_stale": "That button is from an old question. Please answer the one below.",
    # Summary and result
    "summary_intro": "Here is your request. Please check it.",
    "summary_self": "You are asking for yourself.",
    "summary_other": "You are asking for someone else.",
    "summary_hate": "You think this happens because of your {strands}.",
    "summary_contact": "The team will use this to get in touch: {contact}. Tell me if it is wrong.",
    "summary_risk": "How much this is harming you: {level}.",
    "result_met": (
        "From what you told me, your case looks like it meets the rules for a review. "
        "Staff will check this."
    ),
    "result_incomplete": (
        "I cannot tell yet if your case meets the rules. Some facts are missing. "
        "Staff will check this with you."
    ),
    "result_not_met": (
        "From what you told me, your case does not meet the rules for a review yet. "
        "This is not a final answer. Staff will look at it."
    ),
    "result_why": "Why:",
    "ask_submit": (
        "Is this right? Say 'send' to send it. You can also fix a detail, "
        "like 'the second one was the 14th', or add something."
    ),
    "correction_done": "Thank you, I have changed that.",
    "correction_unknown": (
        "Sorry, I could not tell what to change. Try 'the second one was the 14th'. "
        "Or say 'send' if it is right."
    ),
    "add_prompt": "OK. Tell me what else happened, and when.",
    # Not met yet
    "needs_count": "A review needs {count} reports made in the last {months} months.",
    "needs_hate": "One report of a hate incident can be enough on its own.",
    "counts_until": "Your report about {what} counts until {until}.",
    "close": (
        "You have {have} reports that count, so you are close. "
        "If something else happens, report it. It would count until {until}."
    ),
    "how_to_report": (
        "If something new happens, tell them. It may help your case. "
        "You can use {contacts}. Or call the police on 101."
    ),
    "discretion": (
        "A senior officer can still take your case if you are at risk, "
        "or find things harder than most."
    ),
    "remind_offer": (
        "Do you want a reminder before your first report stops counting? "
        "Tap 'Remind me' or say 'remind me'."
    ),
    "remind_ok": "OK. I will remind you on {day}. Your first report counts until {until}.",
    "reminder": (
        "This is the reminder you asked for. One of your reports stops counting after {until}. "
        "If something new happens before then, report it. Then tell me, and I will add it."
    ),
    # After submitting
    "submitted": (
        "Thank you. Your request is sent. Your reference is {reference}. "
        "The team will get in touch by {due}."
    ),
    "next_steps": (
        "First they will check your request against the rules. "
        "They will tell you if there will be a review, and why. "
        "If there is, they will hold it with the police, the council and others."
    ),
    "after_submit": (
        "Your request {reference} is with the team. "
        "If something new happens, tell me and I will start a new request."
    ),
    # Questions answered at any time
    "faq_what": (
        "This is the Community Trigger. You can use it to ask for a review of your case. "
        "It is for when you have told someone about the trouble and feel not enough was done. "
        "The police, the council and others then look at it together."
    ),
    "faq_who": (
        "Anyone who is a victim of anti-social behaviour can ask. "
        "Someone else can ask for you, like a family member or a carer. They need you to agree."
    ),
    "faq_how_long": (
        "The team should reply within {acknowledge} working days. "
        "If there is a review, they aim to finish within {findings} working days."
    ),
    "faq_appeal": (
        "Yes. If you are not happy with how your case was handled, you can ask for it "
        "to be looked at again. Ask within {appeal} days of hearing from us."
    ),
    "faq_anonymous": (
        "We do not tell the people you complain about that it was you. "
        "Staff share your words only with the bodies that need them. "
        "We cannot look at a case if you stay unnamed to the team."
    ),
    "faq_contact": (
        "You can call or write to the team. Here is how: {contacts}. They are there to help you."
    ),
    "faq_back": "Now, back to where we were.",
    "slow_down": "I have got your messages and I will read them all. Please give me a moment.",
}

#: Sample values for every placeholder, used by the readability test.
SAMPLES: dict[str, Any] = {
    "reference": "CT-000123",
    "contact": "communitysafety@hart.gov.uk",
    "contacts": "communitysafety@hart.gov.uk or 01252 622122",
    "count": 3,
    "day": "3 November 2026",
    "due": "Friday 11 December 2026",
    "number": 2,
    "when": "3 November",
    "what": "the damage to your window",
    "reported": "you told the police",
    "bodies": "the police and the council",
    "strands": "race",
    "level": "medium",
    "months": 6,
    "until": "3 May 2027",
    "have": 2,
    "acknowledge": 5,
    "findings": 30,
    "appeal": 14,
}


def render(name: str, **values: Any) -> str:
    """The template called ``name`` with ``values`` filled in."""
    return TEMPLATES[name].format(**values)

"""A suite of forwarded mail as 13+ common clients write it, each wrapped in a councillor's
covering email: the original's sender must be found as the victim, the councillor as applicant.

Built in code (not copied from any client's real mail: the formats are the clients' published
plain-text renderings, the people and addresses invented), so that each client's quirks are
explicit: Yahoo's header block on one line, Outlook's ``From: / Sent: / To: / Subject:`` with
localised ``FW:``/``WG:``/``TR:`` prefixes, Missive's whole forward ``>``-quoted with no note,
Proton's "On Tuesday, ..." dates, Zoho's ``====`` banners, non-English labels, forwards of
forwards. :func:`suite` returns every case; ``python -m tests.forward_clients DIR`` writes them
as ``.eml`` files to look at.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

VICTIM = ("Rosemary Quinn", "rosemary.quinn@example.net")
COUNCILLOR = ("Cllr Priya Shah", "priya.shah@council.example.org")
COLLEAGUE = ("Tom Baker", "tom.baker@council.example.org")
OFFICE = "communitysafety@example.org"
NOTE = (
    "Dear Community Safety team,\n\nPlease see below from my constituent, who has asked me "
    "to raise this on her behalf.\n\nKind regards,\nPriya Shah\nWard Councillor\n\n"
)
ACCOUNT = (
    "Hello Priya,\n\nOn 2 October the teenagers from the flats smashed my front window and I "
    "reported it to the police the same night.\nOn 5 October they threw stones at my door "
    "again and I called 101.\nOn 9 October they shouted abuse at me in the street and I told "
    "the council.\n\nI am frightened to go out.\n\nRosemary\n"
)


@dataclass(frozen=True)
class Case:
    """One forwarded email: ``client`` (and ``language``), its raw bytes, who the victim is."""

    client: str
    language: str
    raw: bytes
    victim_email: str = VICTIM[1]

    @property
    def name(self) -> str:
        return f"{self.client} ({self.language})"


def _quote(text: str, prefix: str = "> ") -> str:
    return "".join(f"{prefix}{line}".rstrip() + "\n" for line in text.splitlines())


def _email(body: str, subject: str, sender: tuple[str, str] = COUNCILLOR) -> bytes:
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>"
    message["To"] = OFFICE
    message["Subject"] = subject
    message["Date"] = "Wed, 14 Oct 2026 09:30:00 +0100"
    message["Message-ID"] = f"<fwd-{abs(hash(body)) % 10**12}@council.example.org>"
    message.set_content(body)
    return message.as_bytes()


V = f"{VICTIM[0]} <{VICTIM[1]}>"
C = f"{COUNCILLOR[0]} <{COUNCILLOR[1]}>"

# (client, subject prefix, header block): the block goes between the note and the account.
ENGLISH: list[tuple[str, str, str]] = [
    ("Gmail", "Fwd: ", "---------- Forwarded message ---------\nFrom: " + V
     + "\nDate: Tue, 13 Oct 2026 at 21:14\nSubject: Trouble again\nTo: " + C + "\n\n\n"),
    ("Gmail, bold names", "Fwd: ", "---------- Forwarded message ---------\nFrom: *"
     + VICTIM[0] + "* <" + VICTIM[1] + ">\nDate: Tue, 13 Oct 2026 at 21:14\n"
     "Subject: Trouble again\nTo: <" + COUNCILLOR[1] + ">\n\n\n"),
    ("Gmail, spaced", "Fwd: ", "\n\n---------- Forwarded message ----------\n\nFrom:  " + V
     + "\n\nDate:  Tue, 13 Oct 2026 at 21:14\n\nSubject:  Trouble again\n\nTo:  " + C
     + "\n\n\n\n"),
    ("Outlook 2013", "FW: ", "-----Original Message-----\nFrom: " + VICTIM[0] + " [mailto:"
     + VICTIM[1] + "] \nSent: 13 October 2026 21:14\nTo: Shah, Priya\nSubject: Trouble again\n\n"),
    ("Outlook 2016", "FW: ", "From: " + V + " \nSent: 13 October 2026 21:14\nTo: " + C
     + "\nSubject: Trouble again\n\n"),
    ("Outlook 2019", "FW: ", "From: " + VICTIM[0] + " <" + VICTIM[1] + ">\nSent: Tuesday, "
     "October 13, 2026 9:14 PM\nTo: Priya Shah <" + COUNCILLOR[1] + ">\nCc: ward@example.org\n"
     "Subject: Trouble again\n\n"),
    ("Outlook Live", "Fw: ", "________________________________\nFrom: " + V + "\nSent: "
     "Tuesday, 13 October 2026 21:14\nTo: " + C + "\nSubject: Trouble again\n\n"),
    ("new Outlook", "FW: ", "________________________________________\nFrom: " + V
     + "\nSent: 13 October 2026 21:14\nTo: " + C + "\nSubject: Trouble again\n\n"),
    ("Outlook web", "FW: ", "From: " + V + "\nSent: 13 October 2026 21:14\nTo: Priya Shah\n"
     "Subject: Trouble again\n\n"),
    ("Outlook for Mac", "FW: ", "From: " + V + "\nDate: Tuesday, 13 October 2026 at 21:14\n"
     "To: " + C + "\nSubject: Trouble again\n\n"),
    ("Apple Mail", "Fwd: ", "Begin forwarded message:\n\nFrom: " + V + "\nSubject: Trouble "
     "again\nDate: 13 October 2026 at 21:14:05 BST\nTo: " + C + "\n\n"),
    ("iPhone", "Fwd: ", "Sent from my iPhone\n\nBegin forwarded message:\n\n"),  # quoted below
    ("Thunderbird", "Fwd: ", "-------- Forwarded Message --------\nSubject: \tTrouble again\n"
     "Date: \tTue, 13 Oct 2026 21:14:05 +0100\nFrom: \t" + V + "\nTo: \t" + C + "\n\n\n\n"),
    ("Thunderbird, original", "Fwd: ", "-------- Original Message --------\nSubject: Trouble "
     "again\nDate: Tue, 13 Oct 2026 21:14:05 +0100\nFrom: " + V + "\nTo: " + C + "\n\n"),
    ("Yahoo", "Fwd: ", "----- Forwarded Message ----- From: " + V + "To: " + C + "Sent: "
     "Tuesday, 13 October 2026, 21:14:05 BSTSubject: Trouble again\n"),
    ("Yahoo, lines", "Fwd: ", "----- Forwarded Message -----\nFrom: " + V + "\nTo: " + C
     + "\nSent: Tuesday, 13 October 2026, 21:14:05 BST\nSubject: Trouble again\n\n"),
    ("Missive", "Fwd: ", ""),  # the whole forward quoted, no note: built below
    ("Proton", "Fwd: ", "------- Forwarded Message -------\nFrom: " + V + "\nDate: On "
     "Tuesday, October 13th, 2026 at 21:14\nSubject: Trouble again\nTo: " + COUNCILLOR[1]
     + "\n\n\n"),
    ("Fastmail", "Fwd: ", "----- Original message -----\nFrom: " + V + "\nTo: " + C
     + "\nSubject: Trouble again\nDate: Tuesday, 13 October 2026 21:14\n\n"),
    ("Zoho", "Fwd: ", "============ Forwarded message ============\nFrom: " + V + "\nTo: "
     + C + "\nDate: Tue, 13 Oct 2026 21:14:05 +0100\nSubject: Trouble again\n"
     "============ Forwarded message ============\n\n"),
]  # fmt: skip

# (client, language, subject prefix, labels From/Sent/To/Subject, date)
LANGUAGES: list[tuple[str, str, str, tuple[str, str, str, str], str]] = [
    ("Outlook", "German", "WG: ", ("Von", "Gesendet", "An", "Betreff"),
     "Dienstag, 13. Oktober 2026 21:14"),
    ("Outlook", "French", "TR : ", ("De", "Envoyé", "À", "Objet"), "mardi 13 octobre 2026 21:14"),
    ("Outlook", "Italian", "I: ", ("Da", "Inviato", "A", "Oggetto"),
     "martedì 13 ottobre 2026 21:14"),
    ("Outlook", "Dutch", "FW: ", ("Van", "Verzonden", "Aan", "Onderwerp"),
     "dinsdag 13 oktober 2026 21:14"),
    ("Outlook", "Polish", "PD: ", ("Od", "Wysłano", "Do", "Temat"),
     "wtorek, 13 października 2026 21:14"),
    ("Outlook", "Danish", "VS: ", ("Fra", "Sendt", "Til", "Emne"), "13. oktober 2026 21:14"),
    ("Outlook", "Norwegian", "VS: ", ("Fra", "Sendt", "Til", "Emne"), "13. oktober 2026 21:14"),
    ("Outlook", "Swedish", "VB: ", ("Från", "Skickat", "Till", "Ämne"),
     "den 13 oktober 2026 21:14"),
    ("Outlook", "Bulgarian", "FW: ", ("От", "Изпратено", "До", "Относно"),
     "13 октомври 2026 21:14"),
    ("Outlook", "Spanish", "RV: ", ("De", "Enviado", "Para", "Asunto"),
     "martes, 13 de octubre de 2026 21:14"),
    ("Outlook", "Portuguese", "ENC: ", ("De", "Enviada", "Para", "Assunto"),
     "terça-feira, 13 de outubro de 2026 21:14"),
    ("Outlook", "Welsh", "YML: ", ("Oddi wrth", "Anfonwyd", "At", "Pwnc"),
     "13 Hydref 2026 21:14"),
]  # fmt: skip
GMAIL_BANNERS = [
    ("German", "Weitergeleitete Nachricht", ("Von", "Date", "Subject", "To")),
    ("French", "Message transféré", ("De", "Date", "Subject", "To")),
    ("Spanish", "Mensaje reenviado", ("De", "Date", "Subject", "To")),
    ("Dutch", "Doorgestuurd bericht", ("Van", "Date", "Subject", "To")),
    ("Swedish", "Vidarebefordrat meddelande", ("Från", "Date", "Subject", "To")),
]


def suite() -> list[Case]:
    """Every case: the English client formats, then the other languages, then forwards of
    forwards."""
    cases: list[Case] = []
    for client, prefix, block in ENGLISH:
        subject = prefix + "Trouble again"
        if client == "Missive":
            inner = "From: " + V + "\nDate: Tue, 13 Oct 2026 21:14\nSubject: Trouble again\n"
            body = _quote(inner + "\n" + ACCOUNT)
        elif client == "iPhone":
            inner = "From: " + V + "\nDate: 13 October 2026 at 21:14:05 BST\nTo: " + C
            inner += "\nSubject: Trouble again\n\n"
            body = NOTE + block + _quote(inner + ACCOUNT)
        else:
            body = NOTE + block + ACCOUNT
        cases.append(Case(client, "English", _email(body, subject)))
    for client, language, prefix, (sender, sent, to, about), date in LANGUAGES:
        block = f"{sender}: {V}\n{sent}: {date}\n{to}: {C}\n{about}: Trouble again\n\n"
        cases.append(
            Case(client, language, _email(NOTE + block + ACCOUNT, prefix + "Trouble again"))
        )
    for language, banner, (sender, date, about, to) in GMAIL_BANNERS:
        block = (
            f"---------- {banner} ---------\n{sender}: {V}\n{date}: Tue, 13 Oct 2026 at 21:14\n"
            f"{about}: Trouble again\n{to}: {C}\n\n\n"
        )
        cases.append(Case("Gmail", language, _email(NOTE + block + ACCOUNT, "Fwd: Trouble")))
    # Forwards of forwards: a colleague forwards the councillor's forward; the victim is the
    # innermost sender.
    first = (
        "---------- Forwarded message ---------\nFrom: " + C + "\nDate: Wed, 14 Oct 2026 at "
        "08:02\nSubject: Fwd: Trouble again\nTo: Tom Baker <" + COLLEAGUE[1] + ">\n\n" + NOTE
    )
    inner = (
        "---------- Forwarded message ---------\nFrom: " + V + "\nDate: Tue, 13 Oct 2026 at "
        "21:14\nSubject: Trouble again\nTo: " + C + "\n\n\n" + ACCOUNT
    )
    top = "Passing this on as discussed.\n\nTom\n\n"
    cases.append(
        Case(
            "Gmail in Gmail",
            "English",
            _email(top + first + inner, "Fwd: Fwd: Trouble again", COLLEAGUE),
        )
    )
    outlook_inner = (
        "From: "
        + V
        + "\nSent: 13 October 2026 21:14\nTo: "
        + C
        + "\nSubject: Trouble again\n\n"
        + ACCOUNT
    )
    outlook_first = (
        "From: " + C + "\nSent: 14 October 2026 08:02\nTo: Tom Baker\nSubject: FW: Trouble "
        "again\n\n" + NOTE
    )
    cases.append(Case("Outlook in Outlook", "English",
                      _email(top + outlook_first + outlook_inner, "FW: FW: Trouble again",
                             COLLEAGUE)))  # fmt: skip
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for n, case in enumerate(suite()):
        safe = "".join(ch if ch.isalnum() else "-" for ch in case.name.lower())
        (target / f"{n:02d}-{safe}.eml").write_bytes(case.raw)

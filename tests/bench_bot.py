"""`make bench` (bot part): a scripted victim answers the bot from a fact sheet.

Each fact sheet holds incidents (when, what, whether and to whom and when it was reported, a
reference), who applies, a contact and consents. The simulated person tells the story in one
message, answers each question from the sheet (finding which incident a question is about by
what the bot calls it), checks the summary line by line and corrects what is wrong, then sends.

Measures, over at least 20 sheets: how often the submitted draft matches the sheet exactly, the
median number of messages the person sent, and the p95 time the bot took to answer one message
(the dialogue with the language pipeline, no Telegram, no database). Targets (issue 10):
>= 95 % exact, median turns <= 2 x incidents + 4. Printed, never asserted; exits 1 on a miss.

Usage: ``python -m tests.bench_bot``.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bot.dialogue import Context, step, submitted
from bot.reading import MessageReader
from bot.state import Ask, Conversation, Event, EventKind, Stage
from bot.wording import what
from trigger.dates import format_day
from trigger.draft import Draft
from trigger.profiles import get_profile
from trigger.vocabulary import Agency, ApplicantRole

NOW = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)

# (what the story says, the label the bot gives it)
KINDS = [
    ("they smashed my window", "the damage to your window"),
    ("they kicked my front door", "the trouble at your door"),
    ("they played loud music all night", "the noise"),
    ("they slashed the tyres on my car", "the damage to your car"),
    ("they dumped rubbish in my garden", "the damage at your home"),
    ("they sprayed graffiti on my wall", "the damage at your home"),
]
BODIES = {Agency.POLICE: "the police", Agency.COUNCIL: "the council", Agency.HOUSING: "my landlord"}


@dataclass(frozen=True)
class Fact:
    """One incident as the person knows it."""

    days_ago: int
    kind: int
    agency: Agency | None
    delay: int = 0
    reference: str | None = None

    @property
    def day(self) -> date:
        return NOW.date() - timedelta(days=self.days_ago)

    @property
    def reported_on(self) -> date | None:
        return self.day + timedelta(days=self.delay) if self.agency else None


@dataclass(frozen=True)
class Sheet:
    """What one person knows."""

    facts: tuple[Fact, ...]
    third_party: bool = False
    phone: str = "07700 900123"

    def story(self) -> str:
        opening = "I am writing for my neighbour. " if self.third_party else ""
        return opening + " ".join(self._told(i, f) for i, f in enumerate(self.facts))

    @staticmethod
    def _told(i: int, fact: Fact) -> str:
        text = f"On {format_day(fact.day)} {KINDS[fact.kind][0]}"
        if fact.agency and i % 3 != 2:  # most people say whom they told; some leave it out
            when = (
                "the same day"
                if fact.delay == 0
                else f"on {format_day(fact.reported_on or fact.day)}"
            )
            text += f" and I reported it to {BODIES[fact.agency]} {when}"
        return text + "."


def sheets() -> list[Sheet]:
    """24 fact sheets: one to four incidents, reported or not, self or a neighbour."""
    out: list[Sheet] = []
    agencies = [Agency.POLICE, Agency.COUNCIL, None, Agency.HOUSING]
    for n in range(24):
        count = 1 + n % 4
        facts = tuple(
            Fact(
                days_ago=10 + 9 * i + n % 5,
                kind=(n + i) % 4 if count < 5 else i,
                agency=agencies[(n + i) % 4],
                delay=(n + i) % 3,
                reference=f"{4500 + n}/{i + 1}"
                if (n + i) % 3 == 0 and agencies[(n + i) % 4]
                else None,
            )
            for i in range(count)
        )
        kinds = [f.kind for f in facts]
        if len(set(kinds)) != len(kinds):  # one label per incident, so questions are clear
            facts = tuple(
                Fact(f.days_ago, i, f.agency, f.delay, f.reference) for i, f in enumerate(facts)
            )
        out.append(Sheet(facts, third_party=n % 6 == 5))
    return out


@dataclass
class Run:
    sheet: Sheet
    turns: int = 0
    latencies: list[float] = field(default_factory=list)
    draft: Draft | None = None


def _fact_for(sheet: Sheet, draft: Draft, index: int) -> Fact:
    label = what(draft.incidents[index])
    matches = [f for f in sheet.facts if KINDS[f.kind][1] == label]
    return matches[0] if matches else sheet.facts[min(index, len(sheet.facts) - 1)]


def _report(fact: Fact, asked: str) -> str:
    """The person's own words about a report, giving what the question asks for."""
    if not fact.agency:
        return "no, I did not report it"
    when = format_day(fact.reported_on) if fact.reported_on else "I am not sure when"
    answer = f"{BODIES[fact.agency]} on {when}"
    if "reference" in asked:
        answer += f", the reference is {fact.reference}" if fact.reference else ", no reference"
    return answer


def _answer(sheet: Sheet, conv: Conversation, asked: str) -> str:
    """The answer to the question the person was just sent (``asked``: the bot's words)."""
    question = conv.question
    draft = conv.draft
    assert question is not None and draft is not None
    ask = question.ask
    if question.index is not None and ask is not Ask.REJECTED_DATE:
        fact = _fact_for(sheet, draft, question.index)
        if ask is Ask.WHEN:
            return format_day(fact.day)
        if ask is Ask.REPORTED:
            return f"yes, {_report(fact, asked)}" if fact.agency else "no"
        if ask is Ask.WHO:
            return _report(fact, asked) if fact.agency else "no one"
        if ask is Ask.REPORTED_ON:
            return _report(fact, asked).split(" on ", 1)[1] if fact.agency else "not sure"
        if ask is Ask.REFERENCE:
            return fact.reference or "no"
    return {
        Ask.REJECTED_DATE: "no",
        Ask.MORE: "no",
        Ask.APPLICANT: "for my neighbour" if sheet.third_party else "for me",
        Ask.THIRD_PARTY_CONSENT: "yes",
        Ask.CONTACT: f"{sheet.phone}, and yes you can share it"
        if "share" in asked
        else sheet.phone,
        Ask.SHARE: "yes",
    }.get(ask, "no")


def _correction(sheet: Sheet, draft: Draft) -> str | None:
    for i, incident in enumerate(draft.incidents):
        fact = _fact_for(sheet, draft, i)
        ordinal = ["first", "second", "third", "fourth", "fifth", "sixth"][i]
        if incident.occurred.start != fact.day:
            return f"the {ordinal} one was on {format_day(fact.day)}"
        if bool(incident.reported) != bool(fact.agency):
            if fact.agency:
                return f"the {ordinal} one was reported to {BODIES[fact.agency]}"
            return f"the {ordinal} one was not reported"
    return None


def simulate(sheet: Sheet, ctx: Context) -> Run:
    run = Run(sheet)
    conv = Conversation(chat_id="1")
    at = NOW
    text = sheet.story()
    for _ in range(60):
        kind = EventKind.COMMAND if text.startswith("/") else EventKind.TEXT
        started = time.perf_counter()
        turn = step(conv, Event(kind, text, at, "1"), ctx)
        asked = turn.replies[-1].text.lower() if turn.replies else ""
        run.latencies.append(time.perf_counter() - started)
        run.turns += 1
        conv = turn.conversation
        if turn.submit:
            conv = submitted(conv, "CT-1", 1, at).conversation
            run.draft = conv.draft
            return run
        at += timedelta(seconds=30)
        assert conv.draft is not None
        if conv.stage is Stage.REVIEW:
            text = _correction(sheet, conv.draft) or "send"
        else:
            text = _answer(sheet, conv, asked)
    run.draft = conv.draft
    return run


def exact(run: Run) -> bool:
    draft = run.draft
    sheet = run.sheet
    if draft is None or len(draft.incidents) != len(sheet.facts):
        return False
    if (draft.applicant.role is ApplicantRole.THIRD_PARTY) != sheet.third_party:
        return False
    for i, incident in enumerate(draft.incidents):
        fact = _fact_for(sheet, draft, i)
        if incident.occurred.start != fact.day or incident.occurred.end != fact.day:
            return False
        if bool(incident.reported) != bool(fact.agency):
            return False
        if fact.agency and (
            incident.agencies != [fact.agency] or incident.reported_on != fact.reported_on
        ):
            return False
        if (fact.reference is not None) != bool(incident.references):
            return False
    return True


def main() -> int:
    from nlp.extract import Extractor

    ctx = Context(get_profile("hart"), MessageReader(Extractor()))
    runs = [simulate(sheet, ctx) for sheet in sheets()]
    share = 100 * sum(exact(r) for r in runs) / len(runs)
    turns = statistics.median(r.turns for r in runs)
    allowed = statistics.median(2 * len(r.sheet.facts) + 4 for r in runs)
    latencies = sorted(x for r in runs for x in r.latencies[1:])  # the first is warm-up
    p95 = 1000 * latencies[int(0.95 * (len(latencies) - 1))]
    print(f"bot: {len(runs)} fact sheets")
    print(f"bot: exact drafts       {share:5.1f} %   (target >= 95 %)")
    print(f"bot: median turns       {turns:5.1f}     (target <= {allowed:.1f}: 2 x incidents + 4)")
    print(f"bot: p95 reply latency  {p95:5.1f} ms  (dialogue + language work, no network)")
    for run in runs:
        if not exact(run):
            print(f"bot: not exact: {run.sheet.story()!r}")
    return 0 if share >= 95 and turns <= allowed else 1


if __name__ == "__main__":
    sys.exit(main())

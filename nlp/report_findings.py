"""Whether, when and to whom an incident was reported, from the reports attached to it
(:mod:`nlp.incident_reports` attaches them): only a relevant body makes a report count, and the
first report's day is the one that counts (threshold-rules.md)."""

from __future__ import annotations

from datetime import date, timedelta

from nlp.incident_model import Incident, IncidentFinding, Report

__all__ = ["incident_finding"]


def incident_finding(incident: Incident) -> IncidentFinding:
    """The incident as found: whether and when it was reported, to whom, with its evidence."""
    # Only a relevant body makes a report count (threshold-rules.md): telling only an MP, a
    # councillor or a private landlord is "not reported"; a report to an unnamed body counts.
    relevant = [
        r
        for r in incident.reports
        if not r.cue.agencies or any(a != "other" for a in r.cue.agencies)
    ]
    reported: bool | None = None
    if relevant:
        reported = True
    elif incident.reports or incident.negative_reports:
        reported = False
    dated: list[date] = []
    dateless: list[Report] = []
    sentence_dates: dict[tuple[int, int], date] = {}
    for r in relevant:
        if r.on is not None:
            sentence_dates.setdefault((r.segment, r.sentence), r.on)
    for r in relevant:
        dated.extend(r.also_on)
        if r.on is not None:
            dated.append(r.on)
        elif r.offset_days is not None and incident.end is not None:
            dated.append(incident.end + timedelta(days=r.offset_days))
        elif (r.segment, r.sentence) in sentence_dates:
            dated.append(sentence_dates[(r.segment, r.sentence)])
        else:
            dateless.append(r)
    reported_on: date | None = None
    if dated:
        # A report told without its day beside dated ones: the dated ones say when; only one
        # told in the incident's own sentence is that day ("... when I rang 101").
        own = [
            r
            for r in dateless
            if (r.segment, r.sentence) == (incident.segment, incident.sentence)
            and not r.unknown_day
        ]
        reported_on = min(dated + ([incident.end] if own and incident.end else []))
    elif (
        dateless
        and incident.end is not None
        and incident.start == incident.end  # a vague time ("mid October"): the day is unknown
        and (
            not any(r.unknown_day or r.collective for r in dateless)
            # "On 2 July I rang the police about it ... I then contacted the council three
            # times": the report told in the incident's own sentence is the first, that day,
            # unless a report to the same body has its day unknown (it may be the same report)
            or any(
                (r.segment, r.sentence) == (incident.segment, incident.sentence)
                and not (r.unknown_day or r.collective)
                and r.cue.agencies
                and not set(r.cue.agencies).intersection(
                    a for u in dateless if u.unknown_day or u.collective for a in u.cue.agencies
                )
                for r in dateless
            )
        )
    ):
        reported_on = incident.end  # told as part of the incident: that day
    if incident.start is not None and reported_on is not None and reported_on < incident.start:
        reported_on = None  # a report cannot come before what it reports
    agencies: list[str] = []
    for r in incident.reports:
        for a in r.cue.agencies:
            if a not in agencies:
                agencies.append(a)
    evidence = [incident.block] + [r.span for r in incident.reports]
    return IncidentFinding(
        start=incident.start,
        end=incident.end,
        reported=reported,
        reported_on=reported_on,
        agencies=tuple(agencies),
        references=tuple(dict.fromkeys(incident.references)),
        hate_strands=tuple(sorted(incident.hate)),
        summary=incident.summary,
        evidence=tuple(evidence),
        explanation=tuple(incident.explanation),
    )

"""`trigger check`: the threshold decision for drafts, in prose or as JSON Lines.

A draft is a JSON object of the extract contract's shape; its ``received_at`` is the application
date and any ``threshold`` in it is ignored and recomputed. ``-`` reads drafts from stdin, so
``trigger extract x.eml | trigger check -`` works; a line carrying extract's ``error`` is reported,
not crashed on. Exit 0 when every draft was decided, 1 when any could not be, 2 for a bad policy.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `check` sub-command."""
    parser = subparsers.add_parser(
        "check",
        help="decide the threshold for draft applications (JSON), in prose or --json",
        description="Decide the threshold for each draft "
        "(a JSON object, JSON Lines, or `-` for stdin).",
    )
    parser.add_argument(
        "drafts", nargs="+", metavar="DRAFT.json", help="draft files, or - for stdin"
    )
    parser.add_argument(
        "--policy",
        default=None,
        help="profile id (default: $TRIGGER_POLICY, else the statutory default, hartlepool)",
    )
    parser.add_argument(
        "--policies-dir", type=Path, default=None, help="an extra directory of policy files"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one threshold object per line instead of prose"
    )
    parser.set_defaults(handler=run)


def iter_json_objects(text: str) -> Iterator[Any]:
    """Yield every JSON value in ``text``: one object, JSON Lines, or several pretty-printed.

    Raises ``ValueError`` (json.JSONDecodeError) at the first text that is not JSON.
    """
    decoder = json.JSONDecoder()
    position = 0
    length = len(text)
    while True:
        while position < length and text[position].isspace():
            position += 1
        if position >= length:
            return
        value, position = decoder.raw_decode(text, position)
        yield value


def render_decision(label: str, decision: Any, profile: Any) -> str:
    """A decision as prose an officer could paste into a letter."""
    from trigger.dates import format_day
    from trigger.vocabulary import Status

    year = decision.application_date.year
    text = decision.explain()
    routes = " and ".join(str(route) for route in decision.routes)
    plural = "s" if len(decision.routes) > 1 else ""
    headline = {
        Status.MET: f"The threshold is met by the {routes} route{plural}.",
        Status.NOT_MET: "The threshold is not met.",
        Status.INCOMPLETE: "The threshold cannot be decided yet: some facts are missing.",
        Status.EXCLUDED: "This request cannot be dealt with as a case review.",
    }[decision.status]
    lines = [
        f"{label}: {profile.name} policy ({decision.profile_version}), application made on "
        f"{format_day(decision.application_date)}.",
        f"{headline} This is a provisional check; an officer confirms it.",
        "",
        "Reasons:",
    ]
    lines += [f"- {reason}" for reason in text.reasons]
    if text.missing:
        lines += ["", "Missing facts:"]
        lines += [f"- {fact}" for fact in text.missing]
    if text.would_change:
        lines += ["", "What would change the answer:"]
        lines += [f"- {sentence}" for sentence in text.would_change]
    if decision.drop_out and decision.status is not Status.EXCLUDED:
        months = profile.qualifying_complaint.window_months
        lines += ["", f"When each qualifying complaint stops counting ({months}-month window):"]
        for index, day in sorted(decision.drop_out.items()):
            name = text.incident_names[index]
            last = format_day(day - timedelta(days=1), year)
            lines.append(f"- The {name}: counts for an application made up to {last}.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Decide every draft; report invalid ones by field and exit 1 after the rest."""
    from pydantic import ValidationError

    from trigger.draft import Draft
    from trigger.profiles import (
        ProfileError,
        UnknownProfile,
        default_profile_id,
        field_errors,
        get_profile,
    )
    from trigger.threshold import decide

    name = args.policy or default_profile_id(os.environ)
    try:
        profile = get_profile(name, args.policies_dir)
    except (UnknownProfile, ProfileError) as exc:
        print(f"trigger check: {exc}", file=sys.stderr)
        return 2

    failures = 0
    first = True
    for path in args.drafts:
        label = "stdin" if path == "-" else path
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            print(f"trigger check: {label}: cannot read: {exc.strerror}", file=sys.stderr)
            failures += 1
            continue
        objects = iter_json_objects(text)
        number = 0
        while True:
            number += 1
            where = f"{label} (object {number})"
            try:
                data = next(objects)
            except StopIteration:
                if number == 1:
                    print(f"trigger check: {label}: no drafts found", file=sys.stderr)
                    failures += 1
                break
            except ValueError as exc:
                print(f"trigger check: {where}: not JSON: {exc}", file=sys.stderr)
                failures += 1
                break
            if not isinstance(data, dict):
                print(f"trigger check: {where}: expected a JSON object (a draft)", file=sys.stderr)
                failures += 1
                continue
            source = data.get("source") or where
            if "error" in data:
                print(
                    f"trigger check: {source}: extract reported an error: {data['error']}",
                    file=sys.stderr,
                )
                if args.json:
                    print(json.dumps({"source": data.get("source"), "error": str(data["error"])}))
                failures += 1
                continue
            data = {key: value for key, value in data.items() if key != "threshold"}
            try:
                draft = Draft.model_validate(data)
            except ValidationError as exc:
                print(
                    f"trigger check: {source}: invalid draft: {'; '.join(field_errors(exc))}",
                    file=sys.stderr,
                )
                if args.json:
                    print(
                        json.dumps(
                            {
                                "source": data.get("source"),
                                "error": f"invalid draft: {'; '.join(field_errors(exc))}",
                            }
                        )
                    )
                failures += 1
                continue
            decision = decide(draft, profile)
            if args.json:
                result = decision.to_result().model_dump(mode="json")
                print(json.dumps({"source": draft.source, **result}, ensure_ascii=False))
            else:
                if not first:
                    print()
                first = False
                print(render_decision(str(source), decision, profile))
    return 1 if failures else 0

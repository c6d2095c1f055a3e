"""`trigger policies`: list the policy profiles, or show one in readable form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `policies` sub-command."""
    parser = subparsers.add_parser(
        "policies",
        help="list the policy profiles (one per area) or show one",
        description="List the policy profiles, or `show NAME` to print one in readable form.",
    )
    parser.add_argument(
        "--policies-dir",
        type=Path,
        default=None,
        help="an extra directory of <id>.toml policy files (a partnership's own areas)",
    )
    actions = parser.add_subparsers(dest="policies_action", metavar="ACTION")
    show = actions.add_parser("show", help="print one profile in full")
    show.add_argument("name", help="the profile id, e.g. hart")
    parser.set_defaults(handler=run)


def render_profile(profile: Any) -> str:
    """A profile as an officer would read it."""
    from trigger.profiles import Profile

    assert isinstance(profile, Profile)
    qc = profile.qualifying_complaint
    routes = profile.routes
    lines = [
        f"{profile.name} ({profile.id}, profile version {profile.version})",
        f"Administered by {profile.administrator}.",
        f"Source: {profile.source_title or profile.source_seed} [{profile.source_seed}]",
        "",
        "Qualifying complaint:",
        "  an incident reported to a relevant body "
        + (
            "(no time limit for the report);"
            if qc.report_within.count is None
            else f"{qc.report_within.describe()} of it;"
        ),
        f"  the report made in the {qc.window_months} months before the application.",
    ]
    if qc.wording:
        lines.append(f"  ({qc.wording})")
    lines += ["", "Routes to the threshold:"]
    same = ", about the same problem" if routes.volume.same_problem else ""
    lines.append(f"  volume: {routes.volume.count} qualifying complaints{same}.")
    if routes.hate.available:
        named = f"{routes.hate.strand_list}: " if routes.hate.strand_list else ""
        strands = ", ".join(s.value.replace("_", " ") for s in routes.hate.strands)
        lines.append(f"  hate: one qualifying complaint of a hate incident ({named}{strands}).")
    else:
        lines.append(f"  hate: none. {routes.hate.wording}".rstrip())
    if routes.community.available:
        lines.append(
            f"  community: {routes.community.count} different people. {routes.community.wording}"
        )
    else:
        lines.append("  community: none.")
    if profile.discretion.available:
        lines.append(
            f"  discretion: {profile.discretion.who}. {profile.discretion.wording}".rstrip()
        )
    else:
        lines.append("  discretion: none stated.")
    lines += ["", "Relevant bodies:"]
    lines += [f"  {body.agency.value}: {body.name}" for body in profile.relevant_bodies]
    lines += ["", "Contact points:"]
    if profile.contact_points:
        for point in profile.contact_points:
            note = f" ({point.note})" if point.note else ""
            lines.append(f"  {point.kind.value}: {point.value}{note}")
    else:
        lines.append("  none recorded.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """List the profiles, or show one; exit 2 for an unknown name or an invalid policy file."""
    from trigger.profiles import ProfileError, UnknownProfile, get_profile, load_profiles

    try:
        if args.policies_action == "show":
            print(render_profile(get_profile(args.name, args.policies_dir)))
            return 0
        profiles = load_profiles(args.policies_dir)
    except (UnknownProfile, ProfileError) as exc:
        print(f"trigger policies: {exc}", file=sys.stderr)
        return 2
    width = max(len(p) for p in profiles)
    for profile in profiles.values():
        print(f"{profile.id:<{width}}  {profile.name}: {profile.summary()}")
    return 0

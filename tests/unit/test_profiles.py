"""Policy profiles as data: the five areas of threshold-rules.md, and strict loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from trigger.profiles import (
    S5,
    S9,
    STATUTORY_DEFAULT,
    CommunityKind,
    LimitUnit,
    Profile,
    ProfileError,
    ReportWithin,
    UnknownProfile,
    default_profile_id,
    get_profile,
    load_profiles,
    parse_profile,
)
from trigger.vocabulary import Agency, Route

PACKAGED = Path(__file__).resolve().parents[2] / "trigger" / "policies"


# One row per line of the profiles table in threshold-rules.md.
PROFILE_TABLE = [
    # id, report unit and count, volume count, same problem, hate strands,
    # community count and kind, discretion
    ("hart", LimitUnit.DAYS, 30, 3, False, S5, None, None, True),
    ("durham", LimitUnit.NONE, None, 3, True, S9, 5, CommunityKind.PEOPLE_SAME_PROBLEM, False),
    ("dartford", LimitUnit.CALENDAR_MONTHS, 1, 3, True, (), None, None, False),
    (
        "leicestershire",
        LimitUnit.CALENDAR_MONTHS,
        1,
        3,
        False,
        S5,
        3,
        CommunityKind.INDIVIDUALS_SAME_INCIDENT,
        False,
    ),
    ("hartlepool", LimitUnit.CALENDAR_MONTHS, 1, 3, False, (), None, None, False),
]


@pytest.mark.parametrize(
    (
        "profile_id",
        "unit",
        "count",
        "volume",
        "same_problem",
        "strands",
        "community",
        "kind",
        "discretion",
    ),
    PROFILE_TABLE,
)
def test_profile_encodes_its_row_of_the_rules_table(
    profile_id: str,
    unit: LimitUnit,
    count: int | None,
    volume: int,
    same_problem: bool,
    strands: tuple[object, ...],
    community: int | None,
    kind: CommunityKind | None,
    discretion: bool,
) -> None:
    profile = get_profile(profile_id)
    assert profile.qualifying_complaint.report_within.unit is unit
    assert profile.qualifying_complaint.report_within.count == count
    assert profile.qualifying_complaint.window_months == 6
    assert profile.routes.volume.count == volume
    assert profile.routes.volume.same_problem is same_problem
    assert tuple(profile.routes.hate.strands) == tuple(strands)
    assert profile.routes.hate.available is bool(strands)
    assert profile.routes.community.count == community
    assert profile.routes.community.kind == kind
    assert profile.discretion.available is discretion
    assert profile.source_seed.endswith(".txt")
    assert profile.version
    assert profile.administrator


def test_all_five_areas_load_and_nothing_else() -> None:
    assert list(load_profiles()) == ["dartford", "durham", "hart", "hartlepool", "leicestershire"]


@pytest.mark.parametrize(
    ("profile_id", "agency", "name"),
    [
        ("hart", Agency.POLICE, "Hampshire Constabulary"),
        ("hart", Agency.COUNCIL, "Hart District Council Community Safety"),
        ("hartlepool", Agency.POLICE, "Cleveland Police"),
        ("hartlepool", Agency.COUNCIL, "Hartlepool Borough Council"),
        ("dartford", Agency.POLICE, "Kent Police"),
        ("dartford", Agency.COUNCIL, "Dartford Borough Council Community Safety Unit"),
        ("leicestershire", Agency.POLICE, "Leicestershire Police"),
    ],
)
def test_relevant_bodies_are_named_for_letters(profile_id: str, agency: Agency, name: str) -> None:
    profile = get_profile(profile_id)
    assert name in profile.body_names(agency)
    assert profile.agency_label(agency) == name


def test_agency_label_falls_back_to_generic_words_when_the_area_names_no_body() -> None:
    assert get_profile("leicestershire").agency_label(Agency.HEALTH) == "the health service"


@pytest.mark.parametrize(
    ("profile_id", "routes"),
    [
        ("hart", [Route.VOLUME, Route.HATE]),
        ("durham", [Route.VOLUME, Route.HATE, Route.COMMUNITY]),
        ("dartford", [Route.VOLUME]),
        ("leicestershire", [Route.VOLUME, Route.HATE, Route.COMMUNITY]),
        ("hartlepool", [Route.VOLUME]),
    ],
)
def test_available_routes_follow_the_table(profile_id: str, routes: list[Route]) -> None:
    assert get_profile(profile_id).available_routes == routes


def test_profile_version_names_id_and_version() -> None:
    profile = get_profile("hart")
    assert profile.profile_version == f"hart@{profile.version}"


def test_hart_records_its_contact_points_from_the_seed() -> None:
    values = [point.value for point in get_profile("hart").contact_points]
    assert "communitysafety@hart.gov.uk" in values


def _hart_text() -> str:
    return (PACKAGED / "hart.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("window_months = 6", "window_month = 6", "qualifying_complaint.window_month"),
        ('"sexual_orientation"', '"sexuality"', "routes.hate.strands.3"),
        ("count = 3\n", "count = -3\n", "routes.volume.count"),
        ("count = 3\n", "count = 4\n", "routes.volume.count"),  # s.104(4): at most three
        (
            'unit = "days", count = 30',
            'unit = "weeks", count = 30',
            "qualifying_complaint.report_within.unit",
        ),
        ('unit = "days", count = 30', 'unit = "days"', "qualifying_complaint.report_within"),
        ('agency = "police"', 'agency = "other"', "relevant_bodies.1"),
        ('kind = "email"', 'kind = "fax"', "contact_points.0.kind"),
    ],
)
def test_invalid_policy_file_is_refused_naming_file_and_field(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    text = _hart_text()
    assert old in text
    (tmp_path / "hart.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as raised:
        load_profiles(tmp_path)
    message = str(raised.value)
    assert str(tmp_path / "hart.toml") in message
    assert f"field {field}" in message


@pytest.mark.parametrize(
    ("section", "error"),
    [
        ("[routes.hate]\navailable = true\n", "strands must list at least one strand"),
        ('[routes.hate]\navailable = false\nstrands = ["race"]\n', "strands must be empty"),
    ],
)
def test_hate_route_strands_must_match_availability(
    tmp_path: Path, section: str, error: str
) -> None:
    text = _hart_text()
    start = text.index("[routes.hate]")
    end = text.index("[routes.community]")
    (tmp_path / "hart.toml").write_text(
        text[:start] + section + "\n" + text[end:], encoding="utf-8"
    )
    with pytest.raises(ProfileError, match=error):
        load_profiles(tmp_path)


@pytest.mark.parametrize(
    ("section", "error"),
    [
        ("[routes.community]\navailable = true\n", "count and kind are required"),
        ("[routes.community]\navailable = false\ncount = 3\n", "must be left out"),
    ],
)
def test_community_route_count_must_match_availability(
    tmp_path: Path, section: str, error: str
) -> None:
    text = _hart_text().replace("[routes.community]\navailable = false\n", section)
    (tmp_path / "hart.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=error):
        load_profiles(tmp_path)


def test_report_limit_none_refuses_a_count() -> None:
    text = _hart_text().replace('unit = "days", count = 30', 'unit = "none", count = 30')
    with pytest.raises(ProfileError, match="count must be left out"):
        parse_profile(text, "hart.toml")


def test_discretion_needs_someone_to_exercise_it() -> None:
    text = _hart_text().replace(
        'who = "the Community Safety Manager or the District Police Inspector"\n', ""
    )
    with pytest.raises(ProfileError, match="who is required"):
        parse_profile(text, "hart.toml")


def test_file_name_must_match_profile_id(tmp_path: Path) -> None:
    (tmp_path / "fleet.toml").write_text(_hart_text(), encoding="utf-8")
    with pytest.raises(ProfileError, match="field id: 'hart' must match the file name 'fleet'"):
        load_profiles(tmp_path)


def test_invalid_toml_is_refused_naming_the_file() -> None:
    with pytest.raises(ProfileError, match="broken.toml: not valid TOML"):
        parse_profile("id = ", "broken.toml")


def test_extra_dir_must_be_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not a directory"):
        load_profiles(tmp_path / "missing")


def test_a_partnership_adds_its_area_with_a_file(tmp_path: Path) -> None:
    text = (
        _hart_text()
        .replace('id = "hart"', 'id = "rushmoor"')
        .replace('name = "Hart District"', 'name = "Rushmoor"')
    )
    (tmp_path / "rushmoor.toml").write_text(text, encoding="utf-8")
    profiles = load_profiles(tmp_path)
    assert "rushmoor" in profiles and "hart" in profiles
    assert get_profile("rushmoor", tmp_path).name == "Rushmoor"
    assert "rushmoor" not in load_profiles()


def test_a_file_in_the_extra_dir_replaces_the_packaged_profile(tmp_path: Path) -> None:
    (tmp_path / "hart.toml").write_text(
        _hart_text().replace('version = "2026.1"', 'version = "local.7"'), encoding="utf-8"
    )
    assert get_profile("hart", tmp_path).version == "local.7"
    assert get_profile("hart").version == "2026.1"


def test_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(UnknownProfile) as raised:
        get_profile("hampshire")
    assert raised.value.known == ["dartford", "durham", "hart", "hartlepool", "leicestershire"]
    assert "hampshire" in str(raised.value) and "hartlepool" in str(raised.value)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "hartlepool"),
        ({"TRIGGER_POLICY": "hart"}, "hart"),
        ({"TRIGGER_POLICY": "  durham "}, "durham"),
        ({"TRIGGER_POLICY": ""}, "hartlepool"),
    ],
)
def test_default_profile_is_the_configured_one_else_the_statutory_default(
    environ: dict[str, str], expected: str
) -> None:
    assert default_profile_id(environ) == expected
    assert STATUTORY_DEFAULT == "hartlepool"


def test_summary_names_every_route() -> None:
    summary = get_profile("durham").summary()
    assert "volume: 3 complaints (same problem)" in summary
    assert "hate: S9" in summary
    assert "community: 5 people" in summary
    assert "hate: none" in get_profile("dartford").summary()


def test_profiles_are_frozen() -> None:
    profile = get_profile("hart")
    assert isinstance(profile, Profile)
    with pytest.raises(ValueError):
        profile.name = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("unit", "count", "words"),
    [
        ("days", 30, "within 30 days"),
        ("calendar_months", 1, "within one calendar month"),
        ("calendar_months", 2, "within 2 calendar months"),
        ("none", None, "at any time (no time limit)"),
    ],
)
def test_report_limit_reads_in_plain_words(unit: str, count: int | None, words: str) -> None:
    assert ReportWithin(unit=LimitUnit(unit), count=count).describe() == words

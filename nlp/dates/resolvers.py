"""The rule that resolves each label of ``nlp/patterns/dates.jsonl``.

A match's label names its resolver here; a label without one is an error when the patterns are
loaded (:func:`nlp.dates.rules.rules_for`). The resolvers themselves are grouped by what they
resolve: :mod:`nlp.dates.resolve_days`, :mod:`nlp.dates.resolve_months` and
:mod:`nlp.dates.resolve_absolute`.
"""

from __future__ import annotations

from collections.abc import Callable

from nlp.dates.context import Context, Resolved
from nlp.dates.resolve_absolute import (
    resolve_absolute,
    resolve_day_month,
    resolve_day_range,
    resolve_month_numeric,
    resolve_numeric,
    resolve_numeric_hyphen,
    resolve_numeric_iso,
    resolve_numeric_spaced,
)
from nlp.dates.resolve_days import (
    resolve_ago,
    resolve_incident,
    resolve_last_n,
    resolve_ordinal_day,
    resolve_rel_day,
    resolve_week,
    resolve_weekday,
    resolve_weekday_date,
    resolve_weekend,
)
from nlp.dates.resolve_months import (
    resolve_month,
    resolve_month_part,
    resolve_month_range,
    resolve_month_rel,
    resolve_rest_of,
    resolve_year_only,
    resolve_year_part,
)
from nlp.dates.resolve_occasions import (
    resolve_bank_holiday,
    resolve_named_day,
    resolve_nth_weekday,
)

Resolver = Callable[[Context], Resolved | None]

RESOLVERS: dict[str, Resolver] = {
    "REL_DAY": resolve_rel_day,
    "INCIDENT": resolve_incident,
    "AGO": resolve_ago,
    "LAST_N": resolve_last_n,
    "WEEKDAY": resolve_weekday,
    "WEEKDAY_DATE": resolve_weekday_date,
    "DAY_RANGE": resolve_day_range,
    "DAY_MONTH": resolve_day_month,
    "MONTH_RANGE": resolve_month_range,
    "MONTH": resolve_month,
    "MONTH_REL": resolve_month_rel,
    "MONTH_PART": resolve_month_part,
    "WEEK": resolve_week,
    "WEEKEND": resolve_weekend,
    "NAMED_DAY": resolve_named_day,
    "ORDINAL_DAY": resolve_ordinal_day,
    "NUMERIC": resolve_numeric,
    "NUMERIC_HYPHEN": resolve_numeric_hyphen,
    "NUMERIC_ISO": resolve_numeric_iso,
    "MONTH_NUMERIC": resolve_month_numeric,
    "ABSOLUTE": resolve_absolute,
    "YEAR_ONLY": resolve_year_only,
    "YEAR_PART": resolve_year_part,
    "REST_OF": resolve_rest_of,
    "NTH_WEEKDAY": resolve_nth_weekday,
    "BANK_HOLIDAY": resolve_bank_holiday,
    "NUMERIC_SPACED": resolve_numeric_spaced,
}

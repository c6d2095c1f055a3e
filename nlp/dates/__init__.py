"""Date phrases: find them with spaCy patterns, resolve them by the contract's conventions.

The phrases are found by a spaCy ``Matcher`` whose patterns are data
(``nlp/patterns/dates.jsonl``); the words those patterns use (month and weekday names, their
abbreviations and typos, named days such as Bonfire Night, "yday", "tmrw", ...) are data too
(``nlp/patterns/dates_lexicon.json``). Each match's label names the rule that resolves it.
Relative and named days are resolved by our own rules (extract-contract.md, "Date
conventions"): the reference day is the reference datetime in Europe/London; the past is
preferred for anything without a year. Absolute forms with the month spelled inside one token
("31/Oct/1974", "14april") go to dateparser (cached); the common numeric and spelled forms are
parsed here, which is faster and exact.

The package, in the order a text goes through it:

- :mod:`~nlp.dates.component`: the ``trigger_dates`` spaCy component and :func:`find_dates`.
- :mod:`~nlp.dates.lexicon` and :mod:`~nlp.dates.rules`: the lexicon, the word classes and the
  Matcher built from the data files.
- :mod:`~nlp.dates.windows`: the merged copy of the doc the Matcher reads, and the short windows
  around anchor words it runs on (the whole extract must do 100 messages/s).
- :mod:`~nlp.dates.scan`: match, keep the longest, resolve, apply the context rules (dates
  of birth, habits, "since"); :mod:`~nlp.dates.tense` says when a clause tells its day ahead.
- :mod:`~nlp.dates.resolvers`: the resolver of each label, in :mod:`~nlp.dates.resolve_days`,
  :mod:`~nlp.dates.resolve_months`, :mod:`~nlp.dates.resolve_absolute` and
  :mod:`~nlp.dates.resolve_occasions` (named days, the nth weekday of a month, bank holidays),
  reading a match through :mod:`~nlp.dates.context` and counting with
  :mod:`~nlp.dates.arithmetic`.
- :mod:`~nlp.dates.corrections`: "the 14th not the 15th", "I meant the 14th".

Choices the contract leaves open, made here:

- "last weekend" is always the Saturday and Sunday before the reference week's Monday (the last
  weekend that has ended, even when the reference day is a Saturday or Sunday). "over the
  weekend", "at the weekend", "the weekend" mean the current weekend when the reference day is a
  Saturday or Sunday (ending on the reference day), else the weekend just before.
- "this week" / "this month" run from their first day to the reference day (past-leaning).
- "this Friday" is the Friday of the current week when that is not after the reference day, else
  the latest Friday before it.
- A bare year is only a mention after "in", "during" or "throughout" ("in 2023"), as a year
  range whose explanation starts with "year only"; "member since 2019" gives nothing.
- "since <date>" gives a range from that date to the reference day, explanation "since ...".
- Dates of birth (after "DOB", "born", "date of birth") give no mention.
- "N years ago", "a year ago": the same day N years before (28 February for 29 February), as
  "N months ago" counts back to a day.
- Parts of a year are thirds, as parts of a month are: "the beginning of 2025", "early 2025" is
  January-April, "the middle of", "mid" May-August, "the end of", "late" September-December.
  "The year" is the reference year (as "the month" is the reference month), "last year" the one
  before.
- "The rest of the week / month / year" runs from the reference day to the end of that week
  (Sunday), month or year.
- The nth weekday of a month ("the first Monday of last month", "the last Friday in October"):
  of the month named; a month name alone means the latest such day not after the reference day,
  and so does "of the month" when the reference month's is still to come; "this month" and
  "next month" are taken as written. A fifth weekday the month lacks gives nothing.
- Named days (Mothering Sunday, Father's Day, Remembrance Sunday, Christmas Eve, ...) and bank
  holidays ("the bank holiday Monday", "the August bank holiday", England's calendar) are the
  latest not after the reference day ("last": strictly before; "next": the first after). A bank
  holiday weekend runs from the Saturday to the bank holiday Monday.
- A weekday written with a day and month ("Saturday 12 December") is in the year where they
  agree nearest the reference day (seven years back, one ahead), so a day a few days ahead is
  this year's; when no year agrees, the latest day and month not after the reference day.
- A day its own clause tells as still to come (:mod:`~nlp.dates.tense`: "will", "'ll", "is due
  to", "ahead of", "this coming", "until" in a present clause, "closes on") is read forward: a
  weekday is the first after the reference day, a day and month, a day of the month, a named
  day or a bank holiday the first not before it. Without such a word, intake stays past-leaning.
- "The previous evening", "the day before", "the night before" count one day back from the
  incident just described, as "the following afternoon" counts one forward.
- "Christmas", "Xmas", "Easter" followed by a noun of the season ("the Christmas period", "the
  Christmas market", "the Easter weekend", "the Easter holidays") are not a day: the contract's
  table names Christmas Day, and a season or a thing of it is not one day. Alone ("at
  Christmas", "on Easter") they stay the day.
- A weekday before or after a named day ("the Saturday before Easter", "the Monday after
  Bonfire Night") is that weekday nearest before / after it, in the named day's year (the
  latest such day not after the reference day).
- A weekday after "any", "ordinary", "typical", "normal", "usual", "average" is no particular
  day ("a Tuesday" stays the latest Tuesday); a weekday read only through a typo or short
  form and capitalised after a capitalised word or a title ("Carla Munday", "Mr Munday") is a
  name.
- Numbers with single spaces are a date only day first with the year in full ("31 10 2025"),
  not next to another number, a currency sign, or within three words after a word that
  introduces a number ("ref", "number", "tel", "flat"); with dots the year may have two digits
  ("3.10.26").
"""

from __future__ import annotations

from nlp.dates.arithmetic import LONDON, reference_day
from nlp.dates.component import (
    FINDING_LABEL,
    SPANS_KEY,
    DateFinder,
    find_corrections,
    find_dates,
    make_date_finder,
    mentions_from_findings,
)
from nlp.dates.lexicon import Phrase
from nlp.dates.mention import DateAnchor, DateMention

__all__ = [
    "FINDING_LABEL",
    "LONDON",
    "SPANS_KEY",
    "DateAnchor",
    "DateFinder",
    "DateMention",
    "Phrase",
    "find_corrections",
    "find_dates",
    "make_date_finder",
    "mentions_from_findings",
    "reference_day",
]

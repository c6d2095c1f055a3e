"""One repository per aggregate, each an abstract class beside its SQL implementation.

``inbound`` (the raw evidence), ``applications`` (drafts and their workflow), ``decisions``
(threshold and officer), ``officers`` and ``audit`` (append-only). A unit of work
(:mod:`storage.unit_of_work`) hands them out over one transaction; tests use in-memory fakes of
the same abstract classes.
"""

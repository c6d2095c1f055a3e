"""The errors the storage package raises on purpose (library errors pass through as they are)."""

from __future__ import annotations


class StorageError(Exception):
    """Base of the errors this package raises on purpose."""


class AuditLogIsAppendOnly(StorageError):
    """Something tried to change or delete an audit entry."""


class ApplicationNotFound(StorageError):
    """No application has the given id."""


class StaleApplication(StorageError):
    """The application changed since the caller read it (optimistic concurrency)."""

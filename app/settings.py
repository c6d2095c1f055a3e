"""Settings of a running system, from environment variables prefixed ``TRIGGER_``.

Nothing is read at import time: :func:`load_settings` builds a :class:`Settings` when a command
starts. Every variable is documented in docs/configuration.md. Relative paths are taken from
the working directory at load time and stored absolute.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from intake.limits import MAX_ATTACHMENT_BYTES, MAX_MESSAGE_BYTES

DEFAULT_DATABASE_FILE = "trigger.sqlite3"


class Settings(BaseSettings):
    """Everything `trigger serve` and the other commands can be told from outside."""

    model_config = SettingsConfigDict(
        env_prefix="TRIGGER_",
        extra="ignore",
        # An empty variable (`TRIGGER_IMAP_HOST=`) means "not configured", not "".
        env_ignore_empty=True,
        validate_default=True,
    )

    # Storage
    var_dir: Path = Field(default=Path("var"), description="where local state lives")
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty: the SQLite file var_dir/trigger.sqlite3",
    )
    migration_database_url: str = Field(
        default="",
        description="SQLAlchemy URL migrations run with (the tables' owner); empty: database_url",
    )
    policy: str = Field(default="hartlepool", description="the threshold policy profile's id")

    # Drafting: the language work runs in a worker process, one message at a time.
    draft_time_limit_seconds: float = Field(
        default=60.0, gt=0, description="a message drafting longer is failed, never retried"
    )
    draft_max_attempts: int = Field(
        default=3, ge=1, description="a message whose drafting started this often is failed"
    )
    thread_window_days: float = Field(
        default=14.0,
        ge=0,
        description="a sender's new email about the same person within this many days of "
        "their last joins that open draft (replies in the thread always do)",
    )

    # Officers' console
    console_host: str = "127.0.0.1"
    console_port: int = Field(default=8000, ge=0, le=65535)
    console_idle_minutes: float = Field(
        default=30.0, gt=0, description="a console session unused this long ends"
    )
    console_session_hours: float = Field(
        default=12.0, gt=0, description="a console session ends this long after sign-in"
    )

    # Email intake: IMAP when imap_host is set, otherwise the drop folder.
    drop_folder: Path | None = Field(default=None, description="empty: var_dir/inbox")
    drop_max_bytes: int = Field(
        default=MAX_MESSAGE_BYTES, ge=1, description="a larger file is refused unread"
    )
    drop_settle_seconds: float = Field(
        default=5.0, ge=0, description="how long a file must be unchanged before it is read"
    )
    imap_host: str | None = None
    imap_port: int = Field(default=993, ge=1, le=65535)
    imap_ssl: bool = True
    imap_user: str | None = None
    imap_password: SecretStr | None = None
    imap_folder: str = "INBOX"
    imap_processed_folder: str = "Processed"
    imap_quarantine_folder: str = "Quarantine"
    max_attachment_bytes: int = Field(
        default=MAX_ATTACHMENT_BYTES,
        ge=1,
        description="an IMAP message with a larger attachment is refused with a reply",
    )
    imap_starttls: bool = Field(
        default=False, description="with TRIGGER_IMAP_SSL=false: upgrade to TLS before login"
    )
    imap_processed_action: Literal["move", "flag"] = Field(
        default="move",
        description="move stored mail to the processed folder, or flag it $TriggerStored",
    )

    # Replies by email
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_starttls: bool = True
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str | None = None
    smtp_timeout_seconds: float = Field(
        default=30.0, gt=0, description="how long to wait for the SMTP server"
    )
    letter_from: str | None = Field(
        default=None,
        description="the From of letters officers send by email; empty: TRIGGER_SMTP_FROM",
    )

    # Telegram bot
    telegram_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_rate_burst: int = Field(
        default=5, ge=1, description="messages a chat may send at once before the bot slows down"
    )
    telegram_rate_interval_seconds: float = Field(
        default=1.0, gt=0, description="then one message of a chat handled every this many s"
    )
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535)
    telegram_webhook_path: str = "/telegram"

    @model_validator(mode="after")
    def _resolve_paths(self) -> Settings:
        """Make paths absolute and fill the defaults that depend on var_dir."""
        self.var_dir = self.var_dir.expanduser().resolve()
        drop_folder = self.drop_folder if self.drop_folder is not None else self.var_dir / "inbox"
        self.drop_folder = drop_folder.expanduser().resolve()
        if not self.database_url:
            self.database_url = f"sqlite:///{self.var_dir / DEFAULT_DATABASE_FILE}"
        if not self.migration_database_url:
            self.migration_database_url = self.database_url
        return self

    @property
    def separate_migration_role(self) -> bool:
        """True when migrations run with their own URL (TRIGGER_MIGRATION_DATABASE_URL)."""
        return self.migration_database_url != self.database_url

    @property
    def inbox(self) -> Path:
        """The drop folder (always set after validation)."""
        assert self.drop_folder is not None
        return self.drop_folder

    @property
    def imap_configured(self) -> bool:
        """True when an IMAP server, user and password are all given."""
        return bool(self.imap_host and self.imap_user and self.imap_password)

    @property
    def smtp_configured(self) -> bool:
        """True when an SMTP server and a From address are given."""
        return bool(self.smtp_host and self.smtp_from)

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        """A webhook without a secret would let anyone post updates."""
        if self.telegram_webhook_url and not (
            self.telegram_webhook_secret and self.telegram_webhook_secret.get_secret_value()
        ):
            raise ValueError("TRIGGER_TELEGRAM_WEBHOOK_SECRET is required with a webhook URL")
        return self

    @property
    def telegram_configured(self) -> bool:
        """True when a Telegram bot token is given."""
        return self.telegram_token is not None and bool(self.telegram_token.get_secret_value())


def load_settings(**overrides: Any) -> Settings:
    """Build the settings from the environment; keyword arguments win over the environment."""
    return Settings(**overrides)

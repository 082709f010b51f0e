"""Configuration read from the environment, once, into a frozen value object.

Every setting has a safe local default so ``make demo`` works on a fresh machine; production sets
``SAR_DATABASE_URL`` (PostgreSQL), ``SAR_SECRET_KEY``, ``SAR_STORAGE_DIR`` and the SMTP settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Repository root: templates/ and var/ live here in a source checkout.
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAR = REPO_ROOT / "var"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    """All runtime configuration.

    :param database_url: SQLAlchemy URL. ``SAR_DATABASE_URL``, else ``DATABASE_URL``, else SQLite
        under ``var/``.
    :param storage_dir: where original documents and packs are stored, content-addressed.
    :param secret_key: signs sessions and CSRF tokens. The default is for the demo only.
    :param council_nation: the council's nation for SAR roll-forward (rulebook H-3).
    """

    database_url: str = f"sqlite:///{DEFAULT_VAR / 'sar.db'}"
    storage_dir: Path = DEFAULT_VAR / "storage"
    secret_key: str = "dev-only-insecure-secret-change-me"
    base_url: str = "http://127.0.0.1:8000"
    council_name: str = "Example County Council"
    council_nation: str = "ENG"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "information.rights@example.gov.uk"
    third_party_sla_working_days: int = 10
    due_soon_working_days: int = 5
    download_link_hours: int = 72
    secure_cookies: bool = False
    templates_dir: Path = field(default=REPO_ROOT / "templates")

    @classmethod
    def from_env(cls) -> Settings:
        """Build settings from ``SAR_*`` environment variables.

        :raises ValueError: if a numeric setting is not a number.
        """
        base = cls()
        storage = _env("SAR_STORAGE_DIR")
        return replace(
            base,
            database_url=_env("SAR_DATABASE_URL") or _env("DATABASE_URL") or base.database_url,
            storage_dir=Path(storage) if storage else base.storage_dir,
            secret_key=_env("SAR_SECRET_KEY", base.secret_key),
            base_url=_env("SAR_BASE_URL", base.base_url),
            council_name=_env("SAR_COUNCIL_NAME", base.council_name),
            council_nation=_env("SAR_COUNCIL_NATION", base.council_nation),
            smtp_host=_env("SAR_SMTP_HOST", base.smtp_host),
            smtp_port=_int("SAR_SMTP_PORT", base.smtp_port),
            smtp_user=_env("SAR_SMTP_USER"),
            smtp_password=_env("SAR_SMTP_PASSWORD"),
            smtp_starttls=_env("SAR_SMTP_STARTTLS", "0") == "1",
            mail_from=_env("SAR_MAIL_FROM", base.mail_from),
            third_party_sla_working_days=_int("SAR_THIRD_PARTY_SLA_DAYS", base.third_party_sla_working_days),
            due_soon_working_days=_int("SAR_DUE_SOON_DAYS", base.due_soon_working_days),
            download_link_hours=_int("SAR_DOWNLOAD_LINK_HOURS", base.download_link_hours),
            secure_cookies=_env("SAR_SECURE_COOKIES", "0") == "1",
        )

"""Configuration read from the environment, once, into a frozen value object.

Every setting has a safe local default so ``make demo`` (``SAR_ENV=demo``) works on a fresh machine,
except the secret key: production (the default ``SAR_ENV``) must set ``SAR_SECRET_KEY``, and sets
``SAR_DATABASE_URL`` (PostgreSQL), ``SAR_STORAGE_DIR`` and the SMTP settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Repository root: templates/ and var/ live here in a source checkout.
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAR = REPO_ROOT / "var"

#: The secret key a fresh checkout runs with. It is published (it is in this file), so anyone can
#: forge a session signed with it: only the demo and the tests may run with it.
DEMO_SECRET_KEY = "dev-only-insecure-secret-change-me"
#: The audit chain's MAC key a fresh checkout runs with (published, like the demo secret key): only
#: the demo and the tests may sign the audit log with it. Its key id is recorded on every row.
DEMO_AUDIT_KEY_ID = "dev"
DEMO_AUDIT_KEY = "dev-only-insecure-audit-key"
#: The documents-at-rest key a fresh checkout runs with when encryption is on (published; demo/test).
DEMO_STORAGE_KEY_ID = "dev"
DEMO_STORAGE_KEY = "ZGV2LW9ubHktaW5zZWN1cmUtc3RvcmFnZS1rZXkhISE="  # base64 of 32 bytes
#: ``SAR_ENV`` values that may run without a secret key of their own.
NON_PRODUCTION_ENVS = frozenset({"demo", "test"})
ENVIRONMENTS = NON_PRODUCTION_ENVS | {"production"}
#: Seconds to wait for a new database connection (PostgreSQL ``connect_timeout``).
DEFAULT_CONNECT_TIMEOUT = 10.0
#: Seconds one database statement may run (PostgreSQL ``statement_timeout``), and how long a
#: SQLite writer waits for the write lock (busy timeout).
DEFAULT_STATEMENT_TIMEOUT = 30.0


class ConfigError(ValueError):
    """The configuration is unsafe or malformed; the message is one line for the operator."""


#: Environment variable that turns the searchable text layer of released scanned pages off ("0").
OCR_TEXT_LAYER_ENV = "SAR_OCR_TEXT_LAYER"
#: Environment variable that makes burn-in refuse a whole document ("1") rather than withhold a page
#: whose picture still reads redacted text after the repair pass (issue 10).
REFUSE_UNVERIFIABLE_ENV = "SAR_REFUSE_UNVERIFIABLE"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _float(name: str, default: float) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


def parse_keyring(name: str, raw: str | None) -> tuple[tuple[str, str], ...]:
    """Parse a keyring setting ``"id1:secret1,id2:secret2"``; the first entry is the current key.

    Older keys stay in the ring so rows (or files) written with them still verify (or decrypt) after
    a rotation: to rotate, put the new key first and keep the old ones after it.

    :raises ConfigError: an entry without an id, a repeated id, or an empty secret.
    """
    if raw is None:
        return ()
    ring: list[tuple[str, str]] = []
    for entry in raw.split(","):
        entry = entry.strip()
        if not entry:
            continue
        key_id, sep, secret = entry.partition(":")
        key_id, secret = key_id.strip(), secret.strip()
        if not sep or not key_id or not secret:
            raise ConfigError(f"{name} entries must be KEY_ID:SECRET separated by commas, got {entry[:12]!r}...")
        if len(key_id) > 40 or not key_id.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise ConfigError(f"{name}: key id {key_id!r} must be up to 40 letters, digits, '-', '_' or '.'")
        if any(key_id == known for known, _ in ring):
            raise ConfigError(f"{name}: key id {key_id!r} appears twice")
        ring.append((key_id, secret))
    return tuple(ring)


#: ``SAR_LETTER_FALLBACK`` values (issue 16).
LETTER_FALLBACKS = ("language", "format")


def _letter_fallback(value: str | None) -> str:
    clean = (value or "").strip().lower()
    if clean not in LETTER_FALLBACKS:
        raise ConfigError(f"SAR_LETTER_FALLBACK must be one of {', '.join(LETTER_FALLBACKS)}, got {value!r}")
    return clean


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    """All runtime configuration.

    :param database_url: SQLAlchemy URL. ``SAR_DATABASE_URL``, else ``DATABASE_URL``, else SQLite
        under ``var/``.
    :param storage_dir: where original documents and packs are stored, content-addressed.
    :param secret_key: signs sessions and CSRF tokens. The default is published and is accepted
        only when ``environment`` is ``demo`` or ``test`` (:meth:`check_secret_key`).
    :param environment: ``SAR_ENV``: ``production`` (the default), ``demo`` (``make demo``) or
        ``test`` (the test suite).
    :param db_connect_timeout_seconds: ``SAR_DB_CONNECT_TIMEOUT``; see :func:`sar.core.db.make_engine`.
    :param db_statement_timeout_seconds: ``SAR_DB_STATEMENT_TIMEOUT``; see :func:`sar.core.db.make_engine`.
    :param job_stale_seconds: ``SAR_JOB_STALE_SECONDS``: a running background job whose heartbeat is
        older than this is taken to have lost its worker, failed, and may be run again.
    :param job_heartbeat_seconds: ``SAR_JOB_HEARTBEAT_SECONDS``: how often a running job beats.
    :param job_range_pages: ``SAR_JOB_RANGE_PAGES``: a document longer than this is read, analysed,
        burned in and verified in page-range jobs of this many pages (issue 11), so every worker's
        cores share one large document; at least 1.
    :param ocr_text_layer: ``SAR_OCR_TEXT_LAYER`` (default ``1``): released scanned pages carry an
        invisible, searchable text layer of the words kept (``redaction.pdf_ocr_layer``); ``0``
        releases them as pictures only.
    :param refuse_unverifiable: ``SAR_REFUSE_UNVERIFIABLE`` (default ``0``): with ``0`` a page whose
        picture OCR still reads redacted text on after burn-in's repair pass is withheld for a manual
        check (a notice page, listed in the pack's schedule and notes) and the rest of the document is
        released verified; ``1`` refuses the whole document instead (the pack build fails).
    :param council_nation: the council's nation for SAR roll-forward (rulebook H-3).
    :param password_min_staff: ``SAR_PASSWORD_MIN_STAFF``, at least 8 (NCSC's floor); 12 by default (ASVS V2.1.1).
    :param password_min_requester: ``SAR_PASSWORD_MIN_REQUESTER``, at least 8; 10 by default.
    :param staff_two_factor_required: ``SAR_STAFF_2FA`` = ``required`` or ``optional``; required by default
        in production, optional in demo and test.
    :param api_token_days: ``SAR_API_TOKEN_DAYS``: lifetime of a new API token.
    :param reset_link_minutes: ``SAR_RESET_LINK_MINUTES``: lifetime of a password-reset link.
    :param verify_link_hours: ``SAR_VERIFY_LINK_HOURS``: lifetime of an e-mail address check link.
    :param requester_requests_per_day: ``SAR_REQUESTER_REQUESTS_PER_DAY``: requests one requester account may
        submit in 24 hours (0: no limit).
    :param requester_upload_mb_per_day: ``SAR_REQUESTER_UPLOAD_MB_PER_DAY``; ``staff_upload_mb_per_day``:
        ``SAR_STAFF_UPLOAD_MB_PER_DAY``: megabytes one account may upload in 24 hours (0: no limit).
    :param disclosure_keep_officer_names: ``SAR_DISCLOSURE_KEEP_OFFICER_NAMES=1``: keep council
        officers' names in responses published to the disclosure log (default: replace them too).
    :param retention_schedule: ``SAR_RETENTION_SCHEDULE``: a JSON retention schedule replacing the
        packaged one (``sar.retention.schedule``); None uses the packaged default.
    :param audit_keys: ``SAR_AUDIT_KEY``: the audit chain's HMAC keyring ``id:secret[,id:secret]``,
        current key first (see :func:`parse_keyring`). It lives outside the database, so someone who
        can write to the database cannot re-sign rows they altered. Demo/test default to a published
        dev key; production must set it (:meth:`check_audit_key`).
    :param audit_anchor_path: ``SAR_AUDIT_ANCHOR_FILE``: the append-only file the worker writes the
        chain head to (``sar audit verify`` checks the chain against it); empty disables anchoring.
    :param audit_anchor_minutes: ``SAR_AUDIT_ANCHOR_MINUTES``: how often the worker anchors.
    :param storage_encryption: ``SAR_STORAGE_ENCRYPTION=1`` encrypts documents at rest (AES-GCM).
    :param storage_keys: ``SAR_STORAGE_KEY``: keyring ``id:base64-32-bytes[,...]``, current first.
    :param clamav_command: ``SAR_CLAMAV``: the scanner command run on every upload (e.g.
        ``clamdscan --no-summary --fdpass``); empty disables scanning.
    :param child_competence_age: ``SAR_CHILD_COMPETENCE_AGE`` (rulebook T-4, VERIFY): presumed-competent age.
    :param interpreter_booking_days: ``SAR_INTERPRETER_DAYS``: when an interpreter booking task falls due.
    :param no_parent_contact_age: ``SAR_NO_PARENT_CONTACT_AGE`` (seed policy "older children", VERIFY): the
        youngest competent child whose request that the parents are not consulted is respected; 0: any.
    :param letter_fallback: ``SAR_LETTER_FALLBACK``: ``language`` (a Welsh easy-read reader gets the Welsh
        standard wording before the English easy-read one) or ``format`` (English easy read first).
    """

    database_url: str = f"sqlite:///{DEFAULT_VAR / 'sar.db'}"
    storage_dir: Path = DEFAULT_VAR / "storage"
    secret_key: str = DEMO_SECRET_KEY
    environment: str = "production"
    db_connect_timeout_seconds: float = DEFAULT_CONNECT_TIMEOUT
    db_statement_timeout_seconds: float = DEFAULT_STATEMENT_TIMEOUT
    job_stale_seconds: float = 60.0
    job_heartbeat_seconds: float = 10.0
    job_range_pages: int = 120
    ocr_text_layer: bool = True
    refuse_unverifiable: bool = False
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
    #: Issue 15 (NCSC password guidance, ASVS V2.1.1): minimum password lengths, no composition rules.
    password_min_staff: int = 12
    password_min_requester: int = 10
    #: TOTP for staff. :meth:`from_env` (how every deployment is configured) makes it required unless
    #: ``SAR_ENV`` is demo or test; a Settings built directly (tests) leaves it optional unless told.
    staff_two_factor_required: bool = False
    api_token_days: int = 90
    reset_link_minutes: int = 60
    verify_link_hours: int = 48
    #: Per-account quotas over 24 hours (issue 15); 0 switches one off.
    requester_requests_per_day: int = 10
    requester_upload_mb_per_day: int = 100
    staff_upload_mb_per_day: int = 5000
    templates_dir: Path = field(default=REPO_ROOT / "templates")
    retention_schedule: Path | None = None
    disclosure_keep_officer_names: bool = False
    audit_keys: tuple[tuple[str, str], ...] = ((DEMO_AUDIT_KEY_ID, DEMO_AUDIT_KEY),)
    audit_anchor_path: Path | None = None
    audit_anchor_minutes: float = 60.0
    storage_encryption: bool = False
    storage_keys: tuple[tuple[str, str], ...] = ((DEMO_STORAGE_KEY_ID, DEMO_STORAGE_KEY),)
    clamav_command: str = ""
    #: Issue 16, rulebook T-4 (VERIFY): the age from which a child is presumed competent to exercise
    #: their own data rights. DPA 2018 s.208 sets 12 in Scotland; the ICO calls that a reasonable
    #: approach in England. ``SAR_CHILD_COMPETENCE_AGE``; 0 turns the presumption off (always assess).
    child_competence_age: int = 12
    #: Issue 16: days from today by which an interpreter booking task is due (``SAR_INTERPRETER_DAYS``).
    interpreter_booking_days: int = 5
    #: Issue 16, seed policy: "older children with an appropriate level of maturity" may ask that their
    #: parents are not consulted. The seed gives no age (VERIFY); 0 lets competence alone decide.
    no_parent_contact_age: int = 0
    #: Issue 16: which a letter falls back to first when a translation has no wording for the reader's format
    #: (``sar.release.letters.resolve``): ``language`` keeps the reader's language, ``format`` keeps the format.
    letter_fallback: str = "language"

    @classmethod
    def from_env(cls) -> Settings:
        """Build settings from ``SAR_*`` environment variables.

        :raises ValueError: if a numeric setting is not a number, or ``SAR_ENV`` is unknown.
        """
        base = cls()
        storage = _env("SAR_STORAGE_DIR")
        environment = (_env("SAR_ENV", base.environment) or "").strip().lower()
        if environment not in ENVIRONMENTS:
            raise ConfigError(f"SAR_ENV must be one of {', '.join(sorted(ENVIRONMENTS))}, got {environment!r}")
        two_factor = (_env("SAR_STAFF_2FA") or ("optional" if environment in NON_PRODUCTION_ENVS
                                                 else "required")).strip().lower()
        if two_factor not in ("required", "optional"):
            raise ConfigError(f"SAR_STAFF_2FA must be 'required' or 'optional', got {two_factor!r}")
        minimums = {}
        for name, attr in (("SAR_PASSWORD_MIN_STAFF", "password_min_staff"),
                           ("SAR_PASSWORD_MIN_REQUESTER", "password_min_requester")):
            minimums[attr] = _int(name, getattr(base, attr))
            if not 8 <= minimums[attr] <= 64:
                raise ConfigError(f"{name} must be between 8 and 64, got {minimums[attr]}")
        for name, attr in (("SAR_REQUESTER_REQUESTS_PER_DAY", "requester_requests_per_day"),
                           ("SAR_REQUESTER_UPLOAD_MB_PER_DAY", "requester_upload_mb_per_day"),
                           ("SAR_STAFF_UPLOAD_MB_PER_DAY", "staff_upload_mb_per_day")):
            minimums[attr] = _int(name, getattr(base, attr))
            if minimums[attr] < 0:
                raise ConfigError(f"{name} must be 0 (no limit) or more, got {minimums[attr]}")
        lifetimes = {}
        for name, attr in (("SAR_API_TOKEN_DAYS", "api_token_days"), ("SAR_RESET_LINK_MINUTES", "reset_link_minutes"),
                           ("SAR_VERIFY_LINK_HOURS", "verify_link_hours")):
            lifetimes[attr] = _int(name, getattr(base, attr))
            if lifetimes[attr] < 1:
                raise ConfigError(f"{name} must be at least 1, got {lifetimes[attr]}")
        non_production = environment in NON_PRODUCTION_ENVS
        anchor = _env("SAR_AUDIT_ANCHOR_FILE")
        return replace(
            base,
            staff_two_factor_required=two_factor == "required",
            **minimums,
            **lifetimes,
            # Unset in production stays empty, so check_audit_key can say "not set".
            audit_keys=parse_keyring("SAR_AUDIT_KEY", _env("SAR_AUDIT_KEY"))
            or (base.audit_keys if non_production else ()),
            audit_anchor_path=Path(anchor) if anchor else None,
            audit_anchor_minutes=_float("SAR_AUDIT_ANCHOR_MINUTES", base.audit_anchor_minutes),
            storage_encryption=_env("SAR_STORAGE_ENCRYPTION", "0") == "1",
            storage_keys=parse_keyring("SAR_STORAGE_KEY", _env("SAR_STORAGE_KEY"))
            or (base.storage_keys if non_production else ()),
            clamav_command=_env("SAR_CLAMAV", "") or "",
            child_competence_age=_int("SAR_CHILD_COMPETENCE_AGE", base.child_competence_age),
            interpreter_booking_days=_int("SAR_INTERPRETER_DAYS", base.interpreter_booking_days),
            no_parent_contact_age=_int("SAR_NO_PARENT_CONTACT_AGE", base.no_parent_contact_age),
            letter_fallback=_letter_fallback(_env("SAR_LETTER_FALLBACK", base.letter_fallback)),
            database_url=_env("SAR_DATABASE_URL") or _env("DATABASE_URL") or base.database_url,
            storage_dir=Path(storage) if storage else base.storage_dir,
            # Unset in production stays empty, so check_secret_key can say "not set".
            secret_key=_env("SAR_SECRET_KEY") or (base.secret_key if environment in NON_PRODUCTION_ENVS else ""),
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
            disclosure_keep_officer_names=_env("SAR_DISCLOSURE_KEEP_OFFICER_NAMES", "0") == "1",
            retention_schedule=Path(_env("SAR_RETENTION_SCHEDULE")) if _env("SAR_RETENTION_SCHEDULE") else None,
            environment=environment,
            db_connect_timeout_seconds=_float("SAR_DB_CONNECT_TIMEOUT", base.db_connect_timeout_seconds),
            db_statement_timeout_seconds=_float("SAR_DB_STATEMENT_TIMEOUT", base.db_statement_timeout_seconds),
            job_stale_seconds=_float("SAR_JOB_STALE_SECONDS", base.job_stale_seconds),
            job_heartbeat_seconds=_float("SAR_JOB_HEARTBEAT_SECONDS", base.job_heartbeat_seconds),
            job_range_pages=max(1, _int("SAR_JOB_RANGE_PAGES", base.job_range_pages)),
            ocr_text_layer=(_env(OCR_TEXT_LAYER_ENV, "1") or "1").strip().lower() not in ("0", "false", "no", "off"),
            refuse_unverifiable=(_env(REFUSE_UNVERIFIABLE_ENV) or "0").strip().lower() in ("1", "true", "yes", "on"),
        )

    def check_secret_key(self) -> None:
        """Refuse to serve with a missing or published secret key outside the demo and the tests.

        Sessions and CSRF tokens are signed with the key, so anyone who knows it can forge a
        manager's session.

        :raises ConfigError: with a one-line message saying what to set.
        """
        if self.environment in NON_PRODUCTION_ENVS:
            return
        key = (self.secret_key or "").strip()
        if not key:
            problem = "SAR_SECRET_KEY is not set"
        elif key == DEMO_SECRET_KEY:
            problem = "SAR_SECRET_KEY is the published demo key"
        else:
            return
        raise ConfigError(f"{problem}: set it to a long random value (e.g. `python -c \"import secrets; "
                          f"print(secrets.token_urlsafe(48))\"`), or SAR_ENV=demo for a local demo")

    def check_audit_key(self) -> None:
        """Refuse to run with no audit key, or the published one, outside the demo and the tests.

        :raises ConfigError: with a one-line message saying what to set.
        """
        if self.environment in NON_PRODUCTION_ENVS:
            return
        if not self.audit_keys:
            problem = "SAR_AUDIT_KEY is not set"
        elif any(secret == DEMO_AUDIT_KEY for _, secret in self.audit_keys):
            problem = "SAR_AUDIT_KEY contains the published demo key"
        else:
            return
        raise ConfigError(f"{problem}: set it to KEY_ID:SECRET with a long random secret (e.g. "
                          f"`2026a:$(python -c \"import secrets; print(secrets.token_urlsafe(48))\")`)")

    def check_storage_key(self) -> None:
        """Refuse to run staff two-factor without ``SAR_STORAGE_KEY``, which seals the TOTP secrets.

        :raises ConfigError: with a one-line message saying what to set.
        """
        if self.staff_two_factor_required and not self.storage_keys:
            raise ConfigError("SAR_STORAGE_KEY is not set: staff two-factor secrets are stored encrypted with it "
                              "(KEY_ID:base64 of 32 random bytes, e.g. `2026a:$(python -c \"import os,base64; "
                              "print(base64.b64encode(os.urandom(32)).decode())\")`)")

"""A real SMTP server for tests (aiosmtpd in a thread) that records what it receives."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    """One message as the server got it."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def body(self) -> str:
        return self.message.get_content()


@dataclass
class SinkHandler:
    """aiosmtpd handler: keep every message; refuse or defer recipients listed in ``refuse``/``defer``."""

    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    defer: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        if address in self.defer:
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        msg = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    """Start with ``SmtpSink().start()``; ``.port``, ``.messages``, ``.stop()``.

    With ``credentials=(user, password)`` the server requires AUTH (without TLS: tests only).
    """

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self.handler = SinkHandler()
        self.port = free_port()
        kwargs = {}
        if credentials is not None:
            def authenticate(server, session, envelope, mechanism, auth_data):
                ok = isinstance(auth_data, LoginPassword) and (
                    auth_data.login.decode(), auth_data.password.decode()) == credentials
                return AuthResult(success=ok, handled=False)

            kwargs = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def start(self) -> SmtpSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.messages)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages

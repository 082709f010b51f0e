"""Upload scanning hook: every uploaded file goes through a virus scanner before it is stored.

Configured with ``SAR_CLAMAV`` (e.g. ``clamdscan --no-summary --fdpass -``, Debian package
``clamdscan``, talking to a running ``clamd``); unset, no scan is made. The file is passed on the
scanner's standard input (``-`` argument: we append it if the command has none), so nothing is
written to disk before it is found clean. Exit codes follow clamdscan's contract: 0 clean,
1 a virus was found, anything else an error. A scanner error refuses the upload too ("fail closed"):
a council would rather retry an upload than store an unscanned one.
"""

from __future__ import annotations

import shlex
import subprocess

from sar.core.errors import ValidationError

#: clamdscan's exit codes.
CLEAN, INFECTED = 0, 1
#: Seconds a scan may take before the upload is refused.
SCAN_TIMEOUT_SECONDS = 120


class ScanUnavailable(ValidationError):
    """The scanner could not be run or failed; the upload was not stored."""


class InfectedFile(ValidationError):
    """The scanner found malware; the upload was not stored."""


def scan_upload(command: str, data: bytes, filename: str) -> None:
    """Scan ``data`` with ``command`` (no-op when ``command`` is empty).

    :raises InfectedFile: the scanner reported malware (its signature name is in the message).
    :raises ScanUnavailable: the scanner could not be started, timed out or reported an error.
    """
    if not command.strip():
        return
    argv = shlex.split(command)
    if "-" not in argv[1:]:
        argv.append("-")
    try:
        done = subprocess.run(argv, input=data, capture_output=True, timeout=SCAN_TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ScanUnavailable(f"{filename} was not stored: the virus scanner could not be run ({exc}); "
                              f"try again, or tell your administrator") from None
    if done.returncode == CLEAN:
        return
    output = done.stdout.decode(errors="replace").strip().splitlines()
    if done.returncode == INFECTED:
        found = next((line.split(":", 1)[1].strip() for line in output if "FOUND" in line), "malware")
        raise InfectedFile(f"{filename} was not stored: the virus scanner found {found}. "
                           f"Do not open the file; tell your IT security team where it came from")
    raise ScanUnavailable(f"{filename} was not stored: the virus scanner reported an error "
                          f"(exit {done.returncode}); try again, or tell your administrator")

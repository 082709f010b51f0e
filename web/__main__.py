"""``python -m web --host H --port P``: serve SAR Desk with waitress."""

from __future__ import annotations

import argparse
import sys

from waitress.server import create_server

from sar.core.settings import ConfigError
from web import create_app


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the app and serve it until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m web", description="Serve the SAR Desk web app.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    try:
        app = create_app()
    except ConfigError as exc:  # also raised for a malformed SAR_* value
        print(f"SAR Desk will not start: {exc}", file=sys.stderr)
        return 2
    try:
        # Bind before announcing, so the line is true when it is printed.
        server = create_server(app, host=args.host, port=args.port, threads=args.threads, ident="SAR Desk")
    except OSError as exc:
        print(f"SAR Desk cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"SAR Desk is running at http://{args.host}:{args.port}/", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

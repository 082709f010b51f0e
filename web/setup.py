"""Registers blueprints, CSRF, security headers and login handling on the app (placeholder)."""

from __future__ import annotations

from flask import Flask


def configure(app: Flask) -> None:
    """Attach everything the app serves."""

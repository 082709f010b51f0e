"""Subcommands of ``sar``. Each module exposes ``COMMANDS``, a list of click commands."""

"""The staff workspace: dashboard, logging requests, the case page, redaction review and approval."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from web.staff import routes  # noqa: E402,F401  (registers the views on bp)

"""The staff workspace: dashboard, logging requests, the case page, redaction review and approval.

The view modules (routes, party_routes, review_routes) register on :data:`bp`; :mod:`web.setup` imports
them. Their shared helpers live in :mod:`web.staff.common`, so no view module imports another's helpers.
"""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

"""The requester portal: register, make a request, follow it and download the response."""

from flask import Blueprint

bp = Blueprint("portal", __name__)

from web.portal import routes  # noqa: E402,F401  (registers the views on bp)

"""The requester portal: register, make a request, follow it and download the response."""

from flask import Blueprint

bp = Blueprint("portal", __name__)

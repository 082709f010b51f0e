"""Staff views for teams (issue 14, need to know): managers and admins create teams and set their members.

Seed policy: information is "only accessed on a need to know basis"; a request's team decides who sees it.
"""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from sar.accounts import queries as account_queries
from sar.confidentiality import access
from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.models import Team, User
from web.auth import current_user, staff_required
from web.db import get_session
from web.staff import bp
from web.staff.common import form_post
from web.staff.forms import PostForm


def _back():
    return redirect(url_for("staff.teams_page"))


@bp.route("/teams")
@staff_required
def teams_page():
    """Teams and their members."""
    db, user = get_session(), current_user()
    return render_template("staff/teams.html", teams=access.teams(db, actor=user),
                           members=access.members(db, actor=user), staff=account_queries.staff_users(db, actor=user))


@bp.route("/teams", methods=["POST"])
@staff_required
def create_team():
    """Create a team."""
    return form_post(PostForm(), lambda db: access.create_team(db, request.form.get("name", ""), actor=current_user(),
                                                               now=utcnow()),
                     req=None, back=_back, success="Team created.")


@bp.route("/teams/<int:team_id>/members", methods=["POST"])
@staff_required
def team_member(team_id: int):
    """Add (``action=add``) or remove (``action=remove``) a member."""
    def action(db):
        team = db.get(Team, team_id)
        user_id = request.form.get("user_id", "")
        user = db.get(User, int(user_id)) if user_id.isdigit() else None
        if team is None or user is None:
            raise NotFound("no such team or staff member")
        if request.form.get("action") == "remove":
            access.remove_member(db, team, user, actor=current_user(), now=utcnow())
        else:
            access.add_member(db, team, user, actor=current_user(), now=utcnow())
    return form_post(PostForm(), action, req=None, back=_back, success="Team updated.")

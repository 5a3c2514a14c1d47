"""Reads about the demo: is it there, can it be built, and who logs in as whom."""

from django.utils.translation import gettext as _

from longdan.accounts.models import User
from longdan.geo.models import AdminUnit
from longdan.org.models import Unit
from longdan.people.models import Member

from .seed_case import LEGACY_PROVINCE_CODE, PROVINCE_CODE, STATIONS, USERNAMES


def demo_is_loaded() -> bool:
    """Whether the demo's stations are there (its command may outlive them when generated stations share it)."""
    return Unit.objects.filter(code__in=[spec.code for spec in STATIONS]).exists()


def official_units_loaded() -> bool:
    """Whether `longdan load_units` has run: Cần Thơ today, and Sóc Trăng's communes from before the reform."""
    return (
        AdminUnit.objects.current().provinces().filter(code=PROVINCE_CODE).exists()
        and AdminUnit.objects.legacy().communes().filter(parent__parent__code=LEGACY_PROVINCE_CODE).exists()
    )


def demo_logins() -> list[tuple[str, str]]:
    """(username, who) for each demo account that exists, in the order DESIGN.md lists them."""
    users = {
        user.username: user
        for user in User.objects.filter(username__in=USERNAMES).prefetch_related("grants__communes")
    }
    members = {
        member.user_id: member
        for member in Member.objects.filter(user__in=users.values()).select_related("unit")
    }
    rows = []
    for username in USERNAMES:
        user = users.get(username)
        if user is None:
            continue
        member = members.get(user.pk)
        if member is not None:
            who = f"{member} — {member.position}, {member.unit}"
        else:
            name = user.get_full_name()
            communes = [commune.name for grant in user.grants.all() for commune in grant.communes.all()]
            if communes:
                who = _("%(name)s — commune liaison, %(communes)s") % {
                    "name": name,
                    "communes": ", ".join(communes),
                }
            else:
                who = _("%(name)s — system administrator") % {"name": name}
        rows.append((username, who))
    return rows

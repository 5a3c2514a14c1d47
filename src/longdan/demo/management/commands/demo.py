"""`longdan demo`: load the Sóc Trăng seed case (75 members, about 350 households) and a year of their work;
print the demo logins."""

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from longdan.accounts.services import DEMO_TOTP_SECRET, demo_second_factor_ensure
from longdan.cases.models import CaseState
from longdan.demo import builder, seed_case
from longdan.demo.activity import ActivitySummary, period
from longdan.demo.selectors import demo_is_loaded, demo_logins, official_units_loaded
from longdan.demo.services import demo_delete


class Command(BaseCommand):
    help = (
        "Load the demo of the seed case: the Border Guard command of former Sóc Trăng province, five stations, "
        "75 members in charge of about 350 households in 11 sea-border communes, a year of their work "
        "(visits, petitions, tips, support, cell meetings), and one login per role. "
        "Does nothing if the demo is already loaded (use --reset to load it afresh)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo data (and what was recorded on it) and load it again.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if not official_units_loaded():
            self.stdout.write(_("The official unit list is not loaded yet: running load_units first."))
            call_command("load_units", verbosity=options["verbosity"], stdout=self.stdout, stderr=self.stderr)
        if demo_is_loaded() and not options["reset"]:
            self.stdout.write(_("The demo is already loaded; nothing to do (use --reset to load it again)."))
            self._print_logins()
            return
        try:
            with transaction.atomic():
                if options["reset"]:
                    demo_delete()
                summary = builder.build()
        except builder.DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo loaded in %(seconds).1f s: %(members)d members, %(households)d households, "
                    "%(residents)d residents, %(assessments)d poverty assessments, %(communes)d communes, "
                    "%(hamlets)d hamlets."
                )
                % {
                    "seconds": seconds,
                    "members": summary.members,
                    "households": summary.households,
                    "residents": summary.residents,
                    "assessments": summary.assessments,
                    "communes": summary.communes,
                    "hamlets": summary.hamlets,
                }
            )
        )
        for station in summary.stations:
            self.stdout.write(
                "  "
                + _(
                    "%(station)s: %(members)d members, %(households)d households, "
                    "%(communes)d communes, %(hamlets)d hamlets"
                )
                % {
                    "station": station.name,
                    "members": station.members,
                    "households": station.households,
                    "communes": len(station.communes),
                    "hamlets": station.hamlets,
                }
            )
        self._print_activity(summary.activity)
        self._print_logins()

    def _print_activity(self, activity: ActivitySummary) -> None:
        self.stdout.write(
            "  "
            + _(
                "A year of activity (%(start)s–%(end)s): %(visits)d visits, %(petitions)d petitions, "
                "%(tips)d security tips, %(events)d support events, %(benefits)d benefits, "
                "%(meetings)d cell meetings."
            )
            % {
                "start": period.START.strftime("%d/%m/%Y"),
                "end": period.END.strftime("%d/%m/%Y"),
                "visits": activity.visits,
                "petitions": sum(activity.petitions.values()),
                "tips": sum(activity.tips.values()),
                "events": activity.events,
                "benefits": activity.benefits,
                "meetings": activity.meetings,
            }
        )
        states = ", ".join(f"{label} {activity.petitions[state]}" for state, label in CaseState.choices)
        self.stdout.write("  " + _("Petitions by state: %(states)s.") % {"states": states})

    def _print_logins(self) -> None:
        rows = demo_logins()
        if not rows:
            return
        self.stdout.write("")
        self.stdout.write(
            _("Demo logins (password for all: %(password)s):") % {"password": seed_case.PASSWORD}
        )
        width = max(len(username) for username, _who in rows) + 2
        for username, who in rows:
            self.stdout.write(f"  {username:<{width}}{seed_case.PASSWORD}   {who}")
        # Command and administrator roles need a second factor: the demo gives them a published one.
        second = demo_second_factor_ensure(usernames=[username for username, _who in rows])
        if second:
            self.stdout.write("")
            self.stdout.write(
                _(
                    "%(usernames)s also ask for a 6-digit code after the password (two-step verification). "
                    "Get the current code with `longdan otp_code <username>`, or add the key %(secret)s "
                    "to an authenticator app (time-based, 30 s)."
                )
                % {"usernames": ", ".join(second), "secret": DEMO_TOTP_SECRET}
            )

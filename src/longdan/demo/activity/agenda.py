"""The year as an agenda: everything planned first, then done in the order it happened.

Planning draws from the seeded random generator in a fixed order; doing runs each
step under the demo clock at its own moment, sorted by time. Records are then
numbered in the order they were made, and a step can use what an earlier one
made (the petition opened at a visit needs the visit) through the shared `made`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .. import clock


@dataclass(order=True)
class _Step:
    at: datetime
    number: int
    action: Callable[[], Any] = field(compare=False)


@dataclass
class Agenda:
    steps: list[_Step] = field(default_factory=list)
    made: dict[Any, Any] = field(default_factory=dict)

    def add(self, at: datetime, action: Callable[[], Any], *, key: Any = None) -> None:
        """Do `action` at `at`; what it returns is kept under `key` for later steps."""

        def run() -> None:
            result = action()
            if key is not None:
                self.made[key] = result

        self.steps.append(_Step(at, len(self.steps), run))

    def run(self) -> None:
        for step in sorted(self.steps):
            with clock.at(step.at):
                step.action()
        self.steps.clear()

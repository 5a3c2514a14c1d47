from typing import Any, Self

from django.db import models

from longdan.core.scoping import get_scope


class UnitQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> Self:
        scope = get_scope(user)
        if scope.everything:
            return self
        return self.filter(pk__in=scope.unit_ids)

    def stations(self) -> Self:
        return self.filter(kind__in=["station", "flotilla"])

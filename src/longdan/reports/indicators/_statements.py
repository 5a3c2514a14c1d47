"""Indicator statements built once: a queryset compiled to SQL the first time, then run as it is.

Django spends about a millisecond building a queryset, resolving its lookups and compiling it
to SQL. For a statement that runs in less than that (a province's petitions received in a
month reads a few hundred index entries), the fixed cost was three to four times the work of
the database. The SQL and its parameters are a function of what the indicator is given — the
scope's stations and communes, the period's days, for tips the user's grants — so the caller
names them in a key, and the compiled statement is kept and run again for the same key, its
columns converted as the ORM converts them. Only the statement is kept, never its rows: every
call reads the database.

    rows = statement_rows(("petitions_received", scope, period), lambda: queryset.values_list(...))

The key must hold everything the statement depends on. `totals()` turns a filtered queryset
into the one-row aggregate statement `aggregate()` would run.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Aggregate, QuerySet, Value

# Statements kept, the least recently used dropped first: a province dashboard uses a few
# dozen (two periods, four indicators, a handful of statements each).
SIZE = 512

_lock = threading.Lock()
# key → (sql, params, compiler), or None for a statement that can match nothing (`.none()`).
_compiled: OrderedDict[Hashable, tuple[str, tuple[Any, ...], Any] | None] = OrderedDict()
_MISSING = object()


def statement_rows(key: Hashable, build: Callable[[], QuerySet[Any]]) -> list[tuple[Any, ...]]:
    """The rows of the statement `build()` makes, a tuple each (build a `values_list` queryset).

    `build` is called only the first time `key` is seen (or after it was dropped).
    """
    with _lock:
        found = _compiled.get(key, _MISSING)
        if found is not _MISSING:
            _compiled.move_to_end(key)
    if found is _MISSING:
        queryset = build()
        compiler = queryset.query.get_compiler(queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:  # a condition nothing can meet: no statement to run, no rows
            found = None
        else:
            found = (sql, tuple(params), compiler)
        with _lock:
            _compiled[key] = found
            while len(_compiled) > SIZE:
                _compiled.popitem(last=False)
    if found is None:
        return []
    assert isinstance(found, tuple)
    sql, params, compiler = found
    # Run on this thread's connection (the compiler's may be another thread's); the converters
    # the compiler found for the columns are plain functions of the values.
    with connections[compiler.using].cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    return [tuple(row) for row in compiler.results_iter(results=[fetched])]


def statement_totals(
    key: Hashable, build: Callable[[], QuerySet[Any]], **aggregates: Aggregate
) -> tuple[Any, ...]:
    """`build().aggregate(**aggregates)`'s values, in that order, through `statement_rows`; for a
    queryset that can match nothing, what `aggregate` gives then (0 for a count, None for a sum)."""
    rows = statement_rows(key, lambda: totals(build(), **aggregates))
    if rows:
        return rows[0]
    return tuple(aggregate.empty_result_set_value for aggregate in aggregates.values())


def totals(queryset: QuerySet[Any], **aggregates: Aggregate) -> QuerySet[Any]:
    """`queryset.aggregate(**aggregates)` as a one-row `values_list` statement, in that order.

    A constant grouping column is no GROUP BY at all: the statement is `SELECT COUNT(*), … FROM … WHERE …`.
    """
    return (
        queryset.order_by()
        .annotate(_all=Value(1))
        .values("_all")
        .annotate(**aggregates)
        .values_list(*aggregates)
    )


def clear() -> None:
    """Forget every compiled statement (tests; a schema change in a running process)."""
    with _lock:
        _compiled.clear()


__all__ = ["clear", "statement_rows", "statement_totals", "totals"]

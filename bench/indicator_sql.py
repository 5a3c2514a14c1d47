"""The hand-written SQL of `bench/indicators.py`: each indicator's definition written directly for the
database (SQLite or PostgreSQL), on the same indexes, and what of the ORM function's answer it computes.

Each `sql_<indicator>(stations, period)` takes the scope's station ids (None: the whole country, unfiltered)
and a `reports.periods.Period`; `HAND_SQL` maps the indicator's name to it, `EXTRACT` the ORM answer to the
SQL's shape. Imported after Django is set up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any


def _sql(statement: str, params: list[Any]) -> list[tuple]:
    from django.db import connection

    ops = connection.ops
    # As the ORM does: instants in UTC in the form the backend stores them (SQLite compares text).
    adapted = [
        ops.adapt_datetimefield_value(p) if isinstance(p, datetime)
        else ops.adapt_datefield_value(p) if isinstance(p, date)
        else p
        for p in params
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(statement, adapted)
        return list(cursor.fetchall())


def _pg() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _in(column: str, stations: list[int] | None) -> tuple[str, list[int]]:
    if stations is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join(['%s'] * len(stations))})", list(stations)


def _local_date(column: str) -> str:
    return f"(({column}) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date" if _pg() else f"date({column}, '+7 hours')"


def _bounds(period: Any) -> tuple[Any, Any]:
    return period.bounds()


def _as_of(period: Any) -> tuple[date, Any]:
    from longdan.reports.indicators._common import end_of_day

    day = period.as_of()
    return day, end_of_day(day)


IN_FORCE = (
    "a.role = 'primary' AND a.start_date <= %s AND (a.end_date IS NULL OR a.end_date >= %s)"  # day, day
)
REGISTERED = (
    "(h.created_at < %s OR EXISTS (SELECT 1 FROM assignments_householdassignment r "
    "WHERE r.household_id = h.id AND r.start_date <= %s))"  # end of day, day
)


def sql_members_in_charge(stations: list[int] | None, period: Any) -> int:
    day, _after = _as_of(period)
    if stations is None:
        rows = _sql(
            f"SELECT COUNT(DISTINCT a.member_id) FROM assignments_householdassignment a WHERE {IN_FORCE}",
            [day, day],
        )
    else:
        where, ids = _in("h.station_id", stations)
        rows = _sql(
            "SELECT COUNT(DISTINCT a.member_id) FROM assignments_householdassignment a "
            f"JOIN households_household h ON h.id = a.household_id WHERE {IN_FORCE} AND {where}",
            [day, day, *ids],
        )
    return rows[0][0]


def sql_household_coverage(stations: list[int] | None, period: Any) -> tuple:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    rows = _sql(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM assignments_householdassignment a "
        f"WHERE a.household_id = h.id AND {IN_FORCE}) THEN 1 ELSE 0 END), 0) "
        f"FROM households_household h WHERE {where} AND {REGISTERED}",
        [day, day, *ids, after, day],
    )
    return tuple(rows[0])


def sql_visits(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    day, after = _as_of(period)
    where, ids = _in("v.station_id", stations)
    h_where, h_ids = _in("h.station_id", stations)
    rows = _sql(
        f"SELECT COUNT(*), COUNT(DISTINCT v.household_id), (SELECT COUNT(*) FROM households_household h "
        f"WHERE {h_where} AND {REGISTERED}) FROM fieldwork_visit v "
        f"WHERE {where} AND v.visited_at >= %s AND v.visited_at < %s",
        [*h_ids, after, day, *ids, start, end],
    )
    return tuple(rows[0])


def sql_visited_within_cadence(stations: list[int] | None, period: Any) -> tuple:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    if _pg():
        due = (
            "CASE WHEN d.last_at IS NULL THEN COALESCE(d.since, (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) "
            "ELSE (d.last_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + d.days END"
        )
    else:
        due = (
            "CASE WHEN d.last_at IS NULL THEN COALESCE(d.since, date(d.created_at, '+7 hours')) "
            "ELSE date(d.last_at, '+7 hours', '+' || d.days || ' days') END"
        )
    rows = _sql(
        f"""
        WITH hh AS (
            SELECT h.id, h.station_id, h.priority, h.created_at,
                CASE WHEN h.poverty_assessed_on IS NULL OR h.poverty_assessed_on <= %s THEN h.poverty_category
                     ELSE COALESCE((SELECT p.category FROM households_povertyassessment p
                                    WHERE p.household_id = h.id AND p.assessed_on <= %s
                                    ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1), '') END AS category,
                (SELECT v.visited_at FROM fieldwork_visit v WHERE v.household_id = h.id AND v.visited_at < %s
                 ORDER BY v.visited_at DESC LIMIT 1) AS last_at,
                (SELECT a.start_date FROM assignments_householdassignment a
                 WHERE a.household_id = h.id AND {IN_FORCE} ORDER BY a.start_date DESC LIMIT 1) AS since
            FROM households_household h WHERE {where} AND {REGISTERED}
        ), d AS (
            SELECT hh.*, CASE WHEN hh.priority = 'priority' THEN COALESCE(c.priority_days, 7)
                              WHEN hh.category IN ('poor', 'near_poor') THEN COALESCE(c.poor_days, 14)
                              ELSE COALESCE(c.other_days, 30) END AS days
            FROM hh LEFT JOIN fieldwork_visitcadence c ON c.station_id = hh.station_id
        )
        SELECT COUNT(*), COALESCE(SUM(CASE WHEN {due} >= %s THEN 1 ELSE 0 END), 0) FROM d
        """,
        [day, day, after, day, day, *ids, after, day, day],
    )
    return tuple(rows[0])


def sql_petitions_received(stations: list[int] | None, period: Any) -> dict:
    where, ids = _in("station_id", stations)
    rows = _sql(
        f"SELECT category, COUNT(*) FROM cases_case WHERE {where} AND received_on >= %s AND received_on <= %s "
        "GROUP BY category",
        [*ids, period.start, period.end],
    )
    return dict(rows)


def sql_petitions_resolved(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("e.station_id", stations)
    day = _local_date("e.at")
    days = f"({day} - c.received_on)" if _pg() else f"(julianday({day}) - julianday(c.received_on))"
    resolved = (
        f"SELECT {days} AS days, CASE WHEN {day} <= c.due_on THEN 1 ELSE 0 END AS on_time "
        "FROM cases_caseevent e JOIN cases_case c ON c.id = e.case_id "
        f"WHERE e.to_state = 'resolved' AND e.from_state <> 'resolved' AND e.at >= %s AND e.at < %s AND {where}"
    )
    if _pg():
        statement = (
            f"WITH r AS ({resolved}) SELECT COUNT(*), COALESCE(SUM(on_time), 0), "
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM r"
        )
    else:
        statement = (
            f"WITH r AS ({resolved}) SELECT (SELECT COUNT(*) FROM r), (SELECT COALESCE(SUM(on_time), 0) FROM r), "
            "(SELECT AVG(days) FROM (SELECT days FROM r ORDER BY days "
            "LIMIT 2 - (SELECT COUNT(*) FROM r) %% 2 OFFSET (SELECT (COUNT(*) - 1) / 2 FROM r)))"
        )
    count, on_time, median = _sql(statement, [start, end, *ids])[0]
    return count, on_time, None if median is None else float(median)


OPEN = "('received', 'proposed', 'planned', 'referred', 'resolved')"


def sql_petitions_overdue(stations: list[int] | None, period: Any) -> int:
    day, after = _as_of(period)
    where, ids = _in("c.station_id", stations)
    candidates = f"FROM cases_case c WHERE {where} AND c.received_on <= %s AND c.due_on < %s"
    state_then = (
        "COALESCE((SELECT e.to_state FROM cases_caseevent e WHERE e.case_id = c.id AND e.at < %s "
        "ORDER BY e.at DESC, e.id DESC LIMIT 1), 'received')"
    )
    rows = _sql(
        f"""
        SELECT (SELECT COUNT(*) {candidates} AND c.state IN {OPEN})
             - (SELECT COUNT(*) {candidates} AND c.state_changed_at >= %s AND c.state IN {OPEN})
             + (SELECT COUNT(*) {candidates} AND c.state_changed_at >= %s AND {state_then} IN {OPEN})
        """,
        [*ids, day, day, *ids, day, day, after, *ids, day, day, after, after],
    )
    return rows[0][0]


def sql_tips(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("t.station_id", stations)
    rows = _sql(
        f"SELECT (SELECT COUNT(*) FROM intel_tip t WHERE {where} AND t.received_at >= %s AND t.received_at < %s), "
        "COALESCE(SUM(CASE WHEN e.to_status = 'verified' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN e.to_status = 'acted_on' THEN 1 ELSE 0 END), 0) "
        "FROM intel_tipevent e JOIN intel_tip t ON t.id = e.tip_id "
        f"WHERE e.to_status IN ('verified', 'acted_on') AND e.at >= %s AND e.at < %s AND {where}",
        [*ids, start, end, start, end, *ids],
    )
    return tuple(rows[0])


def sql_support_given(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("station_id", stations)
    benefits = _sql(
        f"SELECT program_id, COUNT(*), SUM(value) FROM support_benefit WHERE {where} "
        "AND given_on >= %s AND given_on <= %s AND loan_status IN ('', 'disbursed') GROUP BY program_id",
        [*ids, period.start, period.end],
    )
    events = _sql(
        f"SELECT program_id, COUNT(*), SUM(people_served), SUM(medicine_value) FROM support_supportevent "
        f"WHERE {where} AND held_on >= %s AND held_on <= %s GROUP BY program_id",
        [*ids, period.start, period.end],
    )
    return (
        sum(r[1] for r in benefits),
        sum(int(r[2]) for r in benefits),
        sum(r[1] for r in events),
        sum(int(r[3]) for r in events),
    )


def sql_loans(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("station_id", stations)
    rows = _sql(
        "SELECT a.n, a.amount, d.n, d.amount FROM "
        f"(SELECT COUNT(*) AS n, COALESCE(SUM(loan_amount), 0) AS amount FROM support_benefit WHERE {where} "
        "AND loan_status <> '' AND created_at >= %s AND created_at < %s) a, "
        f"(SELECT COUNT(*) AS n, COALESCE(SUM(loan_amount), 0) AS amount FROM support_benefit WHERE {where} "
        "AND loan_status = 'disbursed' AND given_on >= %s AND given_on <= %s) d",
        [*ids, start, end, *ids, period.start, period.end],
    )
    advised, advised_amount, disbursed, disbursed_amount = rows[0]
    return (advised, int(advised_amount), disbursed, int(disbursed_amount))


def sql_poverty_status(stations: list[int] | None, period: Any) -> dict:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    rows = _sql(
        f"""
        SELECT category, COUNT(*) FROM (
            SELECT CASE WHEN h.poverty_assessed_on IS NULL OR h.poverty_assessed_on <= %s THEN h.poverty_category
                        ELSE COALESCE((SELECT p.category FROM households_povertyassessment p
                                       WHERE p.household_id = h.id AND p.assessed_on <= %s
                                       ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1), '') END AS category
            FROM households_household h WHERE {where} AND {REGISTERED}) s
        GROUP BY category
        """,
        [day, day, *ids, after, day],
    )
    return {category or "not_assessed": n for category, n in rows}


def sql_poverty_transitions(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("h.station_id", stations)
    latest = (
        "(SELECT p.category FROM households_povertyassessment p WHERE p.household_id = h.id AND p.assessed_on {op} %s "
        "ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1)"
    )
    rows = _sql(
        f"""
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN before = 'poor' AND after <> 'poor' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN before <> 'poor' AND after = 'poor' THEN 1 ELSE 0 END), 0)
        FROM (SELECT {latest.format(op="<")} AS before, {latest.format(op="<=")} AS after
              FROM households_household h WHERE {where} AND h.id IN (
                  SELECT household_id FROM households_povertyassessment
                  WHERE assessed_on >= %s AND assessed_on <= %s)) s
        """,
        [period.start, period.end, *ids, period.start, period.end],
    )
    return tuple(rows[0])


def sql_cell_meetings(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("m.station_id", stations)
    rows = _sql(
        f"SELECT (SELECT COUNT(*) FROM fieldwork_cellmeeting m WHERE {where} AND m.held_on >= %s AND m.held_on <= %s), "
        "COUNT(*), COUNT(DISTINCT a.member_id) FROM fieldwork_cellmeeting_attendees a "
        f"JOIN fieldwork_cellmeeting m ON m.id = a.cellmeeting_id WHERE {where} AND m.held_on >= %s AND m.held_on <= %s",
        [*ids, period.start, period.end, *ids, period.start, period.end],
    )
    return tuple(rows[0])


HAND_SQL: dict[str, Callable[[list[int] | None, Any], Any]] = {
    "members_in_charge": sql_members_in_charge,
    "household_coverage": sql_household_coverage,
    "visits": sql_visits,
    "visited_within_cadence": sql_visited_within_cadence,
    "petitions_received": sql_petitions_received,
    "petitions_resolved": sql_petitions_resolved,
    "petitions_overdue": sql_petitions_overdue,
    "tips": sql_tips,
    "support_given": sql_support_given,
    "loans": sql_loans,
    "poverty_status": sql_poverty_status,
    "poverty_transitions": sql_poverty_transitions,
    "cell_meetings": sql_cell_meetings,
}

# What of the ORM function's answer the SQL computes, in the SQL's shape.
EXTRACT: dict[str, Callable[[Any], Any]] = {
    "members_in_charge": lambda r: r,
    "household_coverage": lambda r: (r["households"], r["covered"]),
    "visits": lambda r: (r["visits"], r["households_visited"], r["households"]),
    "visited_within_cadence": lambda r: (r["households"], r["within"]),
    "petitions_received": lambda r: {k: v for k, v in r["by_category"].items() if v},
    "petitions_resolved": lambda r: (
        r["resolved"],
        r["on_time"],
        None if r["median_days"] is None else float(r["median_days"]),
    ),
    "petitions_overdue": lambda r: r,
    "tips": lambda r: (r["received"], r["verified"], r["acted_on"]),
    "support_given": lambda r: (r["benefits"], r["value"], r["events"], r["medicine_value"]),
    "loans": lambda r: (r["advised"], r["advised_amount"], r["disbursed"], r["disbursed_amount"]),
    "poverty_status": lambda r: {k: v for k, v in r.items() if v},
    "poverty_transitions": lambda r: (r["reassessed"], r["out_of_poverty"], r["into_poverty"]),
    "cell_meetings": lambda r: (r["held"], r["attendances"], r["members_attending"]),
}

"""Writing generated rows fast: a chunk per transaction, COPY on PostgreSQL, multi-row INSERT on SQLite."""

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from enum import Enum
from itertools import islice
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from longdan.core.fields import NormalizedCharField, NormalizedTextField

from .context import BATCH, CHUNK, Synthetic


def chunks[T](items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Table:
    """How to write rows of `model` fast: its columns, and a maker per column that turns a row dict into a value.

    Why not bulk_create: for 100,000 households and half a million residents,
    building model instances and preparing every value through the field
    machinery takes most of the run (about 150 µs a resident). Rows here are
    plain dicts keyed by attribute name (`household_id`, `full_name`), and each
    column's conversion is chosen once from its field: derived search and sort
    keys are computed by the field's own `derive` (memoised: names repeat),
    normalised text goes through the field's own `get_prep_value`, dates and
    timestamps through the backend's adapters, and a column the generator does
    not fill gets the field's default — so a field added to a model later needs
    no change here unless it has no default.
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        quote = connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.pk_name = str(model._meta.pk.column)
        self.pk_column = quote(self.pk_name)
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.columns = ", ".join(quote(str(f.column)) for f in fields)
        now = timezone.now()
        self.makers = [self._maker(f, now) for f in fields]
        # Parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
        limit = connection.features.max_query_params or 65535
        self.batch = max(1, min(BATCH, limit // len(fields)))

    @staticmethod
    def _maker(f: models.Field, now: datetime) -> Callable[[dict[str, Any]], Any]:
        ops = connection.ops
        if callable(getattr(f, "derive", None)) and getattr(f, "source", None):
            # FoldedKeyField / SortKeyField: the key of another column, as their pre_save computes it.
            derive = functools.lru_cache(maxsize=1 << 16)(f.derive)  # type: ignore[attr-defined]
            source, length = f.source, f.max_length  # type: ignore[attr-defined]
            return lambda row: derive(row.get(source) or "")[:length]
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            stamp = f.get_db_prep_save(now, connection)
            return lambda row: stamp
        convert: Callable[[Any], Any]
        if isinstance(f, NormalizedCharField | NormalizedTextField):
            convert = functools.lru_cache(maxsize=1 << 16)(f.get_prep_value)
        elif isinstance(f, models.DateTimeField):
            convert = ops.adapt_datetimefield_value
        elif isinstance(f, models.DateField):
            convert = ops.adapt_datefield_value
        elif isinstance(f, models.DecimalField):
            digits, places = f.max_digits, f.decimal_places
            convert = lambda value: ops.adapt_decimalfield_value(value, digits, places)  # noqa: E731
        elif isinstance(f, models.JSONField):
            convert = lambda value: f.get_db_prep_save(value, connection)  # noqa: E731
        elif isinstance(f, models.CharField):
            # TextChoices members are str subclasses; a driver may adapt an Enum by its name.
            convert = lambda value: value if value is None or type(value) is str else str(value)  # noqa: E731
        else:
            convert = lambda value: value  # noqa: E731
        name = f.attname
        default = f.get_db_prep_save(f.get_default(), connection)
        missing = object()

        def make(row: dict[str, Any]) -> Any:
            value = row.get(name, missing)
            return default if value is missing else None if value is None else convert(value)

        return make

    def values(self, row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(make(row) for make in self.makers)

    def insert(self, rows: list[dict[str, Any]], *, returning: bool) -> list[int]:
        """Insert `rows`; with `returning`, the new ids in the order of `rows`.

        PostgreSQL takes the rows by COPY, one stream instead of a statement per
        row or a statement of 40,000 parameters for the driver to parse; when ids
        are wanted they are first drawn from the table's own sequence (so they are
        as safe as the ones INSERT would have taken) and copied in with the rows.
        SQLite takes executemany, or multi-row INSERT … RETURNING (the order of
        the returned ids is the order of the rows, which bulk_create relies on too).
        """
        ids: list[int] = []
        with connection.cursor() as wrapper:
            # The driver's cursor: under DEBUG, Django's wrapper would quote every parameter to log the statement.
            cursor = wrapper.cursor
            if connection.vendor == "postgresql":
                columns = self.columns
                if returning:
                    cursor.execute(
                        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                        [self.table, self.pk_name, len(rows)],
                    )
                    ids = [row[0] for row in cursor.fetchall()]
                    columns = f"{self.pk_column}, {columns}"
                with cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                    if returning:
                        for pk, row in zip(ids, rows, strict=True):
                            copy.write_row((pk, *self.values(row)))
                    else:
                        for row in rows:
                            copy.write_row(self.values(row))
                return ids
            one = "(" + ", ".join(["%s"] * len(self.makers)) + ")"
            if not returning:
                sql = f"INSERT INTO {self.table} ({self.columns}) VALUES {one}"
                cursor.executemany(sql, [self.values(row) for row in rows])
                return ids
            for batch in chunks(rows, self.batch):
                cursor.execute(
                    f"INSERT INTO {self.table} ({self.columns}) VALUES {', '.join([one] * len(batch))} "
                    f"RETURNING {self.pk_column}",
                    [value for row in batch for value in self.values(row)],
                )
                ids.extend(row[0] for row in cursor.fetchall())
        return ids


def write(
    ctx: Synthetic,
    model: type[models.Model],
    rows: Iterable[dict[str, Any]],
    *,
    total: int,
    returning: bool = False,
) -> list[int]:
    """Insert `rows` a chunk at a time, each chunk in its own transaction, counting and showing progress.

    Rows are produced lazily, so no more than a chunk is held at once. With
    `returning`, the new ids come back in the order of the rows.
    """
    table = Table(model)
    ids: list[int] = []
    with ctx.bar(str(model._meta.verbose_name_plural), total) as bar:
        for chunk in chunks(rows, CHUNK):
            with transaction.atomic():
                ids.extend(table.insert(chunk, returning=returning))
            ctx.counts[model._meta.label] += len(chunk)
            bar.update(len(chunk))
        bar.total = bar.n  # `total` may be an estimate (handovers are drawn as the rows are made)
    return ids


# --- events: millions of rows, written as tuples with ids of our own ---


class Stored:
    """Values as the backend stores them, for rows built as tuples (see `write_tuples`).

    SQLite keeps an instant as the text of its UTC time and a date as ISO text,
    which is what Django's adapters produce; formatting them here once is cheaper
    than a converter per column per row for seven million visits. PostgreSQL's
    COPY takes the Python values as they are.
    """

    def __init__(self) -> None:
        self.sqlite = connection.vendor == "sqlite"

    def instant(self, moment: datetime) -> Any:
        """`moment` is an aware UTC datetime without microseconds."""
        return moment.strftime("%Y-%m-%d %H:%M:%S") if self.sqlite else moment

    def day(self, value: Any) -> Any:
        return value.isoformat() if self.sqlite else value

    def json(self, value: str) -> Any:
        return value


def next_id(model: type[models.Model]) -> int:
    """The first id after the table's largest: event steps number their rows themselves."""
    found = model._default_manager.aggregate(top=models.Max("pk"))["top"]
    return int(found or 0) + 1


def write_tuples(
    ctx: Synthetic,
    model: type[models.Model],
    columns: list[str],
    rows: Iterable[tuple[Any, ...]],
    *,
    total: int,
    label: str | None = None,
) -> int:
    """Insert rows given as tuples of stored values for `columns` (attribute names, the id first), chunk by chunk.

    Why not `write`: visits come by the million, and building a dict per row and
    running a maker per column costs more than writing them. The caller numbers
    the rows (from `next_id`) so children can point to parents without reading
    ids back; `columns` are all the model's stored columns. On PostgreSQL the table's sequence is
    moved past the ids written.
    """
    opts = model._meta
    # Every stored column, and only those: a field added to the model later must be filled here, not forgotten.
    expected = {f.attname for f in opts.concrete_fields}
    if set(columns) != expected:
        raise ValueError(f"{opts.label}: columns {sorted(set(columns) ^ expected)} listed wrongly")
    quote = connection.ops.quote_name
    table = quote(opts.db_table)
    column = {f.attname: str(f.column) for f in opts.concrete_fields}
    names = ", ".join(quote(column[c]) for c in columns)
    postgres = connection.vendor == "postgresql"
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
    written = 0
    with ctx.bar(label or str(opts.verbose_name_plural), total) as bar:
        for chunk in chunks(rows, CHUNK * 4):
            with transaction.atomic(), connection.cursor() as wrapper:
                cursor = wrapper.cursor  # the driver's own: no per-parameter debug quoting
                if postgres:
                    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in chunk:
                            # psycopg would adapt a TextChoices member by its name: give it the value.
                            copy.write_row(tuple(v.value if isinstance(v, Enum) else v for v in row))
                else:
                    cursor.executemany(sql, chunk)
            written += len(chunk)
            bar.update(len(chunk))
        bar.total = bar.n
    if postgres and written:
        pk = column[opts.pk.attname]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), (SELECT MAX({quote(pk)}) FROM {table}))",
                [opts.db_table, pk],
            )
    ctx.counts[opts.label] += written
    return written

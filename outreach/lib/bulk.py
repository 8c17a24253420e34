"""Many rows at once through PostgreSQL's COPY, with the ids given here so that a child can name its parent.

``Loader`` keeps one buffer per table, in the order the tables were registered: parents first. When a
buffer is full every buffer is sent, in that order, so a row never reaches the database before the row
it points to; each COPY is checked (keys, constraints) when it ends. ``finish()`` sends what is left and
moves each table's id sequence past the ids given here.
"""

import csv
import io
import time
from contextlib import contextmanager

from django.db import IntegrityError, connection
from psycopg2 import sql


class Table:
    def __init__(self, loader, name, columns):
        self.loader, self.name, self.columns = loader, name, ("id", *columns)
        self.rows = []
        self.count = 0
        self._next_id = None

    @property
    def total(self):
        """Rows queued so far, sent or not."""
        return self.count + len(self.rows)

    def next_id(self):
        if self._next_id is None:
            self._next_id = self.loader.first_free_id(self.name)
        value = self._next_id
        self._next_id += 1
        return value

    def add(self, *values):
        """Queue one row (every column but the id, in order); its id is returned."""
        row_id = self.next_id()
        self.rows.append((row_id, *values))
        if len(self.rows) >= self.loader.chunk:
            self.loader.flush()
        return row_id

    def send(self, cursor):
        if not self.rows:
            return
        buffer = io.StringIO()
        # None is written bare (NULL), every other value quoted: an empty string stays an empty string.
        csv.writer(buffer, quoting=csv.QUOTE_NOTNULL, lineterminator="\n").writerows(self.rows)
        buffer.seek(0)
        cursor.copy_expert(f"COPY {self.name} ({', '.join(self.columns)}) FROM STDIN WITH (FORMAT csv)", buffer)
        self.count += len(self.rows)
        self.rows = []


class Loader:
    """Buffers of rows for several tables, sent by COPY in chunks, parents before children."""

    def __init__(self, *, chunk=50_000):
        self.chunk = chunk
        self.tables = []

    def table(self, name, columns):
        table = Table(self, name, columns)
        self.tables.append(table)
        return table

    def first_free_id(self, name):
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL(
                    "SELECT GREATEST(nextval(pg_get_serial_sequence(%s, 'id')), "
                    "(SELECT COALESCE(MAX(id), 0) + 1 FROM {}))"
                ).format(sql.Identifier(name)),
                [name],
            )
            return cursor.fetchone()[0]

    def flush(self):
        with connection.cursor() as cursor:
            for table in self.tables:
                table.send(cursor)

    def finish(self):
        """Send every row left and set each table's sequence after the largest id."""
        self.flush()
        with connection.cursor() as cursor:
            for table in self.tables:
                if table._next_id is not None:
                    cursor.execute(
                        sql.SQL("SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT MAX(id) FROM {}))").format(
                            sql.Identifier(table.name)
                        ),
                        [table.name],
                    )


@contextmanager
def fast_session():
    """Inside a transaction: commit without waiting for the disk, and check the foreign keys once, at the end.

    PostgreSQL checks a foreign key with a trigger, row by row: half the time of a large COPY. A
    superuser may turn the triggers off for the transaction (``session_replication_role``); then every
    foreign key of the schema is checked in one query each before the transaction ends, and a broken
    one raises. Otherwise each COPY's keys are checked when it ends. Checks, uniques and NOT NULL hold
    throughout: they are not triggers.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        unchecked = cursor.fetchone()[0]
        if unchecked:
            cursor.execute("SET LOCAL session_replication_role = replica")
    yield
    with connection.cursor() as cursor:
        if unchecked:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")
            check_foreign_keys(cursor)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # every deferrable constraint here is initially deferred


def check_foreign_keys(cursor):
    """Raise ``IntegrityError`` naming each foreign key of the schema that a row breaks."""
    cursor.execute(
        """
        SELECT c.conname, t.relname, a.attname, p.relname, f.attname
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_class p ON p.oid = c.confrelid
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        ORDER BY c.conname
        """
    )
    broken = []
    for name, table, column, parent, key in cursor.fetchall():
        cursor.execute(
            sql.SQL(
                "SELECT count(*) FROM {table} t WHERE t.{column} IS NOT NULL "
                "AND NOT EXISTS (SELECT FROM {parent} p WHERE p.{key} = t.{column})"
            ).format(
                table=sql.Identifier(table),
                column=sql.Identifier(column),
                parent=sql.Identifier(parent),
                key=sql.Identifier(key),
            )
        )
        missing = cursor.fetchone()[0]
        if missing:
            broken.append(f"{name}: {missing} rows of {table}.{column} name no {parent}")
    if broken:
        raise IntegrityError("; ".join(broken))


def analyze():
    """Fresh planner statistics: the tables' sizes changed by orders of magnitude."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Progress:
    """One line per step: what was made and the seconds since the start."""

    def __init__(self, write):
        self.write = write
        self.started = time.monotonic()
        self.last = self.started

    def elapsed(self):
        return time.monotonic() - self.started

    def step(self, text):
        now = time.monotonic()
        self.write(f"[{now - self.started:6.1f}s] {text} (step {now - self.last:.1f}s)")
        self.last = now

    def note(self, text):
        self.write(f"[{self.elapsed():6.1f}s]   {text}")

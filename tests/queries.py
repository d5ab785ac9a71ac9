"""Counting the queries a piece of code runs, exactly, for tests and benchmarks.

Django's ``CaptureQueriesContext`` (and pytest-django's ``django_assert_num_queries``)
read ``connection.queries_log``, a deque of at most 9,000 entries: once a long setup or a
large page has filled it, new queries push old ones out and the count stops moving. This
counter wraps the connection's ``execute`` instead (``connection.execute_wrapper``), so
it sees every query however many ran before.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections


@dataclass(frozen=True)
class Query:
    sql: str
    seconds: float


class QueryCounter:
    """``with count_queries() as queries: ...``, then ``len(queries)``, ``queries.sql``
    (the statements in order) and ``queries.seconds`` (the time spent in the database)."""

    def __init__(self, using: str = DEFAULT_DB_ALIAS):
        self.connection = connections[using]
        self.queries: list[Query] = []
        self._wrapping = None

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(Query(sql, time.perf_counter() - started))

    def __enter__(self) -> QueryCounter:
        self.queries = []
        self._wrapping = self.connection.execute_wrapper(self)
        self._wrapping.__enter__()
        return self

    def __exit__(self, *exc_info):
        self._wrapping.__exit__(*exc_info)
        self._wrapping = None

    def __len__(self) -> int:
        return len(self.queries)

    @property
    def sql(self) -> list[str]:
        return [query.sql for query in self.queries]

    @property
    def seconds(self) -> float:
        return sum(query.seconds for query in self.queries)


def count_queries(using: str = DEFAULT_DB_ALIAS) -> QueryCounter:
    return QueryCounter(using)

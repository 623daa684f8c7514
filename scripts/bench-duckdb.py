#!/usr/bin/env python3
"""The peer for scripts/bench-check.sh: DuckDB computing the weekly promise table from the same contacts CSV.

Usage: python3 scripts/bench-duckdb.py CONTACTS.csv  (needs `pip install duckdb`)

It computes, per ISO week, what `northstar check` computes for the demo charter: shares within a time limit,
the median and p90 beside them, abandonment, FCR on the matured cohort, CSAT, NPS per month and the median
handle time. Two simplifications favour DuckDB: calendar hours instead of the office's business hours for
email and enterprise resolution, and a fixed UTC+2 offset for Amsterdam (true for the whole demo quarter)
instead of a time-zone database. No intervals or verdicts are computed. Prints the seconds taken.
"""
import sys
import time

import duckdb

path = sys.argv[1]
start = time.perf_counter()
con = duckdb.connect()
con.execute(f"""
CREATE TABLE contacts AS SELECT * FROM read_csv('{path}', header = true, columns = {{
  'id': 'VARCHAR', 'channel': 'VARCHAR', 'created_at': 'TIMESTAMP', 'tier': 'VARCHAR', 'priority': 'VARCHAR',
  'team': 'VARCHAR', 'agent': 'VARCHAR', 'category': 'VARCHAR', 'first_response_at': 'TIMESTAMP',
  'resolved_at': 'TIMESTAMP', 'ended_at': 'TIMESTAMP', 'wrap_seconds': 'INTEGER', 'abandoned': 'BOOLEAN',
  'reopens': 'INTEGER', 'agent_replies': 'INTEGER', 'csat': 'DOUBLE', 'nps': 'INTEGER', 'self_service': 'BOOLEAN',
  'fcr_answer': 'BOOLEAN'}})
""")
as_of = con.execute("SELECT max(greatest(created_at, first_response_at, resolved_at, ended_at)) FROM contacts").fetchone()[0]
queries = {
    "chat-first-response": """
      SELECT date_trunc('week', first_response_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN epoch(first_response_at - created_at) <= 60 THEN 1 ELSE 0 END) AS value,
             quantile_cont(epoch(first_response_at - created_at), 0.5) AS median,
             quantile_cont(epoch(first_response_at - created_at), 0.9) AS p90
      FROM contacts WHERE channel = 'chat' AND first_response_at IS NOT NULL GROUP BY 1 ORDER BY 1""",
    "phone-speed-of-answer": """
      SELECT date_trunc('week', first_response_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN epoch(first_response_at - created_at) <= 30 THEN 1 ELSE 0 END) AS value
      FROM contacts WHERE channel = 'phone' AND NOT coalesce(abandoned, false) AND first_response_at IS NOT NULL
      GROUP BY 1 ORDER BY 1""",
    "phone-abandonment": """
      SELECT date_trunc('week', created_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN abandoned THEN 1 ELSE 0 END) AS value
      FROM contacts WHERE channel = 'phone' AND (abandoned IS NOT NULL OR first_response_at IS NOT NULL)
      GROUP BY 1 ORDER BY 1""",
    "email-first-response": """
      SELECT date_trunc('week', first_response_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN epoch(first_response_at - created_at) <= 14400 THEN 1 ELSE 0 END) AS value
      FROM contacts WHERE channel = 'email' AND first_response_at IS NOT NULL GROUP BY 1 ORDER BY 1""",
    "enterprise-resolution": """
      SELECT date_trunc('week', resolved_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             quantile_cont(epoch(resolved_at - created_at), 0.9) AS value
      FROM contacts WHERE tier = 'enterprise' AND resolved_at IS NOT NULL GROUP BY 1 ORDER BY 1""",
    "first-contact-resolution": f"""
      SELECT date_trunc('week', created_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN agent_replies <= 1 AND coalesce(reopens, 0) = 0 THEN 1 ELSE 0 END) AS value
      FROM contacts WHERE resolved_at IS NOT NULL AND agent_replies IS NOT NULL
        AND created_at + INTERVAL 7 DAY <= TIMESTAMP '{as_of}' GROUP BY 1 ORDER BY 1""",
    "csat": """
      SELECT date_trunc('week', coalesce(resolved_at, created_at) + INTERVAL 2 HOUR) AS week, count(*) AS n,
             avg(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) AS value
      FROM contacts WHERE csat IS NOT NULL GROUP BY 1 ORDER BY 1""",
    "nps": """
      SELECT date_trunc('month', coalesce(resolved_at, created_at) + INTERVAL 2 HOUR) AS month, count(*) AS n,
             100.0 * (avg(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) - avg(CASE WHEN nps <= 6 THEN 1 ELSE 0 END)) AS value
      FROM contacts WHERE nps IS NOT NULL GROUP BY 1 ORDER BY 1""",
    "phone-handle-time": """
      SELECT date_trunc('week', ended_at + INTERVAL 2 HOUR) AS week, count(*) AS n,
             quantile_cont(epoch(ended_at - first_response_at) + coalesce(wrap_seconds, 0), 0.5) AS value
      FROM contacts WHERE channel = 'phone' AND ended_at IS NOT NULL AND first_response_at IS NOT NULL
      GROUP BY 1 ORDER BY 1""",
}
rows = 0
for name, query in queries.items():
    rows += len(con.execute(query).fetchall())
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {rows}")

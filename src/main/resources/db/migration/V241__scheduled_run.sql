-- Issue 17 item 3 (docs/scale-out.md): a scheduled job that must run once across the cluster claims its run
-- here. Every node's scheduler fires it at the same hour; the first node's claim sets started_at, and any
-- claim within the job's gap after it (database time, so the nodes' clocks do not matter) returns nothing.
CREATE TABLE scheduled_run (
  job        text        PRIMARY KEY,
  started_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON scheduled_run TO ${app_role};

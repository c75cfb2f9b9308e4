-- The audit trail (Data Protection Act 2018 s.62: logs of consultation and disclosure). Append-only:
-- the application role may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE. The largest table of
-- the system, partitioned by month on its time column: rows expire by dropping whole partitions
-- (the retention issue adds that, as a security-definer function of the schema owner). A default
-- partition keeps any row whose month has no partition yet.
CREATE SEQUENCE audit_event_id_seq AS bigint;

CREATE TABLE audit_event (
  id             bigint       NOT NULL DEFAULT nextval('audit_event_id_seq'),
  at             timestamptz  NOT NULL DEFAULT now(),
  user_id        varchar(64)  NOT NULL,
  authority_code varchar(9)   NOT NULL,
  case_id        bigint,                        -- null when no case was found (refused or unknown)
  case_reference varchar(40),                   -- as asked for
  subject_user_id varchar(64),                  -- whose reads a manager looked at
  action         varchar(20)  NOT NULL,         -- VIEW, CREATE, UPDATE, EXPORT, NOTIFY, AUDIT_VIEW
  outcome        varchar(20)  NOT NULL,         -- GRANTED, REFUSED_ROLE, REFUSED_AUTHORITY, NOT_FOUND
  purpose_code   varchar(20)  NOT NULL,         -- TASK, CASE_PAGE, CASE_API, REPORT, SEARCH, ...
  purpose_detail varchar(500),                  -- the task id, the report, the user's stated reason
  recipient      varchar(200),                  -- for a disclosure (export, notification)
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

CREATE INDEX audit_event_case_trail ON audit_event (case_id, at) WHERE case_id IS NOT NULL;
CREATE INDEX audit_event_user_reads ON audit_event (user_id, at);
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;

-- Creates the monthly partitions (UTC months) from this month to months_ahead ahead; idempotent.
-- Runs as the schema owner; the application calls it at start-up and daily. A month whose rows
-- already sit in the default partition is skipped with a warning (move them with a maintenance job).
CREATE FUNCTION audit_event_prepare_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_month timestamptz := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  month_start timestamptz;
  partition_name text;
  created integer := 0;
BEGIN
  IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 36 THEN
    RAISE EXCEPTION 'months_ahead must be between 0 and 36';
  END IF;
  FOR i IN 0..months_ahead LOOP
    month_start := first_month + make_interval(months => i);
    partition_name := 'audit_event_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass(partition_name) IS NULL THEN
      BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
          partition_name, month_start, month_start + interval '1 month');
        created := created + 1;
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING 'audit partition % not created: the default partition holds rows of that month', partition_name;
      END;
    END IF;
  END LOOP;
  RETURN created;
END $$;

SELECT audit_event_prepare_partitions(12);

REVOKE ALL ON FUNCTION audit_event_prepare_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_event_prepare_partitions(integer) TO ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT USAGE ON SEQUENCE audit_event_id_seq TO ${app_role};

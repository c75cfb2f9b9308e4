-- A tamper-evident audit trail (docs/audit-trail.md).
--
-- 1. Rows are written only through audit_append, a security-definer function of the schema owner that
--    stamps the row with the database's clock: the application role can no longer INSERT a row, nor
--    choose its time or id.
REVOKE INSERT ON audit_event FROM ${app_role};
REVOKE USAGE ON SEQUENCE audit_event_id_seq FROM ${app_role};
-- reading how far the ids have gone (not taking one) lets the verification spot a row beyond them
GRANT SELECT ON SEQUENCE audit_event_id_seq TO ${app_role};

CREATE FUNCTION audit_append(p_user_id varchar, p_authority_code varchar, p_case_id bigint,
    p_case_reference varchar, p_subject_user_id varchar, p_action varchar, p_outcome varchar,
    p_purpose_code varchar, p_purpose_detail varchar, p_recipient varchar) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  appended bigint;
BEGIN
  -- clock_timestamp(), not now(): taken after the table lock, so a row appended after a sealing run
  -- took its boundary is never stamped before that run (audit_seal_boundary)
  INSERT INTO audit_event (at, user_id, authority_code, case_id, case_reference, subject_user_id, action, outcome,
      purpose_code, purpose_detail, recipient)
    VALUES (clock_timestamp(), p_user_id, p_authority_code, p_case_id, p_case_reference, p_subject_user_id, p_action,
      p_outcome, p_purpose_code, p_purpose_detail, p_recipient)
    RETURNING id INTO appended;
  RETURN appended;
END $$;

REVOKE ALL ON FUNCTION audit_append(varchar, varchar, bigint, varchar, varchar, varchar, varchar, varchar, varchar,
  varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(varchar, varchar, bigint, varchar, varchar, varchar, varchar, varchar, varchar,
  varchar) TO ${app_role};

-- 2. Sealing, after commit. A sealing run first takes a boundary: it waits (at most lock_timeout) until
--    every transaction that appended a row has ended, and reads the highest id handed out. Every row up
--    to that id is then committed or will never exist, so the run can chain them in id order without
--    holding anything while requests run.
CREATE FUNCTION audit_seal_boundary() RETURNS TABLE (sealed_through bigint, taken_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '2s' AS $$
BEGIN
  LOCK TABLE audit_event IN SHARE MODE;
  RETURN QUERY SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_event_id_seq), clock_timestamp();
END $$;

REVOKE ALL ON FUNCTION audit_seal_boundary() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_seal_boundary() TO ${app_role};

-- One row per sealing run: it sealed the rows with ids above the previous run's sealed_through up to
-- its own, all stamped between the two runs' taken_at.
CREATE TABLE audit_seal_run (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sealed_through bigint      NOT NULL UNIQUE,
  taken_at       timestamptz NOT NULL,
  sealed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- One link per audit row: the chain of its authority and UTC month, its position there (1, 2, ...), and
-- SHA-256(previous link's hash || canonical form of the row), the first link chained to a genesis value.
CREATE TABLE audit_seal (
  event_id       bigint      PRIMARY KEY,
  authority_code varchar(9)  NOT NULL,
  chain_month    date        NOT NULL,
  position       bigint      NOT NULL CHECK (position > 0),
  hash           bytea       NOT NULL CHECK (length(hash) = 32),
  run_id         bigint      NOT NULL REFERENCES audit_seal_run (id),
  UNIQUE (authority_code, chain_month, position)
);

GRANT SELECT, INSERT ON audit_seal_run, audit_seal TO ${app_role};

-- 3. The results of verifying the chains, kept for managers: scheduled or on demand.
CREATE TABLE audit_verification (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)  NOT NULL,
  checked_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  requested_by   varchar(64) NOT NULL,        -- a manager's user id, or the scheduler
  chains_checked integer     NOT NULL,
  rows_checked   bigint      NOT NULL,
  anchors_checked integer    NOT NULL,
  findings       jsonb       NOT NULL,        -- [{kind, month, eventId, position}]: ids only, never a value
  intact         boolean     NOT NULL
);
CREATE INDEX audit_verification_latest ON audit_verification (authority_code, checked_at DESC);

GRANT SELECT, INSERT ON audit_verification TO ${app_role};

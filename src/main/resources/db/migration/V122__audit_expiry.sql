-- Issue 13 (docs/retention.md, "The audit trail"): audit rows expire a whole UTC month at a time, by
-- dropping the month's partition once every row in it is older than the audit's retention period. A
-- month holding a row about a case under a legal hold is kept whole (the hold keeps its chain
-- verifiable). The month's links in audit_seal go with it, and the month is recorded as expired, so the
-- verification no longer looks for its chain.
CREATE TABLE audit_expired_month (
  chain_month    date        PRIMARY KEY CHECK (extract(day FROM chain_month) = 1),
  expired_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  rows_dropped   bigint      NOT NULL
);
GRANT SELECT ON audit_expired_month TO ${app_role};

-- Drops the monthly partitions (audit_event_YYYY_MM) that end at or before p_before and hold no row of a
-- case under a legal hold; returns each expired or kept month with its rows by authority. Runs as the
-- schema owner: the application role cannot delete an audit row, nor drop a table.
CREATE FUNCTION audit_drop_expired_partitions(p_before timestamptz)
RETURNS TABLE (chain_month date, authority_code varchar, row_count bigint, dropped boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  part record;
  month_start timestamptz;
  held boolean;
  total bigint;
BEGIN
  IF p_before IS NULL THEN
    RAISE EXCEPTION 'the time before which audit months expire is required';
  END IF;
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'audit_event'::regclass AND c.relname ~ '^audit_event_[0-9]{4}_[0-9]{2}$' ORDER BY c.relname
  LOOP
    month_start := (date_trunc('month', to_date(substr(part.relname, 13), 'YYYY_MM'))::timestamp) AT TIME ZONE 'UTC';
    CONTINUE WHEN month_start + interval '1 month' > p_before;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I a JOIN case_legal_hold h ON h.case_id = a.case_id '
      'WHERE h.lifted_at IS NULL)', part.relname) INTO held;
    RETURN QUERY EXECUTE format('SELECT %L::date, a.authority_code, count(*), NOT %L::boolean FROM %I a '
      'GROUP BY a.authority_code', (month_start AT TIME ZONE 'UTC')::date, held, part.relname);
    IF NOT held THEN
      EXECUTE format('SELECT count(*) FROM %I', part.relname) INTO total;
      DELETE FROM audit_seal s WHERE s.chain_month = (month_start AT TIME ZONE 'UTC')::date;
      EXECUTE format('DROP TABLE %I', part.relname);
      INSERT INTO audit_expired_month (chain_month, rows_dropped) VALUES ((month_start AT TIME ZONE 'UTC')::date, total)
        ON CONFLICT (chain_month) DO UPDATE SET rows_dropped = audit_expired_month.rows_dropped + EXCLUDED.rows_dropped;
    END IF;
  END LOOP;
END $$;

REVOKE ALL ON FUNCTION audit_drop_expired_partitions(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_drop_expired_partitions(timestamptz) TO ${app_role};

-- Issue 13 (docs/retention.md): a legal hold on a case, and the deletion of expired case records.

-- A legal hold stops a case's deletion until it is lifted. Set and lifted by a Prevent manager with a
-- reason (CaseService, audited); a case has at most one hold in force. Rows are never updated but to
-- record the lifting; they go with the case when it is deleted.
CREATE TABLE case_legal_hold (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)   NOT NULL,
  case_id        bigint       NOT NULL,
  reason         varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
  placed_at      timestamptz  NOT NULL,
  placed_by      varchar(64)  NOT NULL,
  lifted_at      timestamptz,
  lifted_by      varchar(64),
  lift_reason    varchar(500),
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code),
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
);
CREATE UNIQUE INDEX case_legal_hold_in_force ON case_legal_hold (case_id) WHERE lifted_at IS NULL;

GRANT SELECT, INSERT ON case_legal_hold TO ${app_role};
GRANT UPDATE (lifted_at, lifted_by, lift_reason) ON case_legal_hold TO ${app_role};

-- Which case a task assignment belongs to (the business key of the task's process instance), so that it
-- goes with the case; the rows written before this migration are matched through the engine's history.
ALTER TABLE task_assignment ADD COLUMN case_reference varchar(40);
UPDATE task_assignment a SET case_reference = p.business_key_
  FROM act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.proc_inst_id_
  WHERE t.id_ = a.task_id AND p.business_key_ IS NOT NULL;
CREATE INDEX task_assignment_case ON task_assignment (case_reference) WHERE case_reference IS NOT NULL;

-- Deletes the closed cases of one authority that closed before p_closed_before (the application's clock
-- less the authority's retention period) and are under no legal hold, at most p_limit of them, with
-- everything that hangs off them. Runs as the schema owner: the application role itself may delete none
-- of these rows. Returns how many rows of each kind went (counts, never content).
--
-- EVERY TABLE THAT HOLDS CASE DATA MUST BE HANDLED HERE (docs/retention.md): a new one replaces this
-- function in its own migration; RetentionIT fails for a table with a case column it does not name.
CREATE FUNCTION retention_delete_expired(p_authority_code varchar, p_closed_before timestamptz, p_limit integer)
RETURNS TABLE (kind text, deleted bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  candidates bigint[];
  expired bigint[];
  refs varchar[];
  gone_referrals bigint[];
  gone_persons bigint[];
  counted bigint;
BEGIN
  IF p_authority_code IS NULL OR p_closed_before IS NULL OR p_limit IS NULL OR p_limit < 1 THEN
    RAISE EXCEPTION 'authority, closed-before time and a positive limit are required';
  END IF;
  -- lock the candidates first: a hold placed meanwhile (it locks its case row) is seen by the next statement
  SELECT array_agg(id) INTO candidates FROM (
    SELECT id FROM case_file WHERE authority_code = p_authority_code AND status = 'CLOSED'
      AND closed_at < p_closed_before ORDER BY closed_at, id LIMIT p_limit FOR UPDATE) locked;
  SELECT array_agg(c.id), array_agg(c.reference) INTO expired, refs FROM case_file c
    WHERE c.id = ANY (coalesce(candidates, '{}')) AND c.status = 'CLOSED' AND c.closed_at < p_closed_before
      AND NOT EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id AND h.lifted_at IS NULL);
  kind := 'cases'; deleted := coalesce(cardinality(expired), 0); RETURN NEXT;
  IF expired IS NULL THEN
    RETURN;
  END IF;

  -- the referrals the expired cases handled that no other case handles, and the people no one else names
  SELECT array_agg(DISTINCT l.referral_id) INTO gone_referrals FROM case_referral l
    WHERE l.case_id = ANY (expired) AND NOT EXISTS (SELECT 1 FROM case_referral o
      WHERE o.referral_id = l.referral_id AND NOT (o.case_id = ANY (expired)));

  DELETE FROM notification_outbox n WHERE n.authority_code = p_authority_code
    AND (n.case_reference = ANY (refs)
      OR n.case_reference = ANY (SELECT 'R-' || r FROM unnest(coalesce(gone_referrals, '{}')) r));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'notification_outbox'; deleted := counted; RETURN NEXT;

  DELETE FROM task_assignment a WHERE a.case_reference = ANY (refs)
    OR a.task_id IN (SELECT t.id_ FROM act_hi_taskinst t JOIN act_hi_procinst p ON p.id_ = t.root_proc_inst_id_
      WHERE p.business_key_ = ANY (refs) AND p.tenant_id_ = p_authority_code);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'task_assignment'; deleted := counted; RETURN NEXT;

  -- access requests about one of the case's process instances
  DELETE FROM access_change_request r WHERE r.authority_code = p_authority_code AND r.resource_id IN (
    SELECT p.id_ FROM act_hi_procinst p WHERE p.business_key_ = ANY (refs) AND p.tenant_id_ = p_authority_code);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'access_change_request'; deleted := counted; RETURN NEXT;

  DELETE FROM information_request WHERE case_id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'information_request'; deleted := counted; RETURN NEXT;

  DELETE FROM case_entry WHERE case_id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'case_entry'; deleted := counted; RETURN NEXT;

  DELETE FROM case_stage_change WHERE case_id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'case_stage_change'; deleted := counted; RETURN NEXT;

  DELETE FROM case_legal_hold WHERE case_id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'case_legal_hold'; deleted := counted; RETURN NEXT;

  DELETE FROM case_referral WHERE case_id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'case_referral'; deleted := counted; RETURN NEXT;

  SELECT array_agg(DISTINCT person_id) INTO gone_persons FROM (
    SELECT person_id FROM case_file WHERE id = ANY (expired)
    UNION SELECT person_id FROM referral WHERE id = ANY (coalesce(gone_referrals, '{}'))) p;

  DELETE FROM case_file WHERE id = ANY (expired);
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'case_file'; deleted := counted; RETURN NEXT;

  DELETE FROM referral_submission WHERE referral_id = ANY (coalesce(gone_referrals, '{}'));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'referral_submission'; deleted := counted; RETURN NEXT;

  DELETE FROM referral WHERE id = ANY (coalesce(gone_referrals, '{}'));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'referral'; deleted := counted; RETURN NEXT;

  -- a person goes with the last case and referral naming them
  SELECT array_agg(p) INTO gone_persons FROM unnest(coalesce(gone_persons, '{}')) p
    WHERE NOT EXISTS (SELECT 1 FROM case_file c WHERE c.person_id = p)
      AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p);
  DELETE FROM person_alias WHERE person_id = ANY (coalesce(gone_persons, '{}'));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'person_alias'; deleted := counted; RETURN NEXT;
  DELETE FROM person_address WHERE person_id = ANY (coalesce(gone_persons, '{}'));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'person_address'; deleted := counted; RETURN NEXT;
  DELETE FROM person WHERE id = ANY (coalesce(gone_persons, '{}'));
  GET DIAGNOSTICS counted = ROW_COUNT; kind := 'person'; deleted := counted; RETURN NEXT;
END $$;

REVOKE ALL ON FUNCTION retention_delete_expired(varchar, timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_delete_expired(varchar, timestamptz, integer) TO ${app_role};

-- Issue 9: every way a case closes records when and why (docs/case-record.md). The reason is one of
-- org.preventcase.casefile.ClosureReason; later stages add theirs to this constraint. A closed case
-- has both, an open case neither. Only the case process closes a case (CaseService.close, audited).
ALTER TABLE case_file ADD COLUMN closed_at timestamptz;
ALTER TABLE case_file ADD COLUMN closure_reason varchar(40);
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA'));
-- no case closed before this migration (the case process never closed one): a closed row without a
-- reason stops it here, to be corrected by hand rather than given a guessed reason
ALTER TABLE case_file ADD CONSTRAINT case_file_closed_with_reason CHECK (
  (status = 'CLOSED') = (closure_reason IS NOT NULL) AND (closed_at IS NULL) = (closure_reason IS NULL));

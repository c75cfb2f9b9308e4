-- Issue 12: a person in custody is not a Channel case (process.md §2.9). The case is handed to prison
-- and probation services and either closes (IN_CUSTODY) or is held, at stage CUSTODY, until release
-- (org.preventcase.casefile.Stage and ClosureReason, docs/custody.md).
ALTER TABLE case_file DROP CONSTRAINT case_file_stage_is_a_stage;
ALTER TABLE case_file ADD CONSTRAINT case_file_stage_is_a_stage CHECK (stage IN ('SCREENING', 'GATEWAY',
  'INFORMATION_GATHERING', 'PANEL', 'CONSENT', 'SUPPORT', 'POLICE_MANAGED', 'MAPPA', 'CUSTODY', 'POST_EXIT_REVIEW',
  'CLOSED'));
ALTER TABLE case_file DROP CONSTRAINT case_file_closure_reason_known;
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA', 'PANEL_NO_FURTHER_ACTION',
  'REFERRED_TO_ALTERNATIVE_SUPPORT', 'RETURNED_TO_POLICE', 'TRANSFERRED_TO_ANOTHER_AREA',
  'TRANSFERRED_TO_AUTHORITY_NOT_SERVED', 'TRANSFERRED_TO_SCOTLAND', 'IN_CUSTODY'));

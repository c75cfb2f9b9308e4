-- Issue 11 item 4: risk escalation during support (docs/support.md). Support the panel withdraws after a
-- risk escalation ends the case: it leaves Prevent to the police (org.preventcase.casefile.ClosureReason).
ALTER TABLE case_file DROP CONSTRAINT case_file_closure_reason_known;
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA', 'PANEL_NO_FURTHER_ACTION',
  'REFERRED_TO_ALTERNATIVE_SUPPORT', 'RETURNED_TO_POLICE', 'TRANSFERRED_TO_ANOTHER_AREA',
  'TRANSFERRED_TO_AUTHORITY_NOT_SERVED', 'TRANSFERRED_TO_SCOTLAND', 'IN_CUSTODY', 'EXITED_AFTER_REVIEWS',
  'TRANSFERRED_TO_POLICE'));

-- Issue 12: a case transferred to an authority not served here (the transfer pack) or to Scotland (PMAP)
-- closes with its own reason (org.preventcase.casefile.ClosureReason, docs/transfers.md).
ALTER TABLE case_file DROP CONSTRAINT case_file_closure_reason_known;
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA', 'PANEL_NO_FURTHER_ACTION',
  'REFERRED_TO_ALTERNATIVE_SUPPORT', 'RETURNED_TO_POLICE', 'TRANSFERRED_TO_ANOTHER_AREA',
  'TRANSFERRED_TO_AUTHORITY_NOT_SERVED', 'TRANSFERRED_TO_SCOTLAND'));

-- Issue 11: consent, support and after-care (docs/support.md).
-- A case that exited Channel and whose post-exit reviews found no concern closes with its own reason
-- (org.preventcase.casefile.ClosureReason).
ALTER TABLE case_file DROP CONSTRAINT case_file_closure_reason_known;
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA', 'PANEL_NO_FURTHER_ACTION',
  'REFERRED_TO_ALTERNATIVE_SUPPORT', 'RETURNED_TO_POLICE', 'TRANSFERRED_TO_ANOTHER_AREA',
  'TRANSFERRED_TO_AUTHORITY_NOT_SERVED', 'TRANSFERRED_TO_SCOTLAND', 'IN_CUSTODY', 'EXITED_AFTER_REVIEWS'));

-- The intervention provider a case's support plan allocates its interventions to: the one provider
-- who records contacts on the case (CaseService.recordContact). Kept with the case, deleted with it.
CREATE TABLE support_allocation (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code   varchar(9)  NOT NULL,
  case_id          bigint      NOT NULL,
  provider_user_id varchar(64) NOT NULL,
  allocated_at     timestamptz NOT NULL DEFAULT now(),
  allocated_by     varchar(64) NOT NULL,
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code) ON DELETE CASCADE,
  UNIQUE (case_id, provider_user_id)
);

GRANT SELECT, INSERT ON support_allocation TO ${app_role};

-- Issue 9 item 6 (process.md §2.3): information-sharing requests to partner agencies. One row per
-- agency asked about a case: what was asked (an entry of the case), the due date, and how it ended
-- (answered, or withdrawn when the case owner went on without the agency). The agency's answer is an
-- entry of the case (kind INFORMATION_SHARED) that the row names; the facts it chose are kept as
-- codes beside it. Only the status, the due date and the answer's columns change, through CaseService.
ALTER TABLE case_entry DROP CONSTRAINT case_entry_kind_check;
ALTER TABLE case_entry ADD CONSTRAINT case_entry_kind_check CHECK (kind IN ('DECISION', 'ASSESSMENT', 'CONSENT',
  'PLAN', 'REVIEW', 'NOTE', 'INFORMATION_SHARED'));

CREATE TABLE information_request (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code  varchar(9)   NOT NULL,
  case_id         bigint       NOT NULL,
  -- vocabulary/PartnerAgency: the partner-* group of the same name answers
  agency          varchar(30)  NOT NULL CHECK (agency IN ('EDUCATION', 'HEALTH', 'CHILDRENS_SOCIAL_CARE',
                    'ADULT_SOCIAL_CARE', 'PROBATION', 'YOUTH_JUSTICE', 'HOUSING', 'POLICE')),
  asked_entry_id  bigint       NOT NULL REFERENCES case_entry (id),
  status          varchar(12)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'WITHDRAWN')),
  due_at          timestamptz  NOT NULL,
  requested_at    timestamptz  NOT NULL DEFAULT now(),
  requested_by    varchar(64)  NOT NULL,
  -- vocabulary/InformationHeld and InformationFactor
  answer_held     varchar(20)  CHECK (answer_held IN ('RELEVANT', 'NOTHING_RELEVANT', 'NOT_KNOWN')),
  answer_factors  varchar(40)[],
  answer_entry_id bigint       REFERENCES case_entry (id),
  closed_at       timestamptz,
  closed_by       varchar(64),
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code),
  CHECK ((status = 'OPEN') = (closed_at IS NULL)),
  CHECK ((status = 'ANSWERED') = (answer_entry_id IS NOT NULL))
);
-- one open request per agency and case
CREATE UNIQUE INDEX information_request_open ON information_request (case_id, agency) WHERE status = 'OPEN';
CREATE INDEX information_request_case ON information_request (case_id, id);

GRANT SELECT, INSERT, UPDATE ON information_request TO ${app_role};

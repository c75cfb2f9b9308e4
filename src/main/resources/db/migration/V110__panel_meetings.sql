-- Issue 10 (process.md §2.4, §3.3, §5): Channel panel meetings are records. A meeting belongs to its
-- lead authority (the tenant of its process) and lists the authorities whose cases it hears (one for
-- an authority's own panel, several for a combined panel); each listed case keeps its own authority.
-- Attendees are the members invited when the agenda is issued (the coordinator confirms their vetting)
-- and, once the meeting is held, whether they attended; the authorities and police forces represented
-- decide each case's quorum (s37(3)). A listing is one case at one meeting: to be decided, or an adopted
-- case's review; its outcome and the decision's method are codes (the narrative is a case entry).
-- A case's listings and assessments go with it when an expired case is deleted (ON DELETE CASCADE);
-- the meetings themselves hold no personal data and stay.
CREATE TABLE panel_meeting (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code   varchar(9)  NOT NULL REFERENCES local_authority (code),
  kind             varchar(20) NOT NULL CHECK (kind IN ('ROUTINE', 'EXTRAORDINARY')),
  meets_at         timestamptz NOT NULL,
  agenda_due_at    timestamptz NOT NULL,
  capacity         integer     NOT NULL CHECK (capacity > 0),
  status           varchar(20) NOT NULL DEFAULT 'SCHEDULED'
                     CHECK (status IN ('SCHEDULED', 'AGENDA_ISSUED', 'OPEN', 'MINUTES_FINAL')),
  agenda_issued_at timestamptz,
  opened_at        timestamptz,
  minutes_final_at timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       varchar(64) NOT NULL,
  CHECK (agenda_due_at <= meets_at)
);
CREATE INDEX panel_meeting_next ON panel_meeting (authority_code, meets_at);

CREATE TABLE panel_meeting_authority (
  meeting_id     bigint     NOT NULL REFERENCES panel_meeting (id),
  authority_code varchar(9) NOT NULL REFERENCES local_authority (code),
  PRIMARY KEY (meeting_id, authority_code)
);
CREATE INDEX panel_meeting_authority_code ON panel_meeting_authority (authority_code);

CREATE TABLE panel_attendee (
  meeting_id         bigint      NOT NULL REFERENCES panel_meeting (id),
  user_id            varchar(64) NOT NULL,
  agency_group       varchar(64) NOT NULL,
  invited_at         timestamptz NOT NULL DEFAULT now(),
  vetting_confirmed_by varchar(64) NOT NULL,
  attended           boolean,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX panel_attendee_user ON panel_attendee (user_id);

CREATE TABLE panel_representation (
  meeting_id bigint      NOT NULL REFERENCES panel_meeting (id),
  kind       varchar(20) NOT NULL CHECK (kind IN ('LOCAL_AUTHORITY', 'POLICE_FORCE')),
  code       varchar(9)  NOT NULL,
  PRIMARY KEY (meeting_id, kind, code)
);

CREATE TABLE panel_listing (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id      bigint      NOT NULL REFERENCES panel_meeting (id),
  case_id         bigint      NOT NULL,
  authority_code  varchar(9)  NOT NULL,
  purpose         varchar(10) NOT NULL CHECK (purpose IN ('DECIDE', 'REVIEW')),
  listed_at       timestamptz NOT NULL DEFAULT now(),
  listed_by       varchar(64) NOT NULL,
  quorate         boolean,
  recommendation  varchar(40) CHECK (recommendation IN ('ADOPT', 'NOT_ADOPT_REFER_ALTERNATIVE', 'NOT_ADOPT_NFA',
                    'RETURN_TO_POLICE', 'REFER_TO_MAPPA', 'DEFER')),
  outcome         varchar(40) CHECK (outcome IN ('ADOPT', 'NOT_ADOPT_REFER_ALTERNATIVE', 'NOT_ADOPT_NFA',
                    'RETURN_TO_POLICE', 'REFER_TO_MAPPA', 'DEFER', 'INQUORATE', 'MOVED', 'CONTINUE', 'REVISE_PLAN',
                    'WITHDRAW_SUPPORT', 'EXIT')),
  decision_method varchar(20) CHECK (decision_method IN ('UNANIMOUS', 'MAJORITY', 'CHAIR_CASTING')),
  decided_at      timestamptz,
  decided_by      varchar(64),
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code) ON DELETE CASCADE,
  UNIQUE (meeting_id, case_id)
);
CREATE INDEX panel_listing_case ON panel_listing (case_id);

-- the multi-agency assessment's summary judgements (the recommendation table's inputs) and ratings, as
-- codes beside its ASSESSMENT entry; each agency's contribution is an entry of its own
CREATE TABLE panel_assessment (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code       varchar(9)  NOT NULL,
  case_id              bigint      NOT NULL,
  meeting_id           bigint      NOT NULL REFERENCES panel_meeting (id),
  framework            varchar(10) NOT NULL CHECK (framework IN ('VAF', 'PAF', 'LOCAL')),
  ratings              jsonb       NOT NULL,
  susceptibility       varchar(30) NOT NULL,
  ct_risk_owner        varchar(40) NOT NULL,
  other_needs          boolean     NOT NULL,
  mappa_eligible       boolean     NOT NULL,
  information_complete boolean     NOT NULL,
  contributions        integer     NOT NULL CHECK (contributions >= 0),
  entry_id             bigint      NOT NULL REFERENCES case_entry (id) ON DELETE CASCADE,
  recorded_at          timestamptz NOT NULL DEFAULT now(),
  recorded_by          varchar(64) NOT NULL,
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code) ON DELETE CASCADE
);
CREATE INDEX panel_assessment_case ON panel_assessment (case_id, id);

GRANT SELECT, INSERT, UPDATE ON panel_meeting, panel_attendee, panel_listing TO ${app_role};
GRANT SELECT, INSERT ON panel_meeting_authority, panel_representation, panel_assessment TO ${app_role};

-- the panel's closing decisions close the case with their own reason
ALTER TABLE case_file DROP CONSTRAINT case_file_closure_reason_known;
ALTER TABLE case_file ADD CONSTRAINT case_file_closure_reason_known CHECK (closure_reason IN (
  'NFA_CLOSED', 'SIGNPOSTED', 'PURSUE', 'POLICE_MANAGED', 'MAPPA', 'PANEL_NO_FURTHER_ACTION',
  'REFERRED_TO_ALTERNATIVE_SUPPORT', 'RETURNED_TO_POLICE'));

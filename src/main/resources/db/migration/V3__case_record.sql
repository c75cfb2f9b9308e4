-- The case record (docs/case-record.md). Person, referral and case are separate records; entries in a
-- case are append-only (a correction is a new entry pointing at the one it corrects). Every table that
-- holds case data carries its owning authority, and a child row's authority must be its parent's
-- (composite foreign keys), so a query scoped to one authority can never pick up another's rows.

-- Reference data: police force areas and local authorities of England and Wales, loaded from
-- db/reference/*.csv by the repeatable migration R__AuthorityReferenceData.
CREATE TABLE police_force (
  code       varchar(9)   PRIMARY KEY,          -- ONS/GSS police force area code (E23, W15)
  area_name  varchar(100) NOT NULL,             -- ONS name of the police force area
  force_name varchar(100) NOT NULL              -- the territorial force
);

CREATE TABLE local_authority (
  code              varchar(9)   PRIMARY KEY,   -- ONS/GSS code (E06, E07, E08, E09, E10, W06)
  name              varchar(100) NOT NULL,
  kind              varchar(30)  NOT NULL CHECK (kind IN ('UNITARY', 'NON_METROPOLITAN_DISTRICT',
                      'METROPOLITAN_DISTRICT', 'LONDON_BOROUGH', 'COUNTY', 'WELSH_PRINCIPAL_AREA')),
  county_code       varchar(9)   REFERENCES local_authority (code),   -- a district's county council
  police_force_code varchar(9)   NOT NULL REFERENCES police_force (code)
);

CREATE TABLE person (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)   NOT NULL REFERENCES local_authority (code),
  given_names    varchar(200) NOT NULL,
  family_name    varchar(200) NOT NULL,
  date_of_birth  date,
  gender         varchar(40),
  recorded_at    timestamptz  NOT NULL DEFAULT now(),
  recorded_by    varchar(64)  NOT NULL,
  updated_at     timestamptz,
  updated_by     varchar(64),
  UNIQUE (id, authority_code)
);

CREATE TABLE person_alias (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id      bigint       NOT NULL,
  authority_code varchar(9)   NOT NULL,
  alias          varchar(400) NOT NULL,
  recorded_at    timestamptz  NOT NULL DEFAULT now(),
  recorded_by    varchar(64)  NOT NULL,
  FOREIGN KEY (person_id, authority_code) REFERENCES person (id, authority_code)
);
CREATE INDEX person_alias_person ON person_alias (person_id);

-- address history: append-only; the current address is the one with the latest lived_from
CREATE TABLE person_address (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id      bigint       NOT NULL,
  authority_code varchar(9)   NOT NULL,
  address        varchar(500) NOT NULL,
  postcode       varchar(10),
  lived_from     date,
  recorded_at    timestamptz  NOT NULL DEFAULT now(),
  recorded_by    varchar(64)  NOT NULL,
  FOREIGN KEY (person_id, authority_code) REFERENCES person (id, authority_code)
);
CREATE INDEX person_address_person ON person_address (person_id);

CREATE TABLE referral (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)   NOT NULL,
  person_id      bigint       NOT NULL,
  received_at    timestamptz  NOT NULL,
  referrer_sector varchar(40),
  concern_type   varchar(60),
  urgency        varchar(20),
  concern        text,                          -- the referrer's words, stored as written
  recorded_at    timestamptz  NOT NULL DEFAULT now(),
  recorded_by    varchar(64)  NOT NULL,
  UNIQUE (id, authority_code),
  FOREIGN KEY (person_id, authority_code) REFERENCES person (id, authority_code)
);
CREATE INDEX referral_person ON referral (person_id);

-- "case" is an SQL keyword: the table is case_file
CREATE TABLE case_file (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)   NOT NULL,
  reference      varchar(40)  NOT NULL UNIQUE,
  person_id      bigint       NOT NULL,
  stage          varchar(40)  NOT NULL,
  status         varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  opened_at      timestamptz  NOT NULL DEFAULT now(),
  opened_by      varchar(64)  NOT NULL,
  updated_at     timestamptz,
  updated_by     varchar(64),
  UNIQUE (id, authority_code),
  FOREIGN KEY (person_id, authority_code) REFERENCES person (id, authority_code)
);
CREATE INDEX case_file_person ON case_file (person_id);

-- which referrals a case handles together (append-only)
CREATE TABLE case_referral (
  case_id        bigint      NOT NULL,
  referral_id    bigint      NOT NULL,
  authority_code varchar(9)  NOT NULL,
  linked_at      timestamptz NOT NULL DEFAULT now(),
  linked_by      varchar(64) NOT NULL,
  PRIMARY KEY (case_id, referral_id),
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code),
  FOREIGN KEY (referral_id, authority_code) REFERENCES referral (id, authority_code)
);
CREATE INDEX case_referral_referral ON case_referral (referral_id);

-- decisions, assessments, consents, plans, reviews, notes: never updated, never deleted
CREATE TABLE case_entry (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code    varchar(9)  NOT NULL,
  case_id           bigint      NOT NULL,
  kind              varchar(20) NOT NULL CHECK (kind IN ('DECISION', 'ASSESSMENT', 'CONSENT', 'PLAN', 'REVIEW', 'NOTE')),
  summary           varchar(300) NOT NULL,
  body              text,
  corrects_entry_id bigint REFERENCES case_entry (id),
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  recorded_by       varchar(64) NOT NULL,
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code)
);
CREATE INDEX case_entry_case ON case_entry (case_id, id);

-- case references: <authority code>-<year>-<5-digit number per authority and year>
CREATE TABLE case_reference_counter (
  authority_code varchar(9) NOT NULL REFERENCES local_authority (code),
  year           integer    NOT NULL,
  last_number    integer    NOT NULL,
  PRIMARY KEY (authority_code, year)
);

-- what the application role may do: read and add; update only the mutable facts of a person and a
-- case (corrections of entries are new entries); never delete
GRANT SELECT ON police_force, local_authority TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON person, case_file TO ${app_role};
GRANT SELECT, INSERT ON person_alias, person_address, referral, case_referral, case_entry TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON case_reference_counter TO ${app_role};

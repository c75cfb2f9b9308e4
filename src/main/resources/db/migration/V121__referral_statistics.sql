-- Issue 13 item 3 (docs/retention.md, "Statistics"): one anonymised row per referral, written as its case
-- moves and completed at closure, so the board's figures (issue 15, process.md §6) survive the deletion
-- of the case record. No personal data and no case or referral reference: codes, months (never a day)
-- and counts of days, and a pseudonymous person key (an HMAC-SHA256 of the person's identifiers, its key
-- held by the application's configuration, never by the database), so repeat referrals still count.
CREATE TABLE referral_statistics (
  id                   uuid        PRIMARY KEY,
  authority_code       varchar(9)  NOT NULL REFERENCES local_authority (code),
  person_key           char(64)    NOT NULL CHECK (person_key ~ '^[0-9a-f]{64}$'),
  referred_month       date        NOT NULL CHECK (extract(day FROM referred_month) = 1),
  referrer_sector      varchar(40),
  concern_type         varchar(60),
  -- vocabulary/AgeBand (the bands from 2024/25) and vocabulary/EarlierAgeBand (the releases before);
  -- empty when the referral gave no age
  age_band             varchar(20),
  earlier_age_band     varchar(20),
  gender               varchar(20),
  gateway_outcome      varchar(30),
  discussed_at_panel   boolean     NOT NULL DEFAULT false,
  adopted              boolean,
  consent_outcome      varchar(20),
  closure_reason       varchar(40),
  closed_month         date        CHECK (extract(day FROM closed_month) = 1),
  CHECK ((closure_reason IS NULL) = (closed_month IS NULL))
);
CREATE INDEX referral_statistics_month ON referral_statistics (authority_code, referred_month);
CREATE INDEX referral_statistics_person ON referral_statistics (person_key);

-- each stage the referral's case went through: the month it began and the days it took (null while the
-- case is in it); a stage entered again is a row of its own
CREATE TABLE referral_statistics_stage (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  statistics_id  uuid        NOT NULL REFERENCES referral_statistics (id),
  stage          varchar(40) NOT NULL,
  entered_month  date        NOT NULL CHECK (extract(day FROM entered_month) = 1),
  days_taken     integer     CHECK (days_taken >= 0)
);
CREATE INDEX referral_statistics_stage_row ON referral_statistics_stage (statistics_id, id);

-- the only link from the case record to its row: it goes when the referral is deleted
ALTER TABLE referral ADD COLUMN statistics_id uuid UNIQUE;

GRANT SELECT, INSERT, UPDATE ON referral_statistics, referral_statistics_stage TO ${app_role};

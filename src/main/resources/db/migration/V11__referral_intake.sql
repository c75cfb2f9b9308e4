-- Referral intake (issue #5, docs/referrals.md): the national referral form's content beyond the
-- core columns, who made the referral (for their neutral status view and the acknowledgement), when
-- 999 was called, a strong identifier of the person, and the partner API's idempotency keys.

-- the form's other answers (sections A-D), keyed by form field, text exactly as written
ALTER TABLE referral ADD COLUMN details          jsonb;
ALTER TABLE referral ADD COLUMN referred_by      varchar(64);
ALTER TABLE referral ADD COLUMN referrer_email   varchar(254);
ALTER TABLE referral ADD COLUMN called_999_at    timestamptz;
ALTER TABLE referral ADD COLUMN submitted_through varchar(10) CHECK (submitted_through IN ('FORM', 'API'));
CREATE INDEX referral_referred_by ON referral (referred_by, received_at);

ALTER TABLE person ADD COLUMN nhs_number varchar(10);
-- the known-person match reads people by date of birth (or NHS number) across authorities
CREATE INDEX person_date_of_birth ON person (date_of_birth);
CREATE INDEX person_nhs_number ON person (nhs_number) WHERE nhs_number IS NOT NULL;

-- a partner system's Idempotency-Key: the first submission's body hash and the referral it made; a
-- retry with the same body gets the same answer, a different body is refused (422)
CREATE TABLE referral_submission (
  submitted_by    varchar(64)  NOT NULL,
  idempotency_key varchar(200) NOT NULL,
  body_sha256     char(64)     NOT NULL,
  authority_code  varchar(9)   NOT NULL,
  referral_id     bigint       NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (submitted_by, idempotency_key),
  FOREIGN KEY (referral_id, authority_code) REFERENCES referral (id, authority_code)
);

GRANT SELECT, INSERT ON referral_submission TO ${app_role};

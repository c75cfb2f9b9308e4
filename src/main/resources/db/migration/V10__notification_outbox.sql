-- Notifications outbox: written in the same transaction as the case change that causes it, sent and
-- retried by the dispatcher. Rows hold references and message facts, never a person's details; the
-- recipient is a practitioner's or a referrer's address. Sent rows stay as the record of what was sent.
CREATE TABLE notification_outbox (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code   text        NOT NULL,
  case_reference   text        NOT NULL,
  message_type     text        NOT NULL,
  channel          text        NOT NULL CHECK (channel IN ('EMAIL', 'NOTIFY')),
  recipient_kind   text        NOT NULL CHECK (recipient_kind IN ('GROUP_MEMBER', 'REFERRER', 'ADDRESS')),
  recipient_group  text,
  recipient        text        NOT NULL,
  facts            jsonb       NOT NULL,
  -- one key per message and recipient: the SMTP Message-ID and the GOV.UK Notify reference
  dedup_key        text        NOT NULL UNIQUE,
  status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  claimed_until    timestamptz,
  last_failure     text,
  alerted_at       timestamptz,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz
);

-- the dispatcher's question: what is due now
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
-- the managers' question: what keeps failing
CREATE INDEX notification_outbox_alerted ON notification_outbox (alerted_at) WHERE status = 'PENDING' AND alerted_at IS NOT NULL;
CREATE INDEX notification_outbox_case ON notification_outbox (authority_code, case_reference);

GRANT SELECT, INSERT ON notification_outbox TO ${app_role};
-- the dispatcher records attempts and delivery; nothing else may change, and nothing is deleted
GRANT UPDATE (status, attempts, next_attempt_at, claimed_until, last_failure, alerted_at, sent_at)
  ON notification_outbox TO ${app_role};

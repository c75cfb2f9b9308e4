-- Changes to who may see what, asked for in Admin or the engine REST API (issue 16 item 2): a case
-- role, a tenant (authority) membership of a user or group, a user-level authorization. None takes
-- effect until a Prevent manager of the authority approves it; every request and decision is also
-- written to the audit trail. Rows are never deleted; a decision is recorded once (PENDING -> APPROVED
-- or REFUSED).
CREATE TABLE access_change_request (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code     varchar(9)   NOT NULL,       -- whose managers decide
  kind               varchar(30)  NOT NULL,       -- GROUP_MEMBERSHIP, TENANT_USER_MEMBERSHIP, ...
  user_id            varchar(64),
  group_id           varchar(64),
  tenant_id          varchar(64),
  authorization_id   varchar(64),                 -- an existing authorization being changed
  authorization_type integer,
  resource_type      integer,
  resource_id        varchar(255),
  permissions        integer,
  description        varchar(500) NOT NULL,       -- what the manager reads
  requested_by       varchar(64)  NOT NULL,
  requested_at       timestamptz  NOT NULL DEFAULT now(),
  status             varchar(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED')),
  decided_by         varchar(64),
  decided_at         timestamptz,
  CHECK ((status = 'PENDING') = (decided_by IS NULL))
);
CREATE INDEX access_change_request_authority ON access_change_request (authority_code, status, requested_at);

GRANT SELECT, INSERT ON access_change_request TO ${app_role};
GRANT UPDATE (status, decided_by, decided_at) ON access_change_request TO ${app_role};

-- What the chronology of a case shows that no other table keeps (docs/case-record.md, "Chronology").
-- Both are append-only and hold no personal data: stages, statuses, user ids and times.

-- every change of a case's stage or status, written with the change itself (CaseRecords.updateStage)
CREATE TABLE case_stage_change (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authority_code varchar(9)  NOT NULL,
  case_id        bigint      NOT NULL,
  stage          varchar(40) NOT NULL,
  status         varchar(20) NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  changed_at     timestamptz NOT NULL,
  changed_by     varchar(64) NOT NULL,
  FOREIGN KEY (case_id, authority_code) REFERENCES case_file (id, authority_code)
);
CREATE INDEX case_stage_change_case ON case_stage_change (case_id, id);

-- who claimed, assigned or gave back a task, and when: at history level "activity" the engine keeps
-- only a task's last assignee (no identity-link or operation log), so each assignment is kept here
CREATE TABLE task_assignment (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     varchar(64) NOT NULL,
  tenant_id   varchar(64),
  assignee    varchar(64),
  assigned_by varchar(64) NOT NULL,
  assigned_at timestamptz NOT NULL
);
CREATE INDEX task_assignment_task ON task_assignment (task_id, id);

GRANT SELECT, INSERT ON case_stage_change, task_assignment TO ${app_role};

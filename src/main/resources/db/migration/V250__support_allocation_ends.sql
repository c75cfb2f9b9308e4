-- Issue 11: a revised support plan that allocates the interventions to another intervention provider ends
-- the earlier provider's allocation (docs/support.md): that provider no longer records contacts on the case
-- nor reads its support plan. One allocation of a case is current (ended_at empty); the ended ones stay.
ALTER TABLE support_allocation ADD COLUMN ended_at timestamptz, ADD COLUMN ended_by varchar(64);
ALTER TABLE support_allocation DROP CONSTRAINT support_allocation_case_id_provider_user_id_key;

-- the allocations made before: each ended when the case's next one was made, by whoever made it
UPDATE support_allocation a SET ended_at = n.next_at, ended_by = n.next_by
FROM (SELECT id, lead(allocated_at) OVER w AS next_at, lead(allocated_by) OVER w AS next_by
      FROM support_allocation WINDOW w AS (PARTITION BY case_id ORDER BY allocated_at, id)) n
WHERE n.id = a.id AND n.next_at IS NOT NULL;

CREATE UNIQUE INDEX support_allocation_current ON support_allocation (case_id) WHERE ended_at IS NULL;

GRANT UPDATE (ended_at, ended_by) ON support_allocation TO ${app_role};

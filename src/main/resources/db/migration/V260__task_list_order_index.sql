-- Issue 17 item 1 (docs/performance.md): every Tasklist filter lists its tasks by priority (highest first), then
-- due date (soonest first), and Tasklist adds its own sorting after the filter's (by default the newest first);
-- it asks for one page at a time. With an index in that very order, PostgreSQL reads a page from it, checking each
-- task's candidate group and authorizations as it goes, and stops at the page's end, instead of reading, checking
-- and sorting every open task the user may see. The engine's own tables are Flyway's (V1); the index is the
-- project's (its prefix), so an engine upgrade script that adds its own indexes meets no name of ours.
CREATE INDEX prevent_idx_task_list_order ON act_ru_task (priority_ DESC, due_date_ ASC, create_time_ DESC);

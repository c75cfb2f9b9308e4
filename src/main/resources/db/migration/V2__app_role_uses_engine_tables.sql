-- The application connects as a restricted role: it may read and write the engine's ACT_* tables
-- (the engine needs full DML on them) but owns nothing and cannot create or drop anything.
GRANT USAGE ON SCHEMA public TO ${app_role};

DO $$
DECLARE
  engine_table text;
BEGIN
  FOR engine_table IN
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'act\_%'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO %I', engine_table, '${app_role}');
  END LOOP;
END $$;

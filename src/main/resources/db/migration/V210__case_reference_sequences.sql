-- Issue 17 item 3 (docs/performance.md): case references without a row lock held to commit.
--
-- Before: the next number was an upsert on case_reference_counter, whose row lock every other intake of
-- the same authority and year waited on until the first intake's transaction committed. Now each
-- authority and year has its own sequence, case_reference_<authority code in lower case>_<year>, and
-- nextval takes no lock that lasts beyond the call. Sequences are not transactional: a number taken by an
-- intake that then fails is not handed out again, so the numbers of an authority's year may have gaps
-- (never a duplicate; case_file.reference stays UNIQUE).

-- The next number for this authority and year, creating the year's sequence at its first case. Runs as
-- the schema owner: the application role cannot create a sequence. Only an authority on file and a
-- four-digit year name a sequence, so no caller can create anything else.
CREATE FUNCTION case_reference_next(p_authority_code varchar, p_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  sequence_name text;
BEGIN
  IF p_year IS NULL OR p_year < 1000 OR p_year > 9999 THEN
    RAISE EXCEPTION 'a case reference''s year must have four digits';
  END IF;
  IF p_authority_code IS NULL OR p_authority_code !~ '^[EW][0-9]{8}$'
      OR NOT EXISTS (SELECT 1 FROM local_authority WHERE code = p_authority_code) THEN
    RAISE EXCEPTION 'a case reference needs the code of an authority on file';
  END IF;
  sequence_name := 'case_reference_' || lower(p_authority_code) || '_' || p_year;
  IF to_regclass(sequence_name) IS NULL THEN
    -- the year's first case: two intakes creating it at once wait for each other only this once,
    -- and the one that finds it created by the other uses it
    BEGIN
      EXECUTE format('CREATE SEQUENCE %I AS integer MINVALUE 1 NO CYCLE', sequence_name);
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL;
    END;
  END IF;
  RETURN nextval(sequence_name);
END $$;

REVOKE ALL ON FUNCTION case_reference_next(varchar, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_reference_next(varchar, integer) TO ${app_role};

-- Every year's numbering goes on from where its counter stood.
DO $$
DECLARE
  counter record;
  sequence_name text;
BEGIN
  FOR counter IN SELECT authority_code, year, last_number FROM case_reference_counter LOOP
    sequence_name := 'case_reference_' || lower(counter.authority_code) || '_' || counter.year;
    EXECUTE format('CREATE SEQUENCE %I AS integer MINVALUE 1 NO CYCLE', sequence_name);
    PERFORM setval(sequence_name, counter.last_number, true);
  END LOOP;
END $$;

DROP TABLE case_reference_counter;

-- A case's stage is one of the values of org.preventcase.casefile.Stage (the statutory stages),
-- no longer free text; only the case process changes it. A row with another value stops the
-- migration: correct it by hand rather than guess its stage.
ALTER TABLE case_file ADD CONSTRAINT case_file_stage_is_a_stage CHECK (stage IN ('SCREENING', 'GATEWAY',
  'INFORMATION_GATHERING', 'PANEL', 'CONSENT', 'SUPPORT', 'POLICE_MANAGED', 'MAPPA', 'POST_EXIT_REVIEW', 'CLOSED'));

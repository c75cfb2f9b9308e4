-- Issue 17 (docs/performance.md): the known-person match by index lookups only. The compact postcode
-- (lower case, letters and digits only: what the match compares) is a stored generated column, so it
-- is written whenever an address is recorded, by whatever path, and this statement backfills every
-- existing row (the date of birth and the NHS number have their indexes since V11).
ALTER TABLE person_address
  ADD COLUMN postcode_key text GENERATED ALWAYS AS (lower(regexp_replace(postcode, '[^A-Za-z0-9]', '', 'g'))) STORED;
CREATE INDEX person_address_postcode_key ON person_address (postcode_key);

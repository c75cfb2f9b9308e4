-- A person whose earlier case closed gets a new case carrying the history (process.md §2.8): the new
-- case names the earlier one; the case page shows every earlier case of the person.
ALTER TABLE case_file ADD COLUMN previous_case_reference varchar(40);

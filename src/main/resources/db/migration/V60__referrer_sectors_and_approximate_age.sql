-- Issue 14 (docs/referrals.md): the referrer sectors of the Home Office statistics plus the Channel
-- panel's Schedule 7 partners, named on their own. Every stored code stays valid (the new list keeps
-- each earlier one); the column now accepts only the codes of vocabulary/ReferrerSector, so a code
-- the application does not know can never be stored (ReferrerSectorMigrationIT keeps both in step).
ALTER TABLE referral ADD CONSTRAINT referral_referrer_sector_known CHECK (referrer_sector IN (
  'EDUCATION', 'HIGHER_EDUCATION', 'POLICE', 'LOCAL_AUTHORITY', 'CHILDRENS_SOCIAL_CARE', 'ADULT_SOCIAL_CARE',
  'HEALTH', 'PRISONS', 'PROBATION', 'YOUTH_JUSTICE', 'DWP_JOBCENTRE_PLUS', 'HOME_OFFICE_IMMIGRATION',
  'OTHER_GOVERNMENT', 'COMMUNITY', 'FRIENDS_AND_FAMILY', 'OTHER'));

-- A referral may give an approximate age instead of a date of birth (details ->> 'personApproximateAge');
-- the person match reads the date of birth only, so a person without one is matched by name and
-- address (KnownPersons). Earlier referrals all have a date of birth: nothing to migrate there.
COMMENT ON COLUMN person.date_of_birth IS 'NULL when the referrer knew only an approximate age (referral.details)';

package org.preventcase.intake;

import org.preventcase.vocabulary.Agency;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.vocabulary.Gender;
import org.preventcase.vocabulary.ReferrerSector;
import org.preventcase.vocabulary.RelationshipToPerson;
import org.preventcase.vocabulary.Urgency;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every field of the national Prevent referral form (process.md §4 A–E), once: its key (the form
 * field's key, the process variable Tasklist submits, and the JSON property of the partner API), the
 * label a practitioner reads in error messages, its kind, whether it is required and how long it may
 * be. The start form offers exactly these fields (tested); the validator checks them; the case record
 * stores them.
 */
public enum ReferralField {
  // The authority referred to: a choice for a referrer who works for several (their only one otherwise);
  // it becomes the referral's tenant (AuthorityTenancyPlugin)
  AUTHORITY_CODE("authorityCode", "Local authority code", Kind.TEXT, false, 9),
  // A. About the person
  PERSON_GIVEN_NAMES("personGivenNames", "Given names", Kind.TEXT, true, 200),
  PERSON_FAMILY_NAME("personFamilyName", "Family name", Kind.TEXT, true, 200),
  PERSON_ALIASES("personAliases", "Aliases or other names", Kind.TEXT, false, 1000),
  /** Required unless the approximate age is given; the start form enters it as day, month and year. */
  PERSON_DATE_OF_BIRTH("personDateOfBirth", "Date of birth", Kind.DATE, false, 10),
  PERSON_APPROXIMATE_AGE("personApproximateAge", "Approximate age", Kind.AGE, false, 3),
  PERSON_GENDER("personGender", "Gender", Kind.CHOICE, true, Gender.values()),
  PERSON_ADDRESS("personAddress", "Address", Kind.TEXT, false, 500),
  PERSON_POSTCODE("personPostcode", "Postcode", Kind.POSTCODE, false, 8),
  PERSON_CONTACT_DETAILS("personContactDetails", "The person's phone or e-mail", Kind.TEXT, false, 200),
  PERSON_NHS_NUMBER("personNhsNumber", "NHS number", Kind.NHS_NUMBER, false, 12),
  PERSON_NATIONALITY("personNationality", "Nationality", Kind.TEXT, false, 100),
  PERSON_FIRST_LANGUAGE("personFirstLanguage", "First language", Kind.TEXT, false, 100),
  PERSON_ETHNICITY("personEthnicity", "Ethnicity", Kind.TEXT, false, 100),
  PERSON_FAITH("personFaith", "Faith", Kind.TEXT, false, 100),
  PERSON_IMMIGRATION_STATUS("personImmigrationStatus", "Immigration status", Kind.TEXT, false, 100),
  PERSON_SCHOOL_OR_WORKPLACE("personSchoolOrWorkplace", "School, college or workplace", Kind.TEXT, false, 300),
  PERSON_FAMILY_OR_CARERS("personFamilyOrCarers", "Family or carers", Kind.TEXT, false, 2000),
  PERSON_ADDITIONAL_NEEDS("personAdditionalNeeds", "Additional needs, disability or SEN", Kind.TEXT, false, 2000),
  PERSON_MENTAL_HEALTH_OR_NEURODIVERSITY("personMentalHealthOrNeurodiversity",
      "Mental health or neurodiversity condition", Kind.CHOICE, false, Answer.values()),
  // B. About the referrer
  REFERRER_NAME("referrerName", "Referrer's name", Kind.TEXT, true, 200),
  /** Role, organisation and e-mail are required of a professional only (see {@link #PROFESSIONAL_ONLY}). */
  REFERRER_ROLE("referrerRole", "Referrer's role", Kind.TEXT, false, 200),
  REFERRER_ORGANISATION("referrerOrganisation", "Referrer's organisation", Kind.TEXT, false, 200),
  REFERRER_SECTOR("referrerSector", "Referrer sector", Kind.CHOICE, true, ReferrerSector.values()),
  REFERRER_EMAIL("referrerEmail", "Referrer's e-mail", Kind.EMAIL, false, 254),
  REFERRER_PHONE("referrerPhone", "Referrer's phone", Kind.PHONE, false, 20),
  REFERRER_RELATIONSHIP("referrerRelationship", "Referrer's relationship to the person", Kind.CHOICE, true,
      RelationshipToPerson.values()),
  // C. The concern
  CONCERN_TYPE("concernType", "Type of concern", Kind.CHOICE, true, ConcernType.values()),
  CONCERN_DESCRIPTION("concernDescription", "Describe your concerns", Kind.TEXT, true, 10_000),
  CONCERN_IDEOLOGY_INTEREST("concernIdeologyInterest", "Interest in hate crime, extremism or terrorism", Kind.TEXT,
      false, 4000),
  CONCERN_ONLINE_ACTIVITY("concernOnlineActivity", "Worrying phone, internet or social-media use", Kind.TEXT, false,
      4000),
  CONCERN_CONTACTS("concernContacts", "Contact with concerning groups or individuals", Kind.TEXT, false, 4000),
  CONCERN_HARM_OR_THREATS("concernHarmOrThreats", "Wanting to cause harm, or threats of violence", Kind.TEXT, false,
      4000),
  CONCERN_COMPLEX_NEEDS("concernComplexNeeds", "Complex needs", Kind.TEXT, false, 4000),
  CONCERN_OTHER_SAFEGUARDING("concernOtherSafeguarding", "Other safeguarding concerns", Kind.TEXT, false, 4000),
  CONCERN_CONVERSATIONS_HELD("concernConversationsHeld", "Conversations already held", Kind.TEXT, false, 4000),
  CONCERN_FEARED_OUTCOME("concernFearedOutcome", "What you fear may happen", Kind.TEXT, false, 4000),
  AGENCIES_INVOLVED("agenciesInvolved", "Other agencies involved", Kind.CHOICES, false, Agency.values()),
  AGENCIES_DETAILS("agenciesDetails", "Details of other agencies or professionals", Kind.TEXT, false, 2000),
  // D. Process questions
  PERSON_AWARE_OF_REFERRAL("personAwareOfReferral", "Is the person aware of this referral?", Kind.CHOICE, true,
      Answer.values()),
  DISCUSSED_WITH_SAFEGUARDING_LEAD("discussedWithSafeguardingLead",
      "Has this been discussed with your safeguarding or Prevent lead?", Kind.CHOICE, true, Answer.values()),
  DIRECT_ACTION_TAKEN("directActionTaken", "Has any direct action been taken with the person?", Kind.CHOICE, true,
      Answer.values()),
  OTHER_AGENCIES_INFORMED("otherAgenciesInformed", "Have other agencies been told?", Kind.CHOICE, true,
      Answer.values()),
  SAFEGUARDING_REFERRAL_MADE("safeguardingReferralMade", "Has a MASH or safeguarding referral also been made?",
      Kind.CHOICE, true, Answer.values()),
  /** Optional (issue 12): the screening then asks whether the case goes to MAPPA (docs/mappa.md). */
  ON_LICENCE_OR_UNDER_MAPPA("onLicenceOrUnderMappa", "Is the person on licence or managed under MAPPA?", Kind.CHOICE,
      false, Answer.values()),
  // E. Urgency
  URGENCY("urgency", "Urgency", Kind.CHOICE, true, Urgency.values()),
  CALLED_999_AT("called999At", "When 999 was called", Kind.DATE_TIME, false, 40);

  /** What a field holds, and so how it is checked. */
  public enum Kind { TEXT, DATE, DATE_TIME, AGE, CHOICE, CHOICES, EMAIL, PHONE, POSTCODE, NHS_NUMBER }

  /**
   * Required when the referrer is a professional: a member of the public, a relative or a friend has
   * no role or organisation, and the officer or contact centre who takes their call submits for them.
   */
  public static final java.util.Set<ReferralField> PROFESSIONAL_ONLY = java.util.EnumSet.of(REFERRER_ROLE,
      REFERRER_ORGANISATION, REFERRER_EMAIL);

  /** How the start form enters a date (GOV.UK date input: day, month, year; and a time of day for a date-time). */
  public List<String> formKeys() {
    return switch (kind) {
      case DATE -> List.of(key + DateParts.DAY, key + DateParts.MONTH, key + DateParts.YEAR);
      case DATE_TIME -> List.of(key + DateParts.DAY, key + DateParts.MONTH, key + DateParts.YEAR, key + DateParts.TIME);
      default -> List.of(key);
    };
  }

  private final String key;
  private final String label;
  private final Kind kind;
  private final boolean required;
  private final int maxLength;
  private final List<FormOption> options;

  ReferralField(String key, String label, Kind kind, boolean required, int maxLength) {
    this(key, label, kind, required, maxLength, List.of());
  }

  ReferralField(String key, String label, Kind kind, boolean required, FormOption[] options) {
    this(key, label, kind, required, 100, List.of(options));
  }

  ReferralField(String key, String label, Kind kind, boolean required, int maxLength, List<FormOption> options) {
    this.key = key;
    this.label = label;
    this.kind = kind;
    this.required = required;
    this.maxLength = maxLength;
    this.options = options;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  public boolean required() {
    return required;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The values a choice may take (empty for other kinds). */
  public List<FormOption> options() {
    return options;
  }

  public static Optional<ReferralField> byKey(String key) {
    return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
  }

  /** The process-variable names of every field: what the start listener removes. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(ReferralField::key).toList();
  }
}

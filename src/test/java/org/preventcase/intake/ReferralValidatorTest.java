package org.preventcase.intake;

import org.preventcase.vocabulary.AgeBand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preventcase.formcheck.FormSchema;
import org.preventcase.formcheck.FormSchemaTest;
import org.preventcase.formcheck.FormSubmissions;
import org.preventcase.models.ProjectFiles;

/**
 * The one validation of a referral: the start form's schema and its rules ({@link ReferralFormRules});
 * every bad field named, by the key it was sent under, never with its value.
 */
class ReferralValidatorTest {

  static final FormSchema START_FORM = FormSchemaTest.read(ProjectFiles.FORMS.resolve("referral-intake-start.form"));
  final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  final ReferralValidator validator = new ReferralValidator(new FormSubmissions(List.of(new ReferralFormRules(clock))));

  ValidReferral validate(Map<String, Object> referral) {
    return validator.validate(START_FORM, referral);
  }

  List<FieldProblem> problems(Map<String, Object> referral) {
    try {
      validate(referral);
      return List.of();
    } catch (ReferralRefusedException refused) {
      return refused.problems();
    }
  }

  @Test
  void aCompleteReferralIsValidAndItsTextIsKeptExactlyAsWritten() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("A"));
    referral.put("personNhsNumber", "943 476 5919");
    ValidReferral valid = validate(referral);
    assertThat(valid.text(ReferralField.CONCERN_DESCRIPTION)).isEqualTo(referral.get("concernDescription"));
    assertThat(valid.date(ReferralField.PERSON_DATE_OF_BIRTH)).isEqualTo(LocalDate.parse(ReferralExamples.DATE_OF_BIRTH));
    assertThat(valid.codes(ReferralField.AGENCIES_INVOLVED)).containsExactly("EARLY_HELP", "EDUCATION");
    assertThat(valid.text(ReferralField.PERSON_NHS_NUMBER)).isEqualTo("9434765919");
    assertThat(valid.urgent()).isFalse();
  }

  @Test
  void everyBadFieldIsNamedAndNoValueIsRepeated() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("B"));
    referral.remove("personFamilyName");
    referral.put("personGivenNames", 42);
    referral.put("personDateOfBirth", "2011-02-30");
    referral.put("concernType", "SECRET_VALUE_X");
    referral.put("concernDescription", "y".repeat(10_001));
    referral.put("referrerEmail", "not-an-address-Q");
    referral.put("personNhsNumber", "9434765918");
    referral.put("agenciesInvolved", List.of("EDUCATION", "NOWHERE_Z"));
    referral.put("favouriteColour", "blue");

    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactlyInAnyOrder("personFamilyName",
        "personGivenNames", "personDateOfBirth", "concernType", "concernDescription", "referrerEmail",
        "personNhsNumber", "agenciesInvolved", "favouriteColour");
    assertThatThrownBy(() -> validate(referral)).isInstanceOf(ReferralRefusedException.class)
        .hasMessageStartingWith("The referral was not sent. There is a problem: ")
        .hasMessageContaining("Enter the person's family name [personFamilyName]")
        .hasMessageContaining("Given names must be text [personGivenNames]")
        .hasMessageContaining("Date of birth must be a real date [personDateOfBirth]")
        .hasMessageContaining("Select type of concern from the list [concernType]")
        .hasMessageContaining("Describe your concerns must be 10000 characters or fewer [concernDescription]")
        .hasMessageContaining("Enter an email address in the correct format, like name@example.com [referrerEmail]")
        .hasMessageContaining("Enter a valid NHS number, like 485 777 3456 [personNhsNumber]")
        .hasMessageContaining("'favouriteColour' is not a question on this form [favouriteColour]")
        .hasMessageNotContainingAny("SECRET_VALUE_X", "not-an-address-Q", "NOWHERE_Z", "blue", "yyyy", "9434765918");
  }

  @Test
  void aDateEnteredAsDayMonthAndYearIsThatDateWhateverTheBrowsersLocale() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("P"));
    referral.remove("personDateOfBirth");
    referral.put("personDateOfBirthDay", 9);
    referral.put("personDateOfBirthMonth", 3L);
    referral.put("personDateOfBirthYear", "2011");
    assertThat(validate(referral).date(ReferralField.PERSON_DATE_OF_BIRTH)).isEqualTo(LocalDate.of(2011, 3, 9));

    referral.put("urgency", "IMMEDIATE_RISK");
    referral.put("called999AtDay", 23.0);
    referral.put("called999AtMonth", 11);
    referral.put("called999AtYear", 2026);
    referral.put("called999AtTime", "11:05");
    assertThat(validate(referral).dateTime(ReferralField.CALLED_999_AT).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-23T11:05:00Z"));
  }

  @Test
  void dayMonthAndYearThatMakeNoRealDateAreRefusedNamingTheDate() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("Q"));
    referral.remove("personDateOfBirth");
    referral.put("personDateOfBirthDay", 30);
    referral.put("personDateOfBirthMonth", 2);
    referral.put("personDateOfBirthYear", 2011);
    assertThat(problems(referral)).singleElement().isEqualTo(new FieldProblem("personDateOfBirthDay",
        "Date of birth must be a real date"));
    referral.put("personDateOfBirthDay", 3);
    referral.remove("personDateOfBirthYear");
    assertThat(problems(referral)).singleElement()
        .isEqualTo(new FieldProblem("personDateOfBirthYear", "Date of birth must include a year"));
    referral.remove("personDateOfBirthMonth");
    assertThat(problems(referral)).singleElement()
        .isEqualTo(new FieldProblem("personDateOfBirthMonth", "Date of birth must include a month and year"));
    referral.put("personDateOfBirthMonth", 13);
    referral.put("personDateOfBirthYear", 2011);
    assertThat(problems(referral)).singleElement().as("the form's own message for the month")
        .isEqualTo(new FieldProblem("personDateOfBirthMonth", "The month of the date of birth must be a number from 1 to 12"));
    referral.put("personDateOfBirthMonth", 3);
    referral.put("personDateOfBirthYear", 11);
    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactly("personDateOfBirthYear");
  }

  @Test
  void aTimeOf999ThatIsNoTimeOfDayIsRefusedByTheFormsOwnWords() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("T"));
    referral.put("urgency", "IMMEDIATE_RISK");
    referral.put("called999AtDay", 23);
    referral.put("called999AtMonth", 11);
    referral.put("called999AtYear", 2026);
    referral.put("called999AtTime", "25:70");
    assertThat(problems(referral)).singleElement().isEqualTo(new FieldProblem("called999AtTime",
        "Enter the time 999 was called on the 24-hour clock, like 14:30"));
    referral.remove("called999AtTime");
    assertThat(problems(referral)).singleElement().as("the form's own words for the time left empty")
        .isEqualTo(new FieldProblem("called999AtTime", "Enter the time 999 was called, like 14:30"));
  }

  @Test
  void aPostcodePhoneOrEmailInTheWrongFormatIsRefusedWithAnExample() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("F"));
    referral.put("personPostcode", "PE1 ZZ9");
    referral.put("referrerPhone", "call me");
    referral.put("referrerEmail", "name.example.com");
    assertThat(problems(referral)).extracting(FieldProblem::message).containsExactly(
        "Enter a postcode, like PE1 1AB",
        "Enter an email address in the correct format, like name@example.com",
        "Enter a phone number, like 01632 960 001 or 07700 900 982");
  }

  @Test
  void anApproximateAgeStandsInForAnUnknownDateOfBirthAndOneOfThemIsNeeded() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("R"));
    referral.remove("personDateOfBirth");
    assertThat(problems(referral)).extracting(FieldProblem::message)
        .containsExactly("Enter the person's date of birth, or their approximate age if it is not known");
    referral.put("personApproximateAge", 16);
    assertThat(RecordReferral.ageBand(validate(referral), LocalDate.of(2026, 11, 23)))
        .isEqualTo(AgeBand.AGED_16_TO_17);
    referral.put("personApproximateAge", "about ten");
    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactly("personApproximateAge");
    referral.put("personApproximateAge", 15.5);
    assertThat(problems(referral)).as("whole years, as the form's decimalDigits says").containsExactly(new FieldProblem(
        "personApproximateAge", "The approximate age must be a whole number of years from 0 to 110"));
  }

  @Test
  void onlyAProfessionalReferrerMustGiveRoleOrganisationAndEmail() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("S"));
    referral.remove("referrerRole");
    referral.remove("referrerOrganisation");
    referral.remove("referrerEmail");
    assertThat(problems(referral)).extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("referrerRole", "referrerOrganisation", "referrerEmail");
    for (String relationship : List.of("FAMILY", "FRIEND", "MEMBER_OF_PUBLIC")) {
      referral.put("referrerRelationship", relationship);
      assertThat(problems(referral)).as(relationship).isEmpty();
    }
  }

  @Test
  void aFutureOrAncientDateOfBirthIsRefused() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("C"));
    referral.put("personDateOfBirth", "2026-11-24");
    assertThat(problems(referral)).singleElement()
        .isEqualTo(new FieldProblem("personDateOfBirth", "Date of birth must be in the past"));
    referral.put("personDateOfBirth", "1915-11-23");
    assertThat(problems(referral)).extracting(FieldProblem::message)
        .containsExactly("Date of birth must be after 23 November 1915");
    referral.put("personDateOfBirth", "1915-11-24");
    assertThat(problems(referral)).isEmpty();
  }

  @Test
  void namesWithControlInvisibleOrInvalidCharactersAreRefusedAndFreeTextKeepsThem() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("N"));
    referral.put("personGivenNames", "Ann\u0007e");
    referral.put("personFamilyName", "Smith\u202Egnop");
    referral.put("referrerName", "Jo\u200Bn");
    referral.put("personAliases", "Ozzy\nO.\uD800T.");
    referral.put("concernDescription", "Quoted post: \u202Ereversed\u200B text\tas written");
    assertThat(problems(referral)).extracting(FieldProblem::field)
        .containsExactly("personGivenNames", "personFamilyName", "personAliases", "referrerName");
    assertThat(problems(referral)).extracting(FieldProblem::message).containsExactly(
        "Given names must be on one line, with no tabs or other control characters",
        "Family name must not contain invisible characters, such as a zero-width space or a text-direction mark: "
            + "type the name again",
        "Aliases or other names must be typed again: part of it is not text (not UTF-8)",
        "Referrer's name must not contain invisible characters, such as a zero-width space or a text-direction "
            + "mark: type the name again");
    referral.put("personGivenNames", "Ren\uFFFD");
    assertThat(problems(referral)).extracting(FieldProblem::field).contains("personGivenNames");
  }

  @Test
  void namesAreKeptInNormalisationFormC() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("C"));
    referral.put("personGivenNames", "Zoe\u0308 Rene\u0301e");
    referral.put("personAliases", "Chloe\u0308\nAnai\u0308s");
    ValidReferral valid = validate(referral);
    assertThat(valid.text(ReferralField.PERSON_GIVEN_NAMES)).isEqualTo("Zo\u00EB Ren\u00E9e");
    assertThat(valid.text(ReferralField.PERSON_ALIASES)).isEqualTo("Chlo\u00EB\nAna\u00EFs");
  }

  @Test
  void anImmediateRiskNeedsWhen999WasCalledAndThatIsNotInTheFuture() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("D"));
    referral.put("urgency", "IMMEDIATE_RISK");
    assertThat(problems(referral)).as("named by the API's own key").containsExactly(
        new FieldProblem("called999At", "Enter the date and time 999 was called"));
    referral.put("called999At", "2026-11-23T13:00Z");
    assertThat(problems(referral)).extracting(FieldProblem::message).containsExactly("The date and time 999 was called must be in the past");
    referral.put("called999At", "2026-11-23T11:40Z");
    assertThat(validate(referral).urgent()).isTrue();
  }

  @Test
  void whatTheFormAsksOnlyOfSomeReferralsIsRefusedFromTheOthersAsTheFormHidesIt() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("H"));
    referral.put("called999At", "2026-11-23T11:40Z");
    referral.put("referrerRelationship", "FAMILY");
    referral.remove("referrerRole");
    referral.remove("referrerOrganisation");
    assertThat(problems(referral)).as("named by the API's own keys").containsExactly(
        new FieldProblem("referrerEmail", "Referrer's e-mail does not apply here: leave it empty"),
        new FieldProblem("called999At", "When 999 was called does not apply here: leave it empty"));
  }

  @Test
  void blankOptionalFieldsAreAbsentAndAgeBandsFollowTheStatistics() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("E"));
    referral.put("personPostcode", "");
    referral.put("personAliases", null);
    assertThat(validate(referral).values()).doesNotContainKeys(ReferralField.PERSON_POSTCODE,
        ReferralField.PERSON_ALIASES);
    LocalDate on = LocalDate.of(2026, 11, 23);
    assertThat(AgeBand.of(LocalDate.of(2016, 11, 24), on)).isEqualTo(AgeBand.UNDER_11);
    assertThat(AgeBand.of(LocalDate.of(2012, 4, 17), on)).isEqualTo(AgeBand.AGED_11_TO_15);
    assertThat(AgeBand.of(LocalDate.of(2009, 11, 23), on)).isEqualTo(AgeBand.AGED_16_TO_17);
    assertThat(AgeBand.of(LocalDate.of(2008, 11, 23), on)).isEqualTo(AgeBand.ADULT);
  }
}

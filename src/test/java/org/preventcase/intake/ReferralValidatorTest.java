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

/** The one validation of a referral: every bad field named, by key and label, never with its value. */
class ReferralValidatorTest {

  final ReferralValidator validator = new ReferralValidator(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"),
      ZoneOffset.UTC));

  List<FieldProblem> problems(Map<String, Object> referral) {
    try {
      validator.validate(referral);
      return List.of();
    } catch (ReferralRefusedException refused) {
      return refused.problems();
    }
  }

  @Test
  void aCompleteReferralIsValidAndItsTextIsKeptExactlyAsWritten() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("A"));
    referral.put("personNhsNumber", "943 476 5919");
    ValidReferral valid = validator.validate(referral);
    assertThat(valid.text(ReferralField.CONCERN_DESCRIPTION)).isEqualTo(referral.get("concernDescription"));
    assertThat(valid.date(ReferralField.PERSON_DATE_OF_BIRTH)).isEqualTo(LocalDate.of(2012, 4, 17));
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
    assertThatThrownBy(() -> validator.validate(referral)).isInstanceOf(ReferralRefusedException.class)
        .hasMessageStartingWith("The referral was not sent. Please correct: ")
        .hasMessageContaining("Family name is required")
        .hasMessageContaining("Given names must be text")
        .hasMessageContaining("Date of birth must be a real date")
        .hasMessageContaining("Type of concern must be one of EXTREME_RIGHT_WING")
        .hasMessageContaining("Describe your concerns is longer than 10000 characters")
        .hasMessageNotContainingAny("SECRET_VALUE_X", "not-an-address-Q", "NOWHERE_Z", "blue", "yyyy", "9434765918");
  }

  @Test
  void aDateEnteredAsDayMonthAndYearIsThatDateWhateverTheBrowsersLocale() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("P"));
    referral.remove("personDateOfBirth");
    referral.put("personDateOfBirthDay", 9);
    referral.put("personDateOfBirthMonth", 3L);
    referral.put("personDateOfBirthYear", "2011");
    assertThat(validator.validate(referral).date(ReferralField.PERSON_DATE_OF_BIRTH)).isEqualTo(LocalDate.of(2011, 3, 9));

    referral.put("urgency", "IMMEDIATE_RISK");
    referral.put("called999AtDay", 23.0);
    referral.put("called999AtMonth", 11);
    referral.put("called999AtYear", 2026);
    referral.put("called999AtTime", "11:05");
    assertThat(validator.validate(referral).dateTime(ReferralField.CALLED_999_AT).toInstant())
        .isEqualTo(java.time.Instant.parse("2026-11-23T11:05:00Z"));
  }

  @Test
  void dayMonthAndYearThatMakeNoRealDateAreRefusedNamingTheDate() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("Q"));
    referral.remove("personDateOfBirth");
    referral.put("personDateOfBirthDay", 30);
    referral.put("personDateOfBirthMonth", 2);
    referral.put("personDateOfBirthYear", 2011);
    assertThat(problems(referral)).singleElement().isEqualTo(new FieldProblem("personDateOfBirth",
        "Date of birth must be a real date, for example 27 3 2011"));
    referral.put("personDateOfBirthDay", 3);
    referral.remove("personDateOfBirthYear");
    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactly("personDateOfBirth");
  }

  @Test
  void anApproximateAgeStandsInForAnUnknownDateOfBirthAndOneOfThemIsNeeded() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("R"));
    referral.remove("personDateOfBirth");
    assertThat(problems(referral)).extracting(FieldProblem::message)
        .containsExactly("Date of birth is required, or the approximate age if the date of birth is not known");
    referral.put("personApproximateAge", 16);
    assertThat(RecordReferral.ageBand(validator.validate(referral), LocalDate.of(2026, 11, 23)))
        .isEqualTo(AgeBand.AGED_16_TO_17);
    referral.put("personApproximateAge", "about ten");
    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactly("personApproximateAge");
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
        .isEqualTo(new FieldProblem("personDateOfBirth", "Date of birth cannot be in the future"));
    referral.put("personDateOfBirth", "1915-11-23");
    assertThat(problems(referral)).extracting(FieldProblem::message)
        .containsExactly("Date of birth gives an age over 110: check the year");
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
        "Given names contains a control character (such as a tab or line break): write the name on one line",
        "Family name contains an invisible formatting character (a bidirectional override or a zero-width "
            + "character): type the name again",
        "Aliases or other names contains characters that are not valid text (not UTF-8): type the name again",
        "Referrer's name contains an invisible formatting character (a bidirectional override or a zero-width "
            + "character): type the name again");
    referral.put("personGivenNames", "Ren\uFFFD");
    assertThat(problems(referral)).extracting(FieldProblem::field).contains("personGivenNames");
  }

  @Test
  void namesAreKeptInNormalisationFormC() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("C"));
    referral.put("personGivenNames", "Zoe\u0308 Rene\u0301e");
    referral.put("personAliases", "Chloe\u0308\nAnai\u0308s");
    ValidReferral valid = validator.validate(referral);
    assertThat(valid.text(ReferralField.PERSON_GIVEN_NAMES)).isEqualTo("Zo\u00EB Ren\u00E9e");
    assertThat(valid.text(ReferralField.PERSON_ALIASES)).isEqualTo("Chlo\u00EB\nAna\u00EFs");
  }

  @Test
  void anImmediateRiskNeedsWhen999WasCalledAndThatIsNotInTheFuture() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("D"));
    referral.put("urgency", "IMMEDIATE_RISK");
    assertThat(problems(referral)).extracting(FieldProblem::field).containsExactly("called999At");
    referral.put("called999At", "2026-11-23T13:00Z");
    assertThat(problems(referral)).extracting(FieldProblem::message).containsExactly("When 999 was called cannot be in the future");
    referral.put("called999At", "2026-11-23T11:40Z");
    assertThat(validator.validate(referral).urgent()).isTrue();
  }

  @Test
  void blankOptionalFieldsAreAbsentAndAgeBandsFollowTheStatistics() {
    Map<String, Object> referral = new HashMap<>(ReferralExamples.valid("E"));
    referral.put("personPostcode", "");
    referral.put("personAliases", null);
    assertThat(validator.validate(referral).values()).doesNotContainKeys(ReferralField.PERSON_POSTCODE,
        ReferralField.PERSON_ALIASES);
    LocalDate on = LocalDate.of(2026, 11, 23);
    assertThat(AgeBand.of(LocalDate.of(2016, 11, 24), on)).isEqualTo(AgeBand.UNDER_11);
    assertThat(AgeBand.of(LocalDate.of(2012, 4, 17), on)).isEqualTo(AgeBand.AGED_11_TO_15);
    assertThat(AgeBand.of(LocalDate.of(2009, 11, 23), on)).isEqualTo(AgeBand.AGED_16_TO_17);
    assertThat(AgeBand.of(LocalDate.of(2008, 11, 23), on)).isEqualTo(AgeBand.ADULT);
  }
}

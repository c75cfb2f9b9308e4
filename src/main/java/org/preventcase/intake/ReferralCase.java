package org.preventcase.intake;

import static org.preventcase.intake.ReferralField.*;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preventcase.casefile.NewCase;

/**
 * How a valid referral is written into the case record: the person (names, aliases one per line,
 * date of birth, gender, address, NHS number), the referral's core facts and the national form's
 * other answers as details, text exactly as written.
 */
final class ReferralCase {

  /** Fields with a column of their own (the authority is the referral's tenant); every other field goes into the details. */
  private static final Set<ReferralField> COLUMNS = EnumSet.of(AUTHORITY_CODE, PERSON_GIVEN_NAMES, PERSON_FAMILY_NAME, PERSON_ALIASES,
      PERSON_DATE_OF_BIRTH, PERSON_GENDER, PERSON_ADDRESS, PERSON_POSTCODE, PERSON_NHS_NUMBER, REFERRER_SECTOR,
      CONCERN_TYPE, URGENCY, CONCERN_DESCRIPTION, REFERRER_EMAIL, CALLED_999_AT);

  private ReferralCase() {}

  static NewCase of(ValidReferral referral, String authorityCode, String referredBy, OffsetDateTime receivedAt,
      String submittedThrough) {
    NewCase.Person person = new NewCase.Person(referral.text(PERSON_GIVEN_NAMES), referral.text(PERSON_FAMILY_NAME),
        referral.date(PERSON_DATE_OF_BIRTH), referral.text(PERSON_GENDER), aliases(referral.text(PERSON_ALIASES)),
        referral.text(PERSON_ADDRESS), referral.text(PERSON_POSTCODE), referral.text(PERSON_NHS_NUMBER));
    Map<String, Object> details = new LinkedHashMap<>();
    referral.values().forEach((field, value) -> {
      if (!COLUMNS.contains(field)) {
        details.put(field.key(), value);
      }
    });
    NewCase.Referral facts = new NewCase.Referral(receivedAt, referral.text(REFERRER_SECTOR),
        referral.text(CONCERN_TYPE), referral.text(URGENCY), referral.text(CONCERN_DESCRIPTION), referredBy,
        referral.text(REFERRER_EMAIL), referral.dateTime(CALLED_999_AT), details, submittedThrough);
    return new NewCase(authorityCode, person, facts);
  }

  /** One alias per line (or separated by semicolons), each as written; blank lines dropped. */
  static List<String> aliases(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().flatMap(line -> java.util.Arrays.stream(line.split(";")))
        .filter(alias -> !alias.isBlank()).toList();
  }
}

package org.preventcase.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Invented referrals for the tests: every value is made up. */
public final class ReferralExamples {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The date of birth of {@link #valid}'s person, as the form submits it. */
  public static final String DATE_OF_BIRTH = "2012-04-17";

  private ReferralExamples() {}

  /** A complete, valid routine referral as the start form submits it; {@code marker} makes its text unique. */
  public static Map<String, Object> valid(String marker) {
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("personGivenNames", "Oswin" + marker);
    referral.put("personFamilyName", "Thackeray" + marker);
    referral.put("personAliases", "Ozzy" + marker + "\nO. T. Marsh" + marker);
    referral.put("personDateOfBirth", DATE_OF_BIRTH);
    referral.put("personGender", "MALE");
    referral.put("personAddress", "12 Imaginary Close " + marker + ", Peterborough");
    referral.put("personPostcode", "PE1 1ZZ");
    referral.put("personSchoolOrWorkplace", "Invented Academy " + marker);
    referral.put("personFamilyOrCarers", "Mother: Delphine" + marker);
    referral.put("referrerName", "Priya Referrer" + marker);
    referral.put("referrerRole", "Designated Safeguarding Lead");
    referral.put("referrerOrganisation", "Invented Academy");
    referral.put("referrerSector", "EDUCATION");
    referral.put("referrerEmail", "dsl" + marker + "@school.example");
    referral.put("referrerRelationship", "PROFESSIONAL");
    referral.put("concernType", "EXTREME_RIGHT_WING");
    referral.put("concernDescription", "Shared a post " + marker + " praising an attack: <script>alert('x')</script> & \"more\"");
    referral.put("concernOnlineActivity", "Forum posts " + marker);
    referral.put("agenciesInvolved", List.of("EARLY_HELP", "EDUCATION"));
    referral.put("personAwareOfReferral", "NO");
    referral.put("discussedWithSafeguardingLead", "YES");
    referral.put("directActionTaken", "NO");
    referral.put("otherAgenciesInformed", "NOT_KNOWN");
    referral.put("safeguardingReferralMade", "NO");
    referral.put("urgency", "ROUTINE");
    return referral;
  }

  /** The personal and narrative values of {@link #valid}: none may rest in the engine. */
  public static List<String> personalValues(String marker) {
    return List.of("Oswin" + marker, "Thackeray" + marker, "Ozzy" + marker, "Imaginary Close " + marker,
        "Invented Academy " + marker, "Delphine" + marker, "Priya Referrer" + marker, "dsl" + marker,
        "Shared a post " + marker, "Forum posts " + marker);
  }

  /**
   * The body of the engine REST API's submit-form, as Tasklist sends it: lists as Json, and each ISO
   * date as the start form's day, month and year numbers (a date-time adds its time of day).
   */
  public static String submitFormBody(Map<String, Object> referral) {
    Map<String, Object> variables = new LinkedHashMap<>();
    referral.forEach((key, value) -> {
      if (value instanceof List<?>) {
        variables.put(key, Map.of("value", json(value), "type", "Json"));
      } else if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}.*)?")) {
        variables.put(key + "Day", Map.of("value", Integer.parseInt(text.substring(8, 10)), "type", "Integer"));
        variables.put(key + "Month", Map.of("value", Integer.parseInt(text.substring(5, 7)), "type", "Integer"));
        variables.put(key + "Year", Map.of("value", Integer.parseInt(text.substring(0, 4)), "type", "Integer"));
        if (text.length() > 10) {
          variables.put(key + "Time", Map.of("value", text.substring(11, 16)));
        }
      } else {
        variables.put(key, Map.of("value", value));
      }
    });
    return json(Map.of("variables", variables));
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.preventcase.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What a referral records: the person and the referral, in one authority. */
public record NewCase(String authorityCode, Person person, Referral referral) {

  /** The person; {@code nhsNumber} is a strong identifier for the known-person match (optional). */
  public record Person(String givenNames, String familyName, LocalDate dateOfBirth, String gender,
      List<String> aliases, String address, String postcode, String nhsNumber) {

    public Person {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public Person(String givenNames, String familyName, LocalDate dateOfBirth, String gender, List<String> aliases,
        String address, String postcode) {
      this(givenNames, familyName, dateOfBirth, gender, aliases, address, postcode, null);
    }
  }

  /**
   * A referral: its core facts, who made it ({@code referredBy}, a user id; {@code referrerEmail} for
   * the acknowledgement), when 999 was called, and the national form's other answers ({@code details},
   * by form field key, text as written), and whether it came through the start form or the API.
   */
  public record Referral(OffsetDateTime receivedAt, String referrerSector, String concernType, String urgency,
      String concern, String referredBy, String referrerEmail, OffsetDateTime called999At,
      Map<String, Object> details, String submittedThrough) {

    public Referral {
      details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Referral(OffsetDateTime receivedAt, String referrerSector, String concernType, String urgency,
        String concern) {
      this(receivedAt, referrerSector, concernType, urgency, concern, null, null, null, Map.of(), null);
    }
  }
}

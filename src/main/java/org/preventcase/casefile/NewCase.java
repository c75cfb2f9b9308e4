package org.preventcase.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What opening a case records: the person, the first referral, and the stage the case starts in. */
public record NewCase(String authorityCode, Person person, Referral referral, String stage) {

  public record Person(String givenNames, String familyName, LocalDate dateOfBirth, String gender,
      List<String> aliases, String address, String postcode) {

    public Person {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  public record Referral(OffsetDateTime receivedAt, String referrerSector, String concernType, String urgency,
      String concern) {}
}

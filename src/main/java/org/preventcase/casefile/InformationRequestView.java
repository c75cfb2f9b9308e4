package org.preventcase.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.preventcase.vocabulary.PartnerAgency;

/**
 * What a partner agency sees of a case while its information request is open (the agency's page):
 * who the request is about, the concern as codes the page shows as labels, and what is asked. Nothing
 * else of the case: no referral text, no other agency's answer, no entries.
 *
 * @param dateOfBirth the person's date of birth, or null when the referrer knew only an approximate age
 * @param approximateAge the referrer's approximate age, when there is no date of birth
 * @param concernTypes the concern types of the case's referrals (vocabulary/ConcernType codes), oldest first
 */
public record InformationRequestView(String reference, String authorityName, PartnerAgency agency, String givenNames,
    String familyName, LocalDate dateOfBirth, Integer approximateAge, List<String> concernTypes, String asked,
    OffsetDateTime requestedAt, Instant dueAt) {

  public InformationRequestView {
    concernTypes = List.copyOf(concernTypes);
  }
}

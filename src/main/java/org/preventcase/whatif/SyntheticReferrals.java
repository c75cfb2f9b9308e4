package org.preventcase.whatif;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.ReferrerSector;

/**
 * An invented referral as the partner API's JSON gives it (the national referral form's fields): the facts the
 * mix decided, an invented person and referrer, and narrative that says it is synthetic. Friends and family
 * refer as a family member (no role or organisation); every other sector as a professional.
 */
public final class SyntheticReferrals {

  private static final List<String> ANSWERS = List.of("YES", "NO", "NOT_KNOWN");

  private SyntheticReferrals() {}

  public static Map<String, Object> body(SyntheticReferral referral, String authority, Random random) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("authorityCode", authority);
    body.put("personGivenNames", referral.givenName());
    body.put("personFamilyName", referral.familyName());
    body.put("personDateOfBirth", referral.dateOfBirth().toString());
    body.put("personGender", referral.gender());
    ReferrerSector sector = ReferrerSector.valueOf(referral.referrerSector());
    body.put("referrerSector", sector.name());
    body.put("referrerName", "What-if Referrer " + referral.familyName());
    if (sector == ReferrerSector.FRIENDS_AND_FAMILY) {
      body.put("referrerRelationship", "FAMILY");
    } else {
      body.put("referrerRelationship", "PROFESSIONAL");
      body.put("referrerRole", "Synthetic referrer");
      body.put("referrerOrganisation", "Synthetic organisation: " + sector.label());
      body.put("referrerEmail", "referrer@what-if.invalid");
    }
    body.put("concernType", referral.concernType());
    body.put("concernDescription", "Synthetic what-if referral " + referral.number() + ": "
        + ConcernType.valueOf(referral.concernType()).label() + ".");
    body.put("personAwareOfReferral", pick(random));
    body.put("discussedWithSafeguardingLead", pick(random));
    body.put("directActionTaken", pick(random));
    body.put("otherAgenciesInformed", pick(random));
    body.put("safeguardingReferralMade", pick(random));
    body.put("urgency", "ROUTINE");
    return body;
  }

  private static String pick(Random random) {
    return ANSWERS.get(random.nextInt(ANSWERS.size()));
  }
}

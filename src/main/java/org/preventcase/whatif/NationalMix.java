package org.preventcase.whatif;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The national mix of a Prevent year (England and Wales, 2024/25: process.md §6.2–§6.8) as weights, mostly
 * the published counts themselves. Where the release gives no split the weights are our assumption,
 * documented in docs/what-if.md: the 2,123 referrals of the sectors it does not name, the 715 of the
 * concern types it does not name, the ages within the 18+ band, and the months other than January to March.
 */
final class NationalMix {

  private NationalMix() {}

  /** §6.2: education 3,129, police 2,631, local authority 895; the other 2,123 by our assumption. */
  static final Map<String, Integer> SECTOR = weights(
      "EDUCATION", 3129, "POLICE", 2631, "LOCAL_AUTHORITY", 895, "HEALTH", 700, "HIGHER_EDUCATION", 176,
      "CHILDRENS_SOCIAL_CARE", 176, "PRISONS", 176, "PROBATION", 176, "COMMUNITY", 176, "FRIENDS_AND_FAMILY", 176,
      "YOUTH_JUSTICE", 88, "ADULT_SOCIAL_CARE", 88, "DWP_JOBCENTRE_PLUS", 44, "HOME_OFFICE_IMMIGRATION", 44,
      "OTHER_GOVERNMENT", 44, "OTHER", 59);

  /**
   * §6.3 (8,769 with a type): no ideology 4,917, of which 34% of all referrals "no specific ideology" (2,981)
   * and the rest other susceptibility (1,936); Extreme Right-Wing 1,798; Islamist 870; fascination with extreme
   * violence 469; the other 715 by our assumption.
   */
  static final Map<String, Integer> CONCERN = weights(
      "NO_IDEOLOGY", 2981, "NO_IDEOLOGY_OTHER_SUSCEPTIBILITY", 1936, "EXTREME_RIGHT_WING", 1798, "ISLAMIST", 870,
      "EXTREME_VIOLENCE_FASCINATION", 469, "LEFT_WING_ANARCHIST_SINGLE_ISSUE", 250, "INCEL", 150, "CONFLICTED", 150,
      "OTHER", 165);

  /**
   * §6.5 (8,759 with a known age): 10 or under 345, 11–15 3,192, 16–17 1,178, 18 or over 4,044, split by our
   * assumption into 18–20, 21–30, 31–40, 41–50, 51–60 and 61–75. The 19 of unknown age are left out: the
   * referral form asks for a date of birth or an approximate age.
   */
  static final Map<AgeRange, Integer> AGE = new LinkedHashMap<>();

  static {
    AGE.put(new AgeRange(7, 10), 345);
    AGE.put(new AgeRange(11, 15), 3192);
    AGE.put(new AgeRange(16, 17), 1178);
    AGE.put(new AgeRange(18, 20), 1011);
    AGE.put(new AgeRange(21, 30), 1415);
    AGE.put(new AgeRange(31, 40), 809);
    AGE.put(new AgeRange(41, 50), 405);
    AGE.put(new AgeRange(51, 60), 243);
    AGE.put(new AgeRange(61, 75), 161);
  }

  /** §6.6, §6.8: 89–90% male. */
  static final Map<String, Integer> GENDER = weights("MALE", 895, "FEMALE", 100, "OTHER", 2, "NOT_KNOWN", 3);

  /**
   * §6.8, April to March: January to March 37% of the year (3,287 of 8,778), a school-term effect with August
   * about a third of July (120 against 349 in 2015); the other months by our assumption.
   */
  static final int[] MONTH = {65, 75, 75, 80, 30, 70, 80, 80, 75, 120, 120, 130};

  /** An age range in whole years when referred. */
  record AgeRange(int from, int to) {}

  private static Map<String, Integer> weights(Object... pairs) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      weights.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return weights;
  }
}

package org.preventcase.whatif;

import java.util.Random;

/**
 * Names of invented people that cannot be a real person's: a given name of made-up syllables and the
 * family name "Whatif" followed by letters that spell the referral's number, so that no two are alike
 * (no invented person is taken for another by the known-person match).
 */
final class SyntheticNames {

  private static final String[] FIRST = {"Zor", "Quil", "Vex", "Pim", "Olt", "Brax", "Quen", "Dru", "Xan", "Yev"};
  private static final String[] LAST = {"avo", "etti", "umbo", "ix", "arl", "ondo", "esk", "uvi", "yth", "oq"};

  private SyntheticNames() {}

  static String givenName(Random random) {
    return FIRST[random.nextInt(FIRST.length)] + LAST[random.nextInt(LAST.length)];
  }

  /** "Whatif" and the number in base 26 as lower-case letters: 0 is "Whatifa", 27 "Whatifbb". */
  static String familyName(int number) {
    StringBuilder letters = new StringBuilder();
    int rest = number;
    do {
      letters.insert(0, (char) ('a' + rest % 26));
      rest /= 26;
    } while (rest > 0);
    return "Whatif" + letters;
  }
}

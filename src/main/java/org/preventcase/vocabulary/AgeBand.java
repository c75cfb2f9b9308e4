package org.preventcase.vocabulary;

import java.time.LocalDate;
import java.time.Period;

/**
 * The person's age band when referred, in the Home Office statistics' bands from 2024/25
 * (process.md §6.5): a non-identifying fact Tasklist filters and the later stages (consent of a
 * parent or guardian under 18) can use without the date of birth.
 */
public enum AgeBand {
  UNDER_11("Under 11"), AGED_11_TO_15("11 to 15"), AGED_16_TO_17("16 to 17"), ADULT("18 or over");

  private final String label;

  AgeBand(String label) {
    this.label = label;
  }

  /** The band as a person reads it ("11 to 15"). */
  public String label() {
    return label;
  }

  public static AgeBand of(LocalDate dateOfBirth, LocalDate on) {
    return ofYears(Period.between(dateOfBirth, on).getYears());
  }

  /** The band of an age in whole years (a date of birth's, or the referrer's approximate age). */
  public static AgeBand ofYears(int years) {
    if (years < 11) {
      return UNDER_11;
    }
    if (years < 16) {
      return AGED_11_TO_15;
    }
    return years < 18 ? AGED_16_TO_17 : ADULT;
  }
}

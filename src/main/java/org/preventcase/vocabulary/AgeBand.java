package org.preventcase.vocabulary;

import java.time.LocalDate;
import java.time.Period;

/**
 * The person's age band when referred, in the Home Office statistics' bands from 2024/25
 * (process.md §6.5): a non-identifying fact Tasklist filters and the later stages (consent of a
 * parent or guardian under 18) can use without the date of birth.
 */
public enum AgeBand {
  UNDER_11, AGED_11_TO_15, AGED_16_TO_17, ADULT;

  public static AgeBand of(LocalDate dateOfBirth, LocalDate on) {
    int years = Period.between(dateOfBirth, on).getYears();
    if (years < 11) {
      return UNDER_11;
    }
    if (years < 16) {
      return AGED_11_TO_15;
    }
    return years < 18 ? AGED_16_TO_17 : ADULT;
  }
}

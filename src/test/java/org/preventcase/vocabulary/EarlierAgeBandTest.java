package org.preventcase.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both age-band schemes of the Home Office statistics (process.md §6.5), at every boundary. */
class EarlierAgeBandTest {

  @ParameterizedTest
  @CsvSource({"0, UNDER_15, UNDER_11", "10, UNDER_15, UNDER_11", "11, UNDER_15, AGED_11_TO_15",
      "14, UNDER_15, AGED_11_TO_15", "15, AGED_15_TO_20, AGED_11_TO_15", "16, AGED_15_TO_20, AGED_16_TO_17",
      "17, AGED_15_TO_20, AGED_16_TO_17", "18, AGED_15_TO_20, ADULT", "20, AGED_15_TO_20, ADULT",
      "21, AGED_21_TO_30, ADULT", "30, AGED_21_TO_30, ADULT", "31, AGED_31_TO_40, ADULT", "40, AGED_31_TO_40, ADULT",
      "41, AGED_41_TO_50, ADULT", "50, AGED_41_TO_50, ADULT", "51, AGED_51_TO_60, ADULT", "60, AGED_51_TO_60, ADULT",
      "61, AGED_61_OR_OVER, ADULT", "97, AGED_61_OR_OVER, ADULT"})
  void anAgeFallsInOneBandOfEachScheme(int years, EarlierAgeBand earlier, AgeBand current) {
    assertThat(EarlierAgeBand.ofYears(years)).isEqualTo(earlier);
    assertThat(AgeBand.ofYears(years)).isEqualTo(current);
  }
}

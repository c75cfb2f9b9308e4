package org.preventcase.vocabulary;

/**
 * The person's age band when referred, in the bands of the Home Office statistics before 2024/25
 * (process.md §6.5: under 15, 15 to 20, 21 to 30, ...), kept beside {@link AgeBand} so that the board
 * can compare this year with the releases of earlier years.
 */
public enum EarlierAgeBand {
  UNDER_15("Under 15"), AGED_15_TO_20("15 to 20"), AGED_21_TO_30("21 to 30"), AGED_31_TO_40("31 to 40"),
  AGED_41_TO_50("41 to 50"), AGED_51_TO_60("51 to 60"), AGED_61_OR_OVER("61 or over");

  private final String label;

  EarlierAgeBand(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The band of an age in whole years. */
  public static EarlierAgeBand ofYears(int years) {
    if (years < 15) {
      return UNDER_15;
    }
    if (years <= 20) {
      return AGED_15_TO_20;
    }
    int decade = (years - 1) / 10; // 21-30 -> 2, 31-40 -> 3, ...
    return decade >= 6 ? AGED_61_OR_OVER : values()[decade];
  }
}

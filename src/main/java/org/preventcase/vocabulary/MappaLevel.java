package org.preventcase.vocabulary;

/**
 * The MAPPA levels of management (the MAPPA guidance), offered by their numbers ("1" to "3") with
 * the guidance's names as labels.
 */
public enum MappaLevel implements NumberedOption {
  LEVEL_1(1, "Level 1: ordinary agency management"),
  LEVEL_2(2, "Level 2: active multi-agency management"),
  LEVEL_3(3, "Level 3: active multi-agency management with senior staff");

  private final int number;
  private final String label;

  MappaLevel(int number, String label) {
    this.number = number;
    this.label = label;
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public String label() {
    return label;
  }
}

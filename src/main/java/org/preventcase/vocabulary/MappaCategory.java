package org.preventcase.vocabulary;

/**
 * The MAPPA categories (Criminal Justice Act 2003 ss325-327 and the MAPPA guidance; process.md §2.9),
 * offered by their numbers ("1" to "4", the value the MAPPA coordinator's form submits) with the
 * guidance's names as labels.
 */
public enum MappaCategory implements NumberedOption {
  CATEGORY_1(1, "Category 1: registered sexual offenders"),
  CATEGORY_2(2, "Category 2: violent offenders"),
  CATEGORY_3(3, "Category 3: other dangerous offenders"),
  CATEGORY_4(4, "Category 4: terrorist and terrorist-risk offenders");

  private final int number;
  private final String label;

  MappaCategory(int number, String label) {
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

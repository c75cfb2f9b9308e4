package org.preventcase.authority;

/** The kind of a local authority, read from its ONS/GSS code's entity prefix. */
public enum LocalAuthorityKind {
  UNITARY("E06"),
  NON_METROPOLITAN_DISTRICT("E07"),
  METROPOLITAN_DISTRICT("E08"),
  /** The 32 London boroughs and the City of London (E09000001). */
  LONDON_BOROUGH("E09"),
  COUNTY("E10"),
  WELSH_PRINCIPAL_AREA("W06");

  private final String prefix;

  LocalAuthorityKind(String prefix) {
    this.prefix = prefix;
  }

  public static LocalAuthorityKind ofCode(String code) {
    if (code != null && code.matches("[EW]\\d{8}")) {
      for (LocalAuthorityKind kind : values()) {
        if (code.startsWith(kind.prefix)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("Not a local authority code of England or Wales: " + code);
  }
}

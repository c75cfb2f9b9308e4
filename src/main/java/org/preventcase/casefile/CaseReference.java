package org.preventcase.casefile;

import java.util.regex.Pattern;

/**
 * Case references: &lt;authority code&gt;-&lt;year&gt;-&lt;5-digit number per authority and year&gt;,
 * e.g. E06000031-2026-00042. Not a secret: knowing one grants nothing.
 */
public final class CaseReference {

  public static final Pattern PATTERN = Pattern.compile("[EW]\\d{8}-\\d{4}-\\d{5,}");

  private CaseReference() {}

  /** The authority a well-formed reference belongs to (its first part). */
  public static String authorityOf(String reference) {
    if (reference == null || !PATTERN.matcher(reference).matches()) {
      throw new IllegalArgumentException("Not a case reference");
    }
    return reference.substring(0, reference.indexOf('-'));
  }

  public static String format(String authorityCode, int year, int number) {
    return "%s-%04d-%05d".formatted(authorityCode, year, number);
  }
}

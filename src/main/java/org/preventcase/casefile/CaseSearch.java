package org.preventcase.casefile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a user searches cases by: a case reference, a name (given names, family name or an alias,
 * compared as {@link PersonNames} normalises them, every word given must be in the name) and a date
 * of birth. Each given criterion must match; at least one is given.
 */
public record CaseSearch(String reference, String name, LocalDate dateOfBirth) {

  public CaseSearch {
    reference = reference == null || reference.isBlank() ? null : reference.strip();
    name = name == null || PersonNames.key(name).isEmpty() ? null : name.strip();
    if (reference == null && name == null && dateOfBirth == null) {
      throw new IllegalArgumentException("Enter a case reference, a name or a date of birth");
    }
  }

  /** Whether this person's name or one of their aliases holds every word of the name searched for. */
  boolean nameMatches(String givenNames, String familyName, List<String> aliases) {
    if (name == null) {
      return true;
    }
    List<String> wanted = words(PersonNames.key(name));
    return words(PersonNames.key(givenNames, familyName)).containsAll(wanted)
        || aliases.stream().anyMatch(alias -> words(PersonNames.key(alias)).containsAll(wanted));
  }

  private static List<String> words(String key) {
    return Arrays.asList(key.split(" "));
  }
}

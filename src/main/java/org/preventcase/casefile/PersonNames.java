package org.preventcase.casefile;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names as the known-person match compares them: accents, case, punctuation and spacing removed,
 * common spellings of the same name made one, and the words sorted (so "Ali, Omar" is "Omar Ali").
 */
public final class PersonNames {

  /** Spellings that are the same name (first is the key), kept short and uncontroversial. */
  private static final Map<String, String> SAME_NAME = Map.ofEntries(
      Map.entry("mohammed", "muhammad"), Map.entry("mohammad", "muhammad"), Map.entry("mohamed", "muhammad"),
      Map.entry("muhammed", "muhammad"), Map.entry("mohamad", "muhammad"), Map.entry("jon", "john"),
      Map.entry("jonathon", "jonathan"), Map.entry("stephen", "steven"), Map.entry("mohd", "muhammad"));

  private PersonNames() {}

  /** One word of a name, normalised. */
  static String word(String word) {
    String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    return SAME_NAME.getOrDefault(plain, plain);
  }

  /** The normalised, word-sorted key of a whole name (given names and family name, or an alias). */
  public static String key(String... parts) {
    return Arrays.stream(parts).filter(part -> part != null)
        .flatMap(part -> Arrays.stream(part.split("[^\\p{L}\\p{N}]+")))
        .filter(word -> !word.isBlank()).map(PersonNames::word).sorted().collect(Collectors.joining(" "));
  }

  /** A postcode or an address compared without case, spacing or punctuation. */
  static String compact(String text) {
    return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}

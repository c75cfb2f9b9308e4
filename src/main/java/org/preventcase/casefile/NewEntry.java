package org.preventcase.casefile;

/** An entry to append to a case record; text is stored exactly as written. */
public record NewEntry(EntryKind kind, String summary, String body) {

  public NewEntry {
    if (kind == null || summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("An entry needs a kind and a summary");
    }
  }
}

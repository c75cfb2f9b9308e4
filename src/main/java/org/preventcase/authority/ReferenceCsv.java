package org.preventcase.authority;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference CSVs (RFC 4180: comma-separated, double quotes around a value holding a comma
 * or a quote, a quote doubled inside). The first line is the header and is skipped; blank lines too.
 */
public final class ReferenceCsv {

  private ReferenceCsv() {}

  public static List<List<String>> rows(String csv) {
    List<List<String>> rows = new ArrayList<>();
    String[] lines = csv.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(fields(lines[i]));
      }
    }
    return rows;
  }

  public static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return fields;
  }
}

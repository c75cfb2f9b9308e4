package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preventcase.authority.ReferenceCsv;

/**
 * A reader who wants the withheld counts back: reads the published CSVs (a year's, and the year before's),
 * writes down every sum anyone can check (the quarters add up to the year, a table that splits the
 * referrals adds up to "All referrals", which is the same in every table; this year's "previous year"
 * column is last year's year; a change is the difference of its two figures), and narrows every withheld
 * count by interval propagation from 0 and the largest total until nothing moves. A count whose interval
 * closes to one value has been rebuilt.
 */
final class Attacker {

  /** A withheld count that was worked out, and its value. */
  record Rebuilt(String cell, long value) {}

  private final Map<String, Integer> variables = new LinkedHashMap<>();
  private final List<Long> known = new ArrayList<>();
  private final List<Map<Integer, Integer>> equations = new ArrayList<>();

  private int variable(String name) {
    return variables.computeIfAbsent(name, key -> {
      known.add(null);
      return known.size() - 1;
    });
  }

  private void publish(String name, String text) {
    int v = variable(name);
    String plain = text.replace(",", "");
    if (plain.matches("[+-]?[0-9]+")) {
      known.set(v, Long.parseLong(plain));
    } else if (!text.equals(Figure.WITHHELD_TEXT)) {
      throw new AssertionError("unexpected published text " + text + " in " + name);
    }
  }

  private void equation(Map<String, Integer> terms) {
    Map<Integer, Integer> equation = new HashMap<>();
    terms.forEach((name, coefficient) -> equation.merge(variable(name), coefficient, Integer::sum));
    equations.add(equation);
  }

  /** Reads one year's CSV (its "Year" heading names the year: the previous year's "Year" column is linked to it). */
  Attacker read(String csv) {
    List<List<String>> rows = ReferenceCsv.rows(csv); // the title line skipped: the legend, the header, the lines
    List<String> header = rows.get(1);
    String year = header.get(6).replace("Year ", "");
    String previous = header.get(7).replace("Year ", "");
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (List<String> row : rows.subList(2, rows.size())) {
      String table = row.get(0);
      String line = row.get(1);
      if (line.equals("Median days") || line.equals("90th percentile days")) {
        continue;
      }
      String lineName = line.equals("All referrals") ? "All referrals" : table + "/" + line;
      tables.computeIfAbsent(table, key -> new ArrayList<>()).add(lineName);
      for (int q = 0; q < 5; q++) {
        publish(year + "/" + lineName + "/" + q, row.get(2 + q));
      }
      publish(previous + "/" + lineName + "/4", row.get(7));
      publish(year + "/" + lineName + "/change", row.get(8));
      Map<String, Integer> quarters = new LinkedHashMap<>();
      for (int q = 0; q < 4; q++) {
        quarters.put(year + "/" + lineName + "/" + q, 1);
      }
      quarters.put(year + "/" + lineName + "/4", -1);
      equation(quarters);
      equation(Map.of(year + "/" + lineName + "/4", 1, previous + "/" + lineName + "/4", -1,
          year + "/" + lineName + "/change", -1));
    }
    tables.forEach((table, lines) -> {
      if (lines.get(lines.size() - 1).equals("All referrals")) {
        for (int q = 0; q < 5; q++) {
          Map<String, Integer> split = new LinkedHashMap<>();
          for (String line : lines.subList(0, lines.size() - 1)) {
            split.put(year + "/" + line + "/" + q, 1);
          }
          split.put(year + "/All referrals/" + q, -1);
          equation(split);
        }
      }
    });
    return this;
  }

  /** Every withheld count the published figures pin down. */
  List<Rebuilt> rebuild() {
    int n = known.size();
    long largest = known.stream().filter(java.util.Objects::nonNull).mapToLong(Math::abs).max().orElse(0) * 2 + 10;
    long[] low = new long[n];
    long[] high = new long[n];
    List<String> names = new ArrayList<>(variables.keySet());
    for (int v = 0; v < n; v++) {
      boolean change = names.get(v).endsWith("/change");
      low[v] = known.get(v) != null ? known.get(v) : change ? -largest : 0;
      high[v] = known.get(v) != null ? known.get(v) : largest;
    }
    boolean moved = true;
    for (int round = 0; moved && round < 10_000; round++) {
      moved = false;
      for (Map<Integer, Integer> equation : equations) {
        for (Map.Entry<Integer, Integer> term : equation.entrySet()) {
          int v = term.getKey();
          int a = term.getValue();
          if (a == 0) {
            continue;
          }
          // a*x_v = -(sum of the others): bound the others' sum
          long othersLow = 0;
          long othersHigh = 0;
          for (Map.Entry<Integer, Integer> other : equation.entrySet()) {
            if (other.getKey() == v) {
              continue;
            }
            int b = other.getValue();
            othersLow += b > 0 ? b * low[other.getKey()] : b * high[other.getKey()];
            othersHigh += b > 0 ? b * high[other.getKey()] : b * low[other.getKey()];
          }
          long newLow = a > 0 ? ceilDiv(-othersHigh, a) : ceilDiv(-othersLow, a);
          long newHigh = a > 0 ? floorDiv(-othersLow, a) : floorDiv(-othersHigh, a);
          if (newLow > low[v]) {
            low[v] = newLow;
            moved = true;
          }
          if (newHigh < high[v]) {
            high[v] = newHigh;
            moved = true;
          }
          if (low[v] > high[v]) {
            throw new AssertionError("the published figures contradict each other at " + names.get(v));
          }
        }
      }
    }
    List<Rebuilt> rebuilt = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      if (known.get(v) == null && low[v] == high[v] && !names.get(v).endsWith("/change")) {
        rebuilt.add(new Rebuilt(names.get(v), low[v]));
      }
    }
    return rebuilt;
  }

  private static long floorDiv(long x, int a) {
    return Math.floorDiv(x, a);
  }

  private static long ceilDiv(long x, int a) {
    return -Math.floorDiv(-x, a);
  }
}

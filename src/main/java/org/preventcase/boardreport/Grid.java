package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of a publication and what a reader knows ties them together: every count is a cell, and
 * every sum a reader can check is an equation (the quarters add up to the year, a table's rows to its
 * total, the total shared by every table of the same referrals). {@link Suppression} decides from
 * this which cells to withhold.
 */
final class Grid {

  /** Cells {@code parts} add up to cell {@code total}. */
  record Sum(int total, List<Integer> parts) {
    List<Integer> cells() {
      List<Integer> all = new ArrayList<>(parts);
      all.add(total);
      return all;
    }
  }

  private final List<Integer> values = new ArrayList<>();
  private final List<Sum> sums = new ArrayList<>();

  /** A new cell holding this count; returns its index. */
  int cell(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("A count is never negative");
    }
    values.add(Math.toIntExact(value));
    return values.size() - 1;
  }

  /** Records that the parts add up to the total (checked: a grid that does not add up is a bug). */
  void sum(int total, List<Integer> parts) {
    long added = parts.stream().mapToLong(values::get).sum();
    if (added != values.get(total)) {
      throw new IllegalStateException("The parts add up to " + added + ", not to their total " + values.get(total));
    }
    sums.add(new Sum(total, List.copyOf(parts)));
  }

  int value(int cell) {
    return values.get(cell);
  }

  int size() {
    return values.size();
  }

  List<Sum> sums() {
    return sums;
  }
}

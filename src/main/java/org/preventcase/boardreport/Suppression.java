package org.preventcase.boardreport;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Small-number suppression, the one component every published figure passes through before anything is
 * rendered (docs/board-report.md). Primary: every count from 1 to the threshold less one is withheld.
 * Complementary: while a reader could still work a withheld count out from what is shown (a sum with one
 * withheld cell; or any combination of the sums, which the exact check below finds), the smallest
 * non-zero count shown in a sum holding it is withheld too. Zeros are never withheld, so every withheld
 * count is at least 1 and the only thing that can determine one is the sums themselves: the check is
 * exact linear algebra over the rationals (a withheld cell is determined when the unit vector of its cell
 * lies in the row space of the sums restricted to the withheld cells).
 */
@Component
public class Suppression {

  private final int threshold;

  public Suppression(BoardReportProperties properties) {
    this.threshold = properties.suppressionThreshold();
  }

  int threshold() {
    return threshold;
  }

  /** The cells to withhold. */
  BitSet apply(Grid grid) {
    BitSet withheld = new BitSet(grid.size());
    for (int cell = 0; cell < grid.size(); cell++) {
      if (grid.value(cell) > 0 && grid.value(cell) < threshold) {
        withheld.set(cell);
      }
    }
    while (true) {
      if (completeSingles(grid, withheld)) {
        continue;
      }
      Optional<Integer> determined = determined(grid, withheld).stream().findFirst();
      if (determined.isEmpty()) {
        return withheld;
      }
      Optional<Integer> partner = partnerFor(grid, withheld, determined.get());
      if (partner.isEmpty()) {
        throw new IllegalStateException("No count is left to withhold beside a determined one");
      }
      withheld.set(partner.get());
    }
  }

  /** For each sum with exactly one withheld cell, withholds its smallest non-zero shown cell; true if any was. */
  private static boolean completeSingles(Grid grid, BitSet withheld) {
    boolean changed = false;
    for (Grid.Sum sum : grid.sums()) {
      if (sum.cells().stream().filter(withheld::get).count() == 1) {
        Optional<Integer> partner = smallestShown(grid, withheld, sum.cells());
        partner.ifPresent(withheld::set);
        changed |= partner.isPresent();
      }
    }
    return changed;
  }

  /** The smallest non-zero shown cell of a sum holding the cell, else of a sum holding a withheld neighbour. */
  private static Optional<Integer> partnerFor(Grid grid, BitSet withheld, int cell) {
    BitSet reached = new BitSet();
    reached.set(cell);
    List<Integer> frontier = List.of(cell);
    while (!frontier.isEmpty()) {
      List<Integer> cells = new ArrayList<>();
      for (Grid.Sum sum : grid.sums()) {
        if (frontier.stream().anyMatch(sum.cells()::contains)) {
          cells.addAll(sum.cells());
        }
      }
      Optional<Integer> shown = smallestShown(grid, withheld, cells);
      if (shown.isPresent()) {
        return shown;
      }
      frontier = cells.stream().filter(c -> !reached.get(c)).distinct().toList();
      frontier.forEach(reached::set);
    }
    return Optional.empty();
  }

  private static Optional<Integer> smallestShown(Grid grid, BitSet withheld, List<Integer> cells) {
    return cells.stream().filter(c -> !withheld.get(c) && grid.value(c) > 0)
        .min(Comparator.comparingInt(grid::value).thenComparing(Comparator.naturalOrder()));
  }

  /** The withheld cells a reader can work out exactly from the shown ones and the sums. */
  static List<Integer> determined(Grid grid, BitSet withheld) {
    int[] column = new int[grid.size()];
    List<Integer> unknowns = withheld.stream().boxed().toList();
    for (int i = 0; i < unknowns.size(); i++) {
      column[unknowns.get(i)] = i;
    }
    List<Rational[]> rows = new ArrayList<>();
    for (Grid.Sum sum : grid.sums()) {
      if (sum.cells().stream().noneMatch(withheld::get)) {
        continue;
      }
      Rational[] row = new Rational[unknowns.size()];
      java.util.Arrays.fill(row, Rational.ZERO);
      for (int part : sum.parts()) {
        if (withheld.get(part)) {
          row[column[part]] = row[column[part]].add(Rational.ONE);
        }
      }
      if (withheld.get(sum.total())) {
        row[column[sum.total()]] = row[column[sum.total()]].subtract(Rational.ONE);
      }
      rows.add(row);
    }
    int[] pivotRow = reduce(rows, unknowns.size());
    return IntStream.range(0, unknowns.size()).filter(c -> pivotRow[c] >= 0 && onlyEntry(rows.get(pivotRow[c]), c))
        .mapToObj(unknowns::get).toList();
  }

  private static boolean onlyEntry(Rational[] row, int column) {
    for (int c = 0; c < row.length; c++) {
      if (c != column && !row[c].isZero()) {
        return false;
      }
    }
    return true;
  }

  /** Reduced row echelon form in place; returns, per column, the row of its pivot (or -1). */
  private static int[] reduce(List<Rational[]> rows, int columns) {
    int[] pivotRow = new int[columns];
    java.util.Arrays.fill(pivotRow, -1);
    int next = 0;
    for (int c = 0; c < columns && next < rows.size(); c++) {
      int found = -1;
      for (int r = next; r < rows.size(); r++) {
        if (!rows.get(r)[c].isZero()) {
          found = r;
          break;
        }
      }
      if (found < 0) {
        continue;
      }
      java.util.Collections.swap(rows, next, found);
      Rational[] pivot = rows.get(next);
      Rational scale = pivot[c];
      for (int k = 0; k < columns; k++) {
        pivot[k] = pivot[k].divide(scale);
      }
      for (int r = 0; r < rows.size(); r++) {
        Rational[] row = rows.get(r);
        if (r != next && !row[c].isZero()) {
          Rational factor = row[c];
          for (int k = 0; k < columns; k++) {
            if (!pivot[k].isZero()) {
              row[k] = row[k].subtract(factor.multiply(pivot[k]));
            }
          }
        }
      }
      pivotRow[c] = next++;
    }
    return pivotRow;
  }

  /** An exact fraction, for the elimination. */
  record Rational(BigInteger numerator, BigInteger denominator) {
    static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    static Rational of(BigInteger numerator, BigInteger denominator) {
      if (denominator.signum() < 0) {
        numerator = numerator.negate();
        denominator = denominator.negate();
      }
      BigInteger gcd = numerator.gcd(denominator);
      return gcd.signum() == 0 || gcd.equals(BigInteger.ONE) ? new Rational(numerator, denominator)
          : new Rational(numerator.divide(gcd), denominator.divide(gcd));
    }

    boolean isZero() {
      return numerator.signum() == 0;
    }

    Rational add(Rational other) {
      return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
          denominator.multiply(other.denominator));
    }

    Rational subtract(Rational other) {
      return add(new Rational(other.numerator.negate(), other.denominator));
    }

    Rational multiply(Rational other) {
      return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Rational divide(Rational other) {
      return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }
  }
}

package org.preventcase.boardreport;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One published figure: a count, a change between two counts, a number of days, or withheld. Built only
 * from suppressed counts (BoardReports), so whatever renders a figure (page, chart, CSV, print) never sees
 * a withheld count. {@code number} is empty for a withheld or blank figure.
 */
public record Figure(String text, Double number, Kind kind) {

  /** What the figure is; {@code WITHHELD} reads as {@link #WITHHELD_TEXT}. */
  public enum Kind { COUNT, CHANGE, DAYS, WITHHELD, NOT_ENOUGH, BLANK }

  /** The one marker of every withheld count, small or withheld beside a small one (docs/board-report.md). */
  public static final String WITHHELD_TEXT = "[c]";
  /** A median or percentile over fewer cases than the threshold. */
  public static final String NOT_ENOUGH_TEXT = "[n]";
  private static final ThreadLocal<DecimalFormat> COUNT = ThreadLocal.withInitial(
      () -> new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK)));
  private static final ThreadLocal<DecimalFormat> DAYS = ThreadLocal.withInitial(
      () -> new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.UK)));

  public static Figure count(long value) {
    return new Figure(COUNT.get().format(value), (double) value, Kind.COUNT);
  }

  static Figure withheld() {
    return new Figure(WITHHELD_TEXT, null, Kind.WITHHELD);
  }

  static Figure notEnough() {
    return new Figure(NOT_ENOUGH_TEXT, null, Kind.NOT_ENOUGH);
  }

  static Figure blank() {
    return new Figure("", null, Kind.BLANK);
  }

  static Figure days(double value) {
    return new Figure(DAYS.get().format(value), value, Kind.DAYS);
  }

  /** The change from {@code before} to {@code now}: shown only when both are (a change beside a withheld count would give it away). */
  static Figure change(Figure now, Figure before) {
    if (now.number == null || before.number == null) {
      return now.kind == Kind.BLANK || before.kind == Kind.BLANK ? blank() : withheld();
    }
    double change = now.number - before.number;
    String text = (change > 0 ? "+" : "") + (now.kind == Kind.DAYS ? DAYS.get() : COUNT.get()).format(change);
    return new Figure(text, change, Kind.CHANGE);
  }

  public boolean shown() {
    return number != null;
  }

  public boolean isWithheld() {
    return kind == Kind.WITHHELD;
  }
}

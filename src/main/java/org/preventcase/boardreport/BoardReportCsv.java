package org.preventcase.boardreport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The board report as CSV (RFC 4180, one line per table line), from the same view the page shows. A cell
 * that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is
 * neutralised with a leading apostrophe, unless it is a plain number ("+3", "-2", "12.5").
 */
public final class BoardReportCsv {

  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9,]*(\\.[0-9]+)?");

  private BoardReportCsv() {}

  public static String of(BoardReportView view) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Prevent board report", view.authorityName(), view.period()));
    rows.add(List.of("[c]: withheld, fewer than " + view.threshold() + " or withheld so that a number fewer than "
        + view.threshold() + " cannot be worked out; [n]: fewer than " + view.threshold() + " cases"));
    List<String> header = new ArrayList<>(List.of("Table", "Line"));
    header.addAll(view.headings());
    rows.add(header);
    view.tables().forEach(table -> table.lines().forEach(line -> rows.add(row(table.title(), line))));
    view.stages().forEach(stage -> stage.lines().forEach(line -> rows.add(row("Days in stage: " + stage.label()
        + (stage.targetDays() == null ? "" : " (target " + stage.targetDays() + " days)"), line))));
    return rows.stream().map(row -> row.stream().map(BoardReportCsv::cell).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  private static List<String> row(String table, BoardReportView.ViewLine line) {
    List<String> row = new ArrayList<>(List.of(table, line.label()));
    line.figures().forEach(figure -> row.add(figure.text()));
    return row;
  }

  /** One cell: neutralised if a spreadsheet would run it, quoted if it holds a comma, a quote or a line break. */
  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
      text = "'" + text;
    }
    boolean quoted = text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
    return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}

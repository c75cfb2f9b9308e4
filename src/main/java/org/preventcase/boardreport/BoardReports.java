package org.preventcase.boardreport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.Stage;
import org.preventcase.statistics.StatisticsRows;
import org.preventcase.vocabulary.AgeBand;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.EarlierAgeBand;
import org.preventcase.vocabulary.Gender;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.ReferrerSector;
import org.preventcase.web.Labels;
import org.springframework.stereotype.Component;

/**
 * Builds the board report from the anonymised statistics rows (statistics.StatisticsRows), which survive
 * the deletion of case records: every category of process.md §6 by quarter and for the statistics year,
 * each table a split of the year's referrals (the referrals a year counts are those received in it, and
 * each table says what became of them), the funnel, and the days each stage took against its target.
 * Every count goes through {@link Suppression} in one grid with every sum a reader could check, before
 * any figure exists. Access and audit are the caller's (the page reads through the case service).
 */
@Component
public class BoardReports {

  static final String NOT_RECORDED = "NOT_RECORDED";
  private static final int QUARTERS = 4;
  /** Stages whose days the report sets against a target, in the order of the process. */
  private static final List<Stage> TIMED = List.of(Stage.SCREENING, Stage.GATEWAY, Stage.INFORMATION_GATHERING,
      Stage.PANEL, Stage.CONSENT, Stage.SUPPORT, Stage.POST_EXIT_REVIEW);

  private final StatisticsRows rows;
  private final Suppression suppression;
  private final BoardReportProperties properties;

  BoardReports(StatisticsRows rows, Suppression suppression, BoardReportProperties properties) {
    this.rows = rows;
    this.suppression = suppression;
    this.properties = properties;
  }

  /** The authority's report for the year, with the previous year's (suppressed on its own) for comparison. */
  public BoardReport of(String authorityCode, StatisticsYear year) {
    return report(authorityCode, year, read(authorityCode, year), read(authorityCode, year.previous()));
  }

  /** A year's statistics rows: its referrals and the stages its cases entered. */
  record Rows(List<StatisticsRows.Referral> referrals, List<StatisticsRows.StageSpell> spells) {}

  private Rows read(String authorityCode, StatisticsYear year) {
    return new Rows(rows.referrals(authorityCode, year.start(), year.end()),
        rows.stages(authorityCode, year.start(), year.end()));
  }

  /** The report from these rows of the year and of the year before. */
  BoardReport report(String authorityCode, StatisticsYear year, Rows rows, Rows previousRows) {
    return build(authorityCode, year, rows, build(authorityCode, year.previous(), previousRows, null));
  }

  private BoardReport build(String authorityCode, StatisticsYear year, Rows rows, BoardReport previous) {
    List<StatisticsRows.Referral> referrals = rows.referrals();
    List<StatisticsRows.StageSpell> spells = rows.spells();
    Draft draft = new Draft(year);
    Draft.Counts total = draft.counts(referrals, referral -> true);
    List<Draft.TableDraft> tables = new ArrayList<>();
    tables.add(draft.partition("referrer-sector", "Referrals by referring sector", referrals,
        StatisticsRows.Referral::referrerSector, labels(ReferrerSector.values()), "Not recorded", total));
    tables.add(draft.partition("concern-type", "Referrals by type of concern", referrals,
        StatisticsRows.Referral::concernType, labels(ConcernType.values()), "Not recorded", total));
    tables.add(draft.partition("age-band", "Age when referred", referrals, StatisticsRows.Referral::ageBand,
        enumLabels(AgeBand.values(), AgeBand::label), "Age not known", total));
    tables.add(draft.partition("earlier-age-band", "Age when referred, in the bands of releases before 2024/25",
        referrals, StatisticsRows.Referral::earlierAgeBand, enumLabels(EarlierAgeBand.values(), EarlierAgeBand::label),
        "Age not known", total));
    tables.add(draft.partition("gender", "Referrals by gender", referrals, StatisticsRows.Referral::gender,
        labels(Gender.values()), "Not recorded", total));
    tables.add(draft.lines("funnel", "From referral to Channel support", List.of(
        draft.line("DISCUSSED_AT_PANEL", "Discussed at a Channel panel",
            draft.counts(referrals, StatisticsRows.Referral::discussedAtPanel)),
        draft.line("ADOPTED", "Adopted as a Channel case",
            draft.counts(referrals, referral -> Boolean.TRUE.equals(referral.adopted()))))));
    tables.add(draft.partition("gateway-outcome", "Outcome of the police gateway", referrals,
        StatisticsRows.Referral::gatewayOutcome, labels(GatewayOutcome.values()), "Not yet decided", total));
    tables.add(draft.partition("closure-reason", "Why the case closed", referrals,
        StatisticsRows.Referral::closureReason, labels(ClosureReason.values()), "Still open", total));
    tables.add(draft.partition("consent-outcome", "Consent to Channel support", referrals,
        StatisticsRows.Referral::consentOutcome, enumLabels(ConsentOutcome.values(), ConsentOutcome::label),
        "Not asked", total));
    tables.add(draft.partition("repeat", "Repeat referrals", referrals,
        referral -> referral.repeat() ? "REFERRED_BEFORE" : "FIRST_REFERRAL",
        linked("REFERRED_BEFORE", "The person was referred before", "FIRST_REFERRAL", "First referral of the person"),
        null, total));
    List<StageDraft> stages = TIMED.stream().map(stage -> stageDraft(draft, year, stage, spells)).toList();

    BitSet withheld = suppression.apply(draft.grid);
    Function<Draft.Counts, List<Figure>> published = counts -> Arrays.stream(counts.cells)
        .mapToObj(cell -> withheld.get(cell) ? Figure.withheld() : Figure.count(draft.grid.value(cell))).toList();
    List<BoardReport.Table> publishedTables = tables.stream().map(table -> new BoardReport.Table(table.key, table.title,
        table.partition, table.lines.stream().map(line -> new BoardReport.Line(line.code, line.label,
            published.apply(line.counts))).toList())).toList();
    List<BoardReport.StageLine> publishedStages = stages.stream().map(stage -> new BoardReport.StageLine(
        stage.stage.name(), Labels.words(stage.stage.name()), properties.stageTargets().get(stage.stage),
        new BoardReport.Line("COMPLETED", "Completed", published.apply(stage.completed)),
        new BoardReport.Line("OVER_TARGET", "Took longer than the target", published.apply(stage.overTarget)),
        stage.days.stream().map(days -> days.length < suppression.threshold() ? Figure.notEnough()
            : Figure.days(median(days))).toList(),
        stage.days.stream().map(days -> days.length < suppression.threshold() ? Figure.notEnough()
            : Figure.days(percentile(days, 90))).toList())).toList();
    return new BoardReport(authorityCode, year, suppression.threshold(),
        new BoardReport.Line("REFERRALS", "Referrals", published.apply(total)), publishedTables, publishedStages,
        previous);
  }

  private record StageDraft(Stage stage, Draft.Counts completed, Draft.Counts overTarget, List<int[]> days) {}

  private StageDraft stageDraft(Draft draft, StatisticsYear year, Stage stage, List<StatisticsRows.StageSpell> spells) {
    Integer target = properties.stageTargets().get(stage);
    List<StatisticsRows.StageSpell> done = spells.stream()
        .filter(spell -> spell.stage().equals(stage.name()) && spell.daysTaken() != null).toList();
    List<int[]> days = new ArrayList<>();
    for (int column = 0; column <= QUARTERS; column++) {
      int quarter = column + 1;
      days.add(done.stream().filter(spell -> quarter > QUARTERS || year.quarterOf(spell.enteredMonth()) == quarter)
          .mapToInt(StatisticsRows.StageSpell::daysTaken).sorted().toArray());
    }
    return new StageDraft(stage, draft.counts(done, spell -> true, StatisticsRows.StageSpell::enteredMonth),
        draft.counts(done, spell -> target != null && spell.daysTaken() > target,
            StatisticsRows.StageSpell::enteredMonth), days);
  }

  static double median(int[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
  static double percentile(int[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static <E extends Enum<E> & org.preventcase.vocabulary.FormOption> Map<String, String> labels(E[] values) {
    return enumLabels(values, org.preventcase.vocabulary.FormOption::label);
  }

  private static <E extends Enum<E>> Map<String, String> enumLabels(E[] values, Function<E, String> label) {
    Map<String, String> labels = new LinkedHashMap<>();
    Arrays.stream(values).forEach(value -> labels.put(value.name(), label.apply(value)));
    return labels;
  }

  private static Map<String, String> linked(String... codesAndLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < codesAndLabels.length; i += 2) {
      labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
    }
    return labels;
  }

  /** The counts of one report as cells of one grid, before suppression. */
  private static final class Draft {
    final Grid grid = new Grid();
    final StatisticsYear year;

    Draft(StatisticsYear year) {
      this.year = year;
    }

    /** A line's cells: quarters 1 to 4, then the year, which they add up to. */
    final class Counts {
      final int[] cells;

      Counts(long[] values) {
        cells = Arrays.stream(values).mapToInt(grid::cell).toArray();
        grid.sum(cells[QUARTERS], IntStream.range(0, QUARTERS).mapToObj(q -> cells[q]).toList());
      }
    }

    record LineDraft(String code, String label, Counts counts) {}

    record TableDraft(String key, String title, boolean partition, List<LineDraft> lines) {}

    Counts counts(List<StatisticsRows.Referral> referrals, Predicate<StatisticsRows.Referral> counted) {
      return counts(referrals, counted, StatisticsRows.Referral::referredMonth);
    }

    <T> Counts counts(List<T> items, Predicate<T> counted, Function<T, LocalDate> month) {
      long[] values = new long[QUARTERS + 1];
      items.stream().filter(counted).forEach(item -> {
        values[year.quarterOf(month.apply(item)) - 1]++;
        values[QUARTERS]++;
      });
      return new Counts(values);
    }

    LineDraft line(String code, String label, Counts counts) {
      return new LineDraft(code, label, counts);
    }

    TableDraft lines(String key, String title, List<LineDraft> lines) {
      return new TableDraft(key, title, false, lines);
    }

    /**
     * A split of the referrals by a code: a line per known value (zeros included), one per unknown code
     * found, and the missing ones; each column adds up to the total's.
     */
    TableDraft partition(String key, String title, List<StatisticsRows.Referral> referrals,
        Function<StatisticsRows.Referral, String> code, Map<String, String> labels, String missing, Counts total) {
      Map<String, String> lines = new LinkedHashMap<>(labels);
      referrals.stream().map(code).filter(value -> value != null && !lines.containsKey(value)).distinct().sorted()
          .forEach(value -> lines.put(value, Labels.words(value)));
      if (missing != null) {
        lines.put(NOT_RECORDED, missing);
      }
      List<LineDraft> drafts = lines.entrySet().stream().map(line -> new LineDraft(line.getKey(), line.getValue(),
          counts(referrals, referral -> line.getKey().equals(code.apply(referral) == null ? NOT_RECORDED
              : code.apply(referral))))).toList();
      for (int column = 0; column <= QUARTERS; column++) {
        int c = column;
        grid.sum(total.cells[c], drafts.stream().map(line -> line.counts.cells[c]).toList());
      }
      return new TableDraft(key, title, true, drafts);
    }
  }
}

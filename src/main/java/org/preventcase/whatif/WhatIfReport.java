package org.preventcase.whatif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.preventcase.boardreport.BoardReport;
import org.preventcase.boardreport.BoardReportCsv;
import org.preventcase.boardreport.BoardReportView;
import org.preventcase.boardreport.BoardReports;
import org.preventcase.boardreport.StatisticsYear;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a what-if run predicts, written to a folder: the board report of the run's statistics year, built and
 * suppressed by the board report's own code ({@code board-report.csv}, as its CSV download gives it), the panel's
 * load meeting by meeting ({@code panel-load.csv}), the open tasks at every day's end ({@code queues.csv}), and a
 * summary ({@code summary.md}) with the run's settings, how long it took, the targets passed and what was sent.
 */
@Component
@Profile(WhatIfRun.PROFILE)
public class WhatIfReport {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Europe/London"));
  /** The escalations and reminders the models send when a target passes (gateway and information gathering). */
  static final List<String> TARGET_PASSED = List.of("Task_EscalateOverdueScreening", "Task_EscalateOverdueRequest");

  private final BoardReports boardReports;
  private final AuthorityDirectory directory;
  private final JdbcClient jdbc;

  WhatIfReport(BoardReports boardReports, AuthorityDirectory directory, JdbcClient jdbc) {
    this.boardReports = boardReports;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** One meeting's load: the cases listed for a decision (those moved elsewhere left out) and for review. */
  public record MeetingLoad(long id, String kind, String meetsAt, int capacity, String status, int toDecide,
      int decided, int reviews) {}

  /** What the outbox holds: every message queued, and how many were sent (none, in a what-if run). */
  public record Outbox(long queued, long sent) {}

  public BoardReport boardReport(String authority, StatisticsYear year) {
    return boardReports.of(authority, year);
  }

  public List<MeetingLoad> panelLoad(String lead) {
    return jdbc.sql("""
            SELECT m.id, m.kind, m.meets_at, m.capacity, m.status,
              count(l.id) FILTER (WHERE l.purpose = 'DECIDE' AND l.outcome IS DISTINCT FROM 'MOVED') AS to_decide,
              count(l.id) FILTER (WHERE l.purpose = 'DECIDE' AND l.outcome IS NOT NULL
                AND l.outcome NOT IN ('MOVED', 'INQUORATE', 'DEFER')) AS decided,
              count(l.id) FILTER (WHERE l.purpose = 'REVIEW') AS reviews
            FROM panel_meeting m LEFT JOIN panel_listing l ON l.meeting_id = m.id
            WHERE m.authority_code = ? GROUP BY m.id ORDER BY m.meets_at, m.id""")
        .param(lead).query((rs, row) -> new MeetingLoad(rs.getLong("id"), rs.getString("kind"),
            DAY.format(rs.getTimestamp("meets_at").toInstant()), rs.getInt("capacity"), rs.getString("status"),
            rs.getInt("to_decide"), rs.getInt("decided"), rs.getInt("reviews"))).list();
  }

  /** How often each target passed: the models' escalations of an overdue screening or information request. */
  public Map<String, Integer> targetsPassed(String authority) {
    Map<String, Integer> passed = new TreeMap<>();
    TARGET_PASSED.forEach(activity -> passed.put(activity, 0));
    jdbc.sql("""
            SELECT act_id_ AS activity, count(*) AS times FROM act_hi_actinst
            WHERE tenant_id_ = ? AND act_id_ = ANY (?) GROUP BY act_id_""")
        .params(authority, TARGET_PASSED.toArray(String[]::new))
        .query((rs, row) -> passed.put(rs.getString("activity"), rs.getInt("times"))).list();
    return passed;
  }

  public Outbox outbox(String authority) {
    return jdbc.sql("""
            SELECT count(*) AS queued, count(*) FILTER (WHERE status = 'SENT' OR sent_at IS NOT NULL) AS sent
            FROM notification_outbox WHERE authority_code = ?""")
        .param(authority).query((rs, row) -> new Outbox(rs.getLong("queued"), rs.getLong("sent"))).single();
  }

  /** Writes the run's report into {@code folder}; returns the summary's path. */
  public Path write(Path folder, WhatIfRun.Plan plan, StatisticsYear year, String settings, WhatIfRun.Result result,
      Duration took) {
    String authorityName = directory.find(plan.authority()).map(LocalAuthority::name).orElse(plan.authority());
    BoardReport report = boardReport(plan.authority(), year);
    List<MeetingLoad> load = panelLoad(plan.authority());
    Map<String, Integer> passed = targetsPassed(plan.authority());
    Outbox outbox = outbox(plan.authority());
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("board-report.csv"), BoardReportCsv.of(BoardReportView.year(report,
          authorityName)), StandardCharsets.UTF_8);
      StringBuilder panel = new StringBuilder("meeting,kind,meets_at,capacity,status,listed_to_decide,decided,reviews\n");
      load.forEach(meeting -> panel.append(meeting.id()).append(',').append(meeting.kind()).append(',')
          .append(meeting.meetsAt()).append(',').append(meeting.capacity()).append(',').append(meeting.status())
          .append(',').append(meeting.toDecide()).append(',').append(meeting.decided()).append(',')
          .append(meeting.reviews()).append('\n'));
      Files.writeString(folder.resolve("panel-load.csv"), panel, StandardCharsets.UTF_8);
      Files.writeString(folder.resolve("queues.csv"), queues(result.queues()), StandardCharsets.UTF_8);
      Path summary = folder.resolve("summary.md");
      Files.writeString(summary, summary(plan, year, authorityName, settings, result, took, report, load, passed,
          outbox), StandardCharsets.UTF_8);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the what-if report to " + folder, e);
    }
  }

  private static String queues(List<WhatIfRun.QueueSample> samples) {
    TreeSet<String> keys = new TreeSet<>();
    samples.forEach(sample -> keys.addAll(sample.open().keySet()));
    StringBuilder csv = new StringBuilder("day,").append(String.join(",", keys)).append(",overdue\n");
    for (WhatIfRun.QueueSample sample : samples) {
      csv.append(sample.day());
      keys.forEach(key -> csv.append(',').append(sample.open().getOrDefault(key, 0)));
      csv.append(',').append(sample.overdue()).append('\n');
    }
    return csv.toString();
  }

  private static String summary(WhatIfRun.Plan plan, StatisticsYear year, String authorityName, String settings,
      WhatIfRun.Result result, Duration took, BoardReport report, List<MeetingLoad> load, Map<String, Integer> passed,
      Outbox outbox) {
    StringBuilder text = new StringBuilder("# What-if run: ").append(authorityName).append(", ").append(year.name())
        .append("\n\n");
    text.append("- Settings: ").append(settings).append('\n');
    text.append("- Virtual time: ").append(DAY.format(plan.start())).append(" to ").append(DAY.format(plan.end()))
        .append(" (London)\n");
    text.append("- Took: ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s for ")
        .append(result.referrals()).append(" referrals, ").append(result.tasksCompleted()).append(" tasks completed, ")
        .append(result.jobsRun()).append(" jobs run (").append(result.jobFailures()).append(" failed), ")
        .append(result.incidents()).append(" incidents\n");
    text.append("- Where the time went: ");
    result.timeSpent().forEach((part, spent) -> text.append(part).append(' ').append(spent.toSeconds()).append(" s; "));
    text.append('\n');
    text.append("- Notifications: ").append(outbox.queued()).append(" queued in the outbox, ").append(outbox.sent())
        .append(" sent\n\n");
    text.append("## Funnel (the board report's year column, after suppression)\n\n");
    text.append("| | Year |\n| --- | --- |\n| Referrals | ").append(report.referrals().figures().get(BoardReport.YEAR)
        .text()).append(" |\n");
    report.table("funnel").lines().forEach(line -> text.append("| ").append(line.label()).append(" | ")
        .append(line.figures().get(BoardReport.YEAR).text()).append(" |\n"));
    text.append("\n## Panel load\n\n");
    IntSummaryStatistics decide = load.stream().mapToInt(MeetingLoad::toDecide).summaryStatistics();
    IntSummaryStatistics reviews = load.stream().mapToInt(MeetingLoad::reviews).summaryStatistics();
    text.append(load.size()).append(" meetings; cases listed to decide per meeting: mean ")
        .append(String.format("%.1f", decide.getAverage())).append(", most ").append(decide.getMax())
        .append("; adopted cases reviewed per meeting: mean ").append(String.format("%.1f", reviews.getAverage()))
        .append(", most ").append(reviews.getMax()).append(" (panel-load.csv)\n\n");
    text.append("## Queues at each day's end (queues.csv)\n\n| Task | Mean open | Most open | Completed | Mean wait (h) |\n"
        + "| --- | --- | --- | --- | --- |\n");
    TreeSet<String> keys = new TreeSet<>(result.completedByTask().keySet());
    result.queues().forEach(sample -> keys.addAll(sample.open().keySet()));
    for (String key : keys) {
      IntSummaryStatistics open = result.queues().stream().mapToInt(sample -> sample.open().getOrDefault(key, 0))
          .summaryStatistics();
      Duration wait = result.meanTaskWait().get(key);
      text.append("| ").append(key).append(" | ").append(String.format("%.1f", open.getAverage())).append(" | ")
          .append(open.getMax()).append(" | ").append(result.completedByTask().getOrDefault(key, 0)).append(" | ")
          .append(wait == null ? "" : String.format("%.1f", wait.toMinutes() / 60.0)).append(" |\n");
    }
    text.append("\n## Targets passed\n\n| Escalation | Times |\n| --- | --- |\n");
    passed.forEach((activity, times) -> text.append("| ").append(activity).append(" | ").append(times).append(" |\n"));
    text.append("\nDays per stage against each target: the board report's stage lines (board-report.csv).\n");
    return text.toString();
  }
}

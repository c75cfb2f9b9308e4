package org.preventcase.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.preventcase.boardreport.BoardReportProperties;
import org.preventcase.boardreport.StatisticsYear;
import org.preventcase.casefile.Stage;
import org.preventcase.caseprocess.OpenCaseConsistency;
import org.preventcase.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The managers' dashboard's figures for one authority (docs/dashboard.md), read now from the case record,
 * the engine's tasks, the panel's meetings and the outbox: counts, and for the list behind each figure the
 * case references. Access and audit are the caller's (the page reads through the case service).
 */
@Component
public class DashboardFigures {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** The code of the information requests among the SLA breaches. */
  public static final String INFORMATION_REQUEST = "INFORMATION_REQUEST";
  /** How many meetings ahead the dashboard shows. */
  static final int MEETINGS = 3;

  /** A figure of the dashboard: its label, its count, the code of the list behind it. */
  public record Count(String code, String label, long count) {}

  /** The tasks offered to a group (or already assigned to someone): overdue, and due in the next seven days. */
  public record GroupTasks(String group, long overdue, long dueThisWeek) {}

  /** A coming panel meeting and how many cases it lists. */
  public record MeetingLoad(long id, Instant meetsAt, String status, long listed, int capacity) {}

  /** One case behind a figure, with what the figure counts of it. */
  public record Listed(String reference, String what, Instant when) {}

  public record Figures(String authorityCode, Instant at, String quarter, List<Count> openCasesByStage,
      List<GroupTasks> tasksByGroup, List<Count> slaBreachesByStage, List<MeetingLoad> nextMeetings, long stuckNotifications, long openCasesWithoutProcess) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final BoardReportProperties targets;
  private final OpenCaseConsistency consistency;

  DashboardFigures(JdbcClient jdbc, Clock clock, BoardReportProperties targets, OpenCaseConsistency consistency) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.targets = targets;
    this.consistency = consistency;
  }

  public Figures of(String authority) {
    Instant now = clock.instant();
    StatisticsYear year = StatisticsYear.containing(LocalDate.ofInstant(now, LONDON));
    int quarter = year.quarterOf(LocalDate.ofInstant(now, LONDON));
    List<Count> byStage = new ArrayList<>();
    Map<String, Long> open = jdbc.sql("SELECT stage, count(*) FROM case_file WHERE authority_code = ? AND status = 'OPEN'"
            + " GROUP BY stage").param(authority)
        .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED) {
        byStage.add(new Count(stage.name(), Labels.words(stage.name()), open.getOrDefault(stage.name(), 0L)));
      }
    }
    List<Count> breaches = new ArrayList<>();
    List<Listed> breached = slaBreaches(authority, null);
    List<String> codes = new ArrayList<>(targets.stageTargets().keySet().stream().sorted().map(Stage::name).toList());
    codes.add(INFORMATION_REQUEST);
    codes.forEach(code -> breaches.add(new Count(code, code.equals(INFORMATION_REQUEST) ? "Information requests"
        : Labels.words(code), breached.stream().filter(breach -> breach.what().equals(code)).count())));
    return new Figures(authority, now, year.quarterName(quarter), byStage, tasksByGroup(authority, now), breaches,
        nextMeetings(authority, now), stuck(authority), withoutProcess(authority).size());
  }

  private List<GroupTasks> tasksByGroup(String authority, Instant now) {
    return jdbc.sql("""
            SELECT coalesce(l.group_id_, CASE WHEN t.assignee_ IS NULL THEN 'none' ELSE 'assigned' END) AS grp,
                   count(DISTINCT t.id_) FILTER (WHERE t.due_date_ < :now),
                   count(DISTINCT t.id_) FILTER (WHERE t.due_date_ >= :now AND t.due_date_ < :week)
            FROM act_ru_task t
            LEFT JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IS NOT NULL
            WHERE t.tenant_id_ = :authority AND t.due_date_ IS NOT NULL AND t.due_date_ < :week
            GROUP BY grp ORDER BY grp""")
        .param("now", Timestamp.from(now)).param("week", Timestamp.from(now.plus(Duration.ofDays(7))))
        .param("authority", authority)
        .query((row, n) -> new GroupTasks(row.getString(1), row.getLong(2), row.getLong(3))).list();
  }

  /** The open tasks of a group (or {@code assigned}, {@code none}) overdue ({@code overdue}) or due in the week. */
  public List<Listed> tasks(String authority, String group, boolean overdue) {
    Instant now = clock.instant();
    return jdbc.sql("""
            SELECT DISTINCT e.business_key_, t.name_, t.due_date_ FROM act_ru_task t
            JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
            LEFT JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ IS NOT NULL
            WHERE t.tenant_id_ = :authority
              AND coalesce(l.group_id_, CASE WHEN t.assignee_ IS NULL THEN 'none' ELSE 'assigned' END) = :group
              AND (CASE WHEN :overdue THEN t.due_date_ < :now ELSE t.due_date_ >= :now AND t.due_date_ < :week END)
            ORDER BY t.due_date_""")
        .param("authority", authority).param("group", group).param("overdue", overdue)
        .param("now", Timestamp.from(now)).param("week", Timestamp.from(now.plus(Duration.ofDays(7))))
        .query((row, n) -> new Listed(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant())).list();
  }

  /**
   * What passed its target this quarter (so far): the stage spells whose target day (the day they began plus
   * the stage's target, prevent.board-report.stage-targets) fell in it, over late or still going, and the
   * information requests due in it and answered late or not yet; {@code code} a stage's name or
   * {@value #INFORMATION_REQUEST}, or null for all.
   */
  public List<Listed> slaBreaches(String authority, String code) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, LONDON);
    StatisticsYear year = StatisticsYear.containing(today);
    Instant quarterStart = year.quarterStart(year.quarterOf(today)).atStartOfDay(LONDON).toInstant();
    List<Listed> breaches = new ArrayList<>();
    jdbc.sql("""
            WITH changes AS (
              SELECT c.id, c.reference, 'SCREENING' AS stage, c.opened_at AS at FROM case_file c WHERE c.authority_code = :a
              UNION ALL
              SELECT s.case_id, c.reference, s.stage, s.changed_at FROM case_stage_change s
              JOIN case_file c ON c.id = s.case_id WHERE s.authority_code = :a)
            SELECT reference, stage, at, lead(at) OVER (PARTITION BY id ORDER BY at, stage) FROM changes""")
        .param("a", authority)
        .query((row, n) -> new Object[] {row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
            row.getTimestamp(4) == null ? null : row.getTimestamp(4).toInstant()})
        .list().forEach(spell -> {
          String stage = (String) spell[1];
          Integer target = Stage.CLOSED.name().equals(stage) ? null : targets.stageTargets().get(Stage.valueOf(stage));
          if (target == null || (code != null && !code.equals(stage))) {
            return;
          }
          Instant due = ((Instant) spell[2]).atZone(LONDON).plusDays(target).toInstant();
          Instant ended = (Instant) spell[3];
          if (!due.isBefore(quarterStart) && due.isBefore(now) && (ended == null || ended.isAfter(due))) {
            breaches.add(new Listed((String) spell[0], stage, due));
          }
        });
    if (code == null || code.equals(INFORMATION_REQUEST)) {
      breaches.addAll(jdbc.sql("""
              SELECT c.reference, r.due_at FROM information_request r JOIN case_file c ON c.id = r.case_id
              WHERE r.authority_code = ? AND r.due_at >= ? AND r.due_at < ? AND r.status <> 'WITHDRAWN'
                AND (r.closed_at IS NULL OR r.closed_at > r.due_at) ORDER BY r.due_at""")
          .params(authority, Timestamp.from(quarterStart), Timestamp.from(now))
          .query((row, n) -> new Listed(row.getString(1), INFORMATION_REQUEST, row.getTimestamp(2).toInstant())).list());
    }
    return breaches;
  }

  private List<MeetingLoad> nextMeetings(String authority, Instant now) {
    return jdbc.sql("""
            SELECT m.id, m.meets_at, m.status, (SELECT count(*) FROM panel_listing l WHERE l.meeting_id = m.id), m.capacity
            FROM panel_meeting m WHERE m.meets_at >= ? AND m.status <> 'MINUTES_FINAL'
              AND EXISTS (SELECT 1 FROM panel_meeting_authority a WHERE a.meeting_id = m.id AND a.authority_code = ?)
            ORDER BY m.meets_at LIMIT ?""")
        .params(Timestamp.from(now), authority, MEETINGS)
        .query((row, n) -> new MeetingLoad(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
            row.getLong(4), row.getInt(5))).list();
  }

  private long stuck(String authority) {
    return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE authority_code = ? AND status = 'PENDING'"
        + " AND alerted_at IS NOT NULL").param(authority).query(Long.class).single();
  }

  /** The authority's open cases without their running case process (caseprocess.OpenCaseConsistency, checked now). */
  public List<String> withoutProcess(String authority) {
    return consistency.check().withoutProcess().stream().filter(reference -> reference.startsWith(authority + "-"))
        .toList();
  }
}

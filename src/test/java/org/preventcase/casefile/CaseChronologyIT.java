package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.preventcase.notify.NotificationDispatcher;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chronology on the case page: what happened to a case, in time order, in words and UK time,
 * read with the case in one audited view.
 */
class CaseChronologyIT extends ApplicationIT {

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      ServerSetupTest.SMTP.port(Integer.getInteger("greenmail.smtp.port", 3025))).withPerMethodLifecycle(true);

  private static final Pattern ROW = Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseService cases;
  @Autowired Actors actors;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired NotificationDispatcher dispatcher;

  @Test
  void aCaseWithTwoReferralsEntriesACompletedTaskAndAMessageShowsEachInTheOrderItHappened() {
    String marker = "Chr" + System.nanoTime();
    Map<String, Object> urgent = new HashMap<>(ReferralExamples.valid(marker));
    urgent.put("urgency", "IMMEDIATE_RISK");
    urgent.put("called999At", OffsetDateTime.now().minusMinutes(30).withNano(0).toString());
    long first = refer(urgent);
    String reference = caseOf(first);
    long second = refer(ReferralExamples.valid(marker)); // the same person again: new information for the case
    executeDueJobs();

    long note = cases.addEntry(actors.of("demo-coordinator"), reference,
        new NewEntry(EntryKind.NOTE, "Spoke to the school", "Called the designated safeguarding lead."),
        Purpose.of(Purpose.Code.CASE_PAGE));
    long correction = cases.correctEntry(actors.of("demo-coordinator"), reference, note,
        new NewEntry(EntryKind.NOTE, "Spoke to the school's deputy", "It was the deputy."), Purpose.of(Purpose.Code.CASE_PAGE));

    Task screening = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_DeconflictReferral")
        .singleResult();
    identity.setAuthentication("demo-police", List.of("prevent-police-officer"), List.of("E06000031"));
    try {
      tasks.claim(screening.getId(), "demo-police");
      tasks.complete(screening.getId(), Map.of("deconfliction", "CLEAR"));
    } finally {
      identity.clearAuthentication();
    }
    executeDueJobs();
    assertThat(dispatcher.dispatchDue()).as("the urgent-referral message is sent").isGreaterThanOrEqualTo(1);

    long viewsBefore = views(reference);
    HttpResponse<String> page = signIn("demo-coordinator").get("/cases/" + reference);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(views(reference)).as("one audited view, chronology included").isEqualTo(viewsBefore + 1);

    List<List<String>> rows = chronology(page.body());
    assertThat(rows).extracting(row -> row.get(1)).containsSubsequence(
        "Referral " + ReferralReference.of(first) + " received",
        "Case opened",
        "Task created: Deconflict the referral",
        "Message queued: Urgent referral",
        "Referral " + ReferralReference.of(second) + " received",
        "Task created: Deconflict new information",
        "Note recorded",
        "Note recorded, correcting entry #" + note,
        "Task claimed: Deconflict the referral",
        "Task completed: Deconflict the referral",
        "Message sent: Urgent referral");
    assertThat(rows).allSatisfy(row -> assertThat(row.get(0)).as("UK time")
        .matches("\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}, \\d{2}:\\d{2}"));
    assertThat(row(rows, "Referral " + ReferralReference.of(first) + " received"))
        .containsExactly(row(rows, "Referral " + ReferralReference.of(first) + " received").get(0),
            "Referral " + ReferralReference.of(first) + " received",
            "Extreme Right-Wing; Immediate risk: 999 has been called; from Education: schools, colleges, early years", "demo-referrer");
    assertThat(row(rows, "Note recorded, correcting entry #" + note)).contains("#" + correction + " Spoke to the school's deputy",
        "demo-coordinator");
    assertThat(row(rows, "Task claimed: Deconflict the referral")).contains("demo-police");
    assertThat(row(rows, "Task completed: Deconflict the referral")).contains("demo-police");
    assertThat(row(rows, "Message sent: Urgent referral")).contains("to Police Prevent officers", "Case engine");
    assertThat(page.body()).contains("href=\"#entry-" + correction + "\"").contains("href=\"#referral-" + first + "\"")
        .doesNotContain("IMMEDIATE_RISK").doesNotContain("EXTREME_RIGHT_WING").doesNotContain("URGENT_REFERRAL");
  }

  @Test
  void aStageChangeIsKeptWithWhoMadeItAndWhen() {
    String reference = caseOf(refer(ReferralExamples.valid("Stg" + System.nanoTime())));
    cases.changeStage(actors.of("demo-police"), reference, Stage.GATEWAY, CaseStatus.OPEN, Purpose.of(Purpose.Code.TASK));

    List<List<String>> rows = chronology(signIn("demo-chair").get("/cases/" + reference).body());
    assertThat(rows).extracting(row -> row.get(1)).containsSubsequence("Case opened", "Stage changed to Gateway");
    assertThat(row(rows, "Stage changed to Gateway")).last().isEqualTo("demo-police");
  }

  private String caseOf(long referralId) {
    return jdbc.queryForObject("""
        SELECT c.reference FROM case_referral l JOIN case_file c ON c.id = l.case_id WHERE l.referral_id = ?""",
        String.class, referralId);
  }

  private long views(String reference) {
    return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE case_reference = ? AND action = 'VIEW'",
        Long.class, reference);
  }

  /** The chronology table's rows, each cell as the text a reader sees. */
  private static List<List<String>> chronology(String page) {
    String table = page.substring(page.indexOf("id=\"chronology\""), page.indexOf(">Open tasks<"));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = ROW.matcher(table.substring(table.indexOf("<tbody")));
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&")
            .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").strip().replaceAll("\\s+", " "));
      }
      rows.add(cells);
    }
    return rows;
  }

  private static List<String> row(List<List<String>> rows, String what) {
    return rows.stream().filter(row -> row.get(1).equals(what)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + what + " in " + rows));
  }

  private long refer(Map<String, Object> referral) {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", ReferralApiIT.key(),
        ReferralExamples.json(referral));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return ReferralApiIT.json(created).path("referralId").asLong();
  }
}

package org.preventcase.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.preventcase.web.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened to a case, in time order (the case page's chronology, docs/case-record.md): its
 * referrals, its opening and stage changes, its legal holds (placed and lifted, with their reasons),
 * its entries and corrections, its tasks (created, claimed, completed, from the engine's history by business key, which holds no personal data) and
 * its messages (queued, sent, failing, from the outbox: never their content). Part of the audited
 * case read ({@link CaseRecords#load}): there is no other way to it. Things at the same moment keep
 * that order.
 */
@Component
class CaseChronology {

  static final String CASE_ENGINE = "Case engine";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final Labels labels;

  CaseChronology(JdbcClient jdbc, HistoryService history, Labels labels) {
    this.jdbc = jdbc;
    this.history = history;
    this.labels = labels;
  }

  List<Happening> of(CaseRecords.CaseHead head, List<CaseView.Referral> referrals, List<CaseView.Entry> entries) {
    List<Happening> all = new ArrayList<>();
    referrals.forEach(referral -> all.add(referral(head, referral)));
    all.addAll(stages(head));
    all.addAll(legalHolds(head));
    entries.forEach(entry -> all.add(entry(entry)));
    all.addAll(tasks(head));
    all.addAll(messages(head));
    all.sort(Comparator.comparing(Happening::at)); // stable: the order above breaks ties
    return List.copyOf(all);
  }

  private Happening referral(CaseRecords.CaseHead head, CaseView.Referral referral) {
    String by = jdbc.sql("SELECT referred_by FROM referral WHERE id = ? AND authority_code = ?")
        .params(referral.id(), head.authorityCode()).query(String.class).optional().orElse(null);
    String detail = String.join("; ", List.of(labels.of("ConcernType", referral.concernType()),
        labels.of("Urgency", referral.urgency()), "from " + labels.of("ReferrerSector", referral.referrerSector())));
    return new Happening(referral.receivedAt().toInstant(), "Referral " + ReferralReference.of(referral.id()) + " received",
        detail, person(by), "#referral-" + referral.id());
  }

  private List<Happening> stages(CaseRecords.CaseHead head) {
    List<Happening> stages = new ArrayList<>();
    jdbc.sql("SELECT opened_at, opened_by FROM case_file WHERE id = ? AND authority_code = ?")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> new Happening(rs.getObject(1, OffsetDateTime.class).toInstant(), "Case opened",
            null, person(rs.getString(2)), null))
        .optional().ifPresent(stages::add);
    stages.addAll(jdbc.sql("""
            SELECT changed_at, stage, status, changed_by FROM case_stage_change
            WHERE case_id = ? AND authority_code = ? ORDER BY id""")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> new Happening(rs.getObject(1, OffsetDateTime.class).toInstant(),
            "CLOSED".equals(rs.getString(3)) ? "Case closed" : "Stage changed to " + labels.of("Stage", rs.getString(2)),
            null, person(rs.getString(4)), null))
        .list());
    return stages;
  }

  /** Each legal hold placed on the case and, once lifted, its lifting: when, by whom, why (docs/retention.md). */
  private List<Happening> legalHolds(CaseRecords.CaseHead head) {
    List<Happening> holds = new ArrayList<>();
    jdbc.sql("""
            SELECT placed_at, placed_by, reason, lifted_at, lifted_by, lift_reason FROM case_legal_hold
            WHERE case_id = ? AND authority_code = ? ORDER BY id""")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> {
          holds.add(new Happening(rs.getObject(1, OffsetDateTime.class).toInstant(), "Legal hold placed",
              rs.getString(3), person(rs.getString(2)), null));
          OffsetDateTime lifted = rs.getObject(4, OffsetDateTime.class);
          if (lifted != null) {
            holds.add(new Happening(lifted.toInstant(), "Legal hold lifted", rs.getString(6), person(rs.getString(5)),
                null));
          }
          return row;
        })
        .list();
    return holds;
  }

  private Happening entry(CaseView.Entry entry) {
    String kind = labels.of("EntryKind", entry.kind());
    String what = entry.correctsEntryId() == null ? kind + " recorded"
        : kind + " recorded, correcting entry #" + entry.correctsEntryId();
    return new Happening(entry.recordedAt().toInstant(), what, "#" + entry.id() + " " + entry.summary(),
        person(entry.recordedBy()), "#entry-" + entry.id());
  }

  /** The case process's tasks and those of the stages it calls (they carry the case reference as business key). */
  private List<Happening> tasks(CaseRecords.CaseHead head) {
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(head.reference()).tenantIdIn(head.authorityCode())
        .orderByHistoricActivityInstanceStartTime().asc().list();
    if (tasks.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = tasks.stream().collect(Collectors.toMap(HistoricTaskInstance::getId,
        task -> plainName(task.getName(), head.reference())));
    List<Happening> happened = new ArrayList<>();
    for (HistoricTaskInstance task : tasks) {
      happened.add(new Happening(task.getStartTime().toInstant(), "Task created: " + names.get(task.getId()), null,
          null, null));
    }
    happened.addAll(jdbc.sql("""
            SELECT task_id, assignee, assigned_by, assigned_at FROM task_assignment
            WHERE task_id = ANY (?) AND tenant_id = ? ORDER BY id""")
        .params(names.keySet().toArray(String[]::new), head.authorityCode())
        .query((rs, row) -> assignment(names.get(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list());
    for (HistoricTaskInstance task : tasks) {
      if (task.getEndTime() != null) {
        boolean completed = "completed".equals(task.getDeleteReason());
        happened.add(new Happening(task.getEndTime().toInstant(),
            (completed ? "Task completed: " : "Task ended without being completed: ") + names.get(task.getId()), null,
            completed ? person(task.getAssignee()) : null, null));
      }
    }
    return happened;
  }

  private Happening assignment(String task, String assignee, String by, Instant at) {
    if (assignee == null) {
      return new Happening(at, "Task given back to its group: " + task, null, person(by), null);
    }
    if (assignee.equals(by)) {
      return new Happening(at, "Task claimed: " + task, null, person(by), null);
    }
    return new Happening(at, "Task assigned: " + task, "to " + assignee, person(by), null);
  }

  /** A task's name without the case reference the engine gives it (the page is the case's own). */
  private static String plainName(String name, String reference) {
    String suffix = ": " + reference;
    return name != null && name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }

  private List<Happening> messages(CaseRecords.CaseHead head) {
    record Message(String type, String recipientKind, String group, String status, int attempts, Instant queued,
        Instant sent) {}
    List<Happening> happened = new ArrayList<>();
    jdbc.sql("""
            SELECT message_type, recipient_kind, recipient_group, status, attempts, created_at, sent_at
            FROM notification_outbox WHERE authority_code = ? AND case_reference = ? ORDER BY id""")
        .params(head.authorityCode(), head.reference())
        .query((rs, row) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getObject(6, OffsetDateTime.class).toInstant(),
            rs.getObject(7, OffsetDateTime.class) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant()))
        .list()
        .forEach(message -> {
          String type = labels.of("MessageType", message.type());
          String to = switch (message.recipientKind()) {
            case "GROUP_MEMBER" -> "to " + CaseList.GROUPS.getOrDefault(message.group(), labels.of("Group", message.group()));
            case "REFERRER" -> "to the referrer";
            default -> "to a named address";
          };
          String failing = "SENT".equals(message.status()) || message.attempts() == 0 ? ""
              : "; not sent yet: " + message.attempts() + (message.attempts() == 1 ? " failed attempt" : " failed attempts");
          happened.add(new Happening(message.queued(), "Message queued: " + type, to + failing, CASE_ENGINE, null));
          if (message.sent() != null) {
            happened.add(new Happening(message.sent(), "Message sent: " + type, to, CASE_ENGINE, null));
          }
        });
    return happened;
  }

  /** Who did it: a user id, or the case engine for the application's own steps (system:engine, system:notifications). */
  private static String person(String userId) {
    return userId == null ? null : userId.startsWith("system:") ? CASE_ENGINE : userId;
  }
}

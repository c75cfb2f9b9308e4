package org.preventcase.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case record's tables, by plain JDBC. Package-private: everything goes through {@link CaseService},
 * which checks access and writes the audit trail. Every query after the case lookup is scoped by the
 * case's authority too.
 */
@Repository
class CaseRecords {

  /** The case row: what access checks and the audit trail need. */
  record CaseHead(long id, String authorityCode, String reference, long personId, String stage, String status,
      OffsetDateTime openedAt, OffsetDateTime closedAt, String closureReason) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CaseChronology chronology;
  private final Clock clock;
  private final LegalHoldRecords holds;
  private final CaseExpiry expiry;

  CaseRecords(JdbcClient jdbc, TaskService tasks, RuntimeService runtime, CaseChronology chronology, Clock clock,
      LegalHoldRecords holds, CaseExpiry expiry) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.chronology = chronology;
    this.clock = clock;
    this.holds = holds;
    this.expiry = expiry;
  }

  /** Now on the application's clock (the engine's): what the chronology orders by, with the engine's task times. */
  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  long insertPerson(String authority, NewCase.Person person, String user) {
    long id = jdbc.sql("""
            INSERT INTO person (authority_code, given_names, family_name, date_of_birth, gender, nhs_number, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(authority, person.givenNames(), person.familyName(), person.dateOfBirth(), person.gender(),
            person.nhsNumber(), user)
        .query(Long.class).single();
    for (String alias : person.aliases()) {
      jdbc.sql("INSERT INTO person_alias (person_id, authority_code, alias, recorded_by) VALUES (?, ?, ?, ?)")
          .params(id, authority, alias, user).update();
    }
    if (person.address() != null && !person.address().isBlank()) {
      jdbc.sql("""
              INSERT INTO person_address (person_id, authority_code, address, postcode, lived_from, recorded_by)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(id, authority, person.address(), person.postcode(), null, user).update();
    }
    return id;
  }

  long insertReferral(String authority, long personId, NewCase.Referral referral, UUID statisticsId, String user) {
    return jdbc.sql("""
            INSERT INTO referral (authority_code, person_id, received_at, referrer_sector, concern_type, urgency, concern,
              referred_by, referrer_email, called_999_at, details, submitted_through, statistics_id, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) RETURNING id""")
        .params(authority, personId, referral.receivedAt(), referral.referrerSector(), referral.concernType(),
            referral.urgency(), referral.concern(), referral.referredBy(), referral.referrerEmail(),
            referral.called999At(), json(referral.details()), referral.submittedThrough(), statisticsId, user)
        .query(Long.class).single();
  }

  /** The statistics rows' keys of the case's referrals (those recorded since V121 have one). */
  List<UUID> statisticsOf(CaseHead head) {
    return jdbc.sql("""
            SELECT r.statistics_id FROM case_referral l JOIN referral r ON r.id = l.referral_id
            WHERE l.case_id = ? AND l.authority_code = ? AND r.statistics_id IS NOT NULL ORDER BY r.id""")
        .params(head.id(), head.authorityCode()).query(UUID.class).list();
  }

  /** The statistics row's key of one referral, if it has one. */
  List<UUID> statisticsOfReferral(String authority, long referralId) {
    return jdbc.sql("SELECT statistics_id FROM referral WHERE id = ? AND authority_code = ? AND statistics_id IS NOT NULL")
        .params(referralId, authority).query(UUID.class).list();
  }

  /** Since when the case has been in its stage: its latest stage change, or its opening. */
  java.time.Instant stageSince(CaseHead head) {
    return jdbc.sql("""
            SELECT coalesce((SELECT max(changed_at) FROM case_stage_change WHERE case_id = c.id), c.opened_at)
            FROM case_file c WHERE c.id = ?""")
        .param(head.id()).query(OffsetDateTime.class).single().toInstant();
  }

  private static String json(Map<String, Object> details) {
    try {
      return details.isEmpty() ? null : JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The referral's details could not be written", e);
    }
  }

  private static final String REFERRAL_COLUMNS = """
      r.id, r.received_at, r.referrer_sector, r.concern_type, r.urgency, r.concern, r.referrer_email, r.called_999_at,
      r.details::text""";

  private static CaseView.Referral referralRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return referral(rs, 1);
  }

  /** A referral from REFERRAL_COLUMNS, starting at column {@code first}. */
  private static CaseView.Referral referral(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    return new CaseView.Referral(rs.getLong(first), rs.getObject(first + 1, OffsetDateTime.class),
        rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
        rs.getString(first + 6), rs.getObject(first + 7, OffsetDateTime.class), details(rs.getString(first + 8)));
  }

  /** A referral not yet attached to a case, with its person, for the screener deciding a possible match. */
  Optional<ReferralView> unattachedReferral(long referralId) {
    record Row(String authority, long personId, CaseView.Referral referral) {}
    return jdbc.sql("""
            SELECT r.authority_code, r.person_id, %s FROM referral r
            WHERE r.id = ? AND NOT EXISTS (SELECT 1 FROM case_referral l WHERE l.referral_id = r.id)"""
            .formatted(REFERRAL_COLUMNS))
        .param(referralId)
        .query((rs, row) -> new Row(rs.getString(1), rs.getLong(2), referral(rs, 3)))
        .optional()
        .map(found -> new ReferralView(found.authority(), person(found.personId(), found.authority()), found.referral()));
  }

  /** The stored details, keys in alphabetical order (so each section of the form stays together). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(String stored) {
    if (stored == null) {
      return Map.of();
    }
    try {
      return new java.util.TreeMap<>(JSON.readValue(stored, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A referral's details could not be read", e);
    }
  }

  /**
   * The next number for this authority and year, from the year's own sequence (V210): unique, taken
   * without a lock held to commit, so concurrent intakes never wait for each other; a number taken by a
   * transaction that rolls back is skipped (a gap), never handed out twice.
   */
  int nextReferenceNumber(String authority, int year) {
    return jdbc.sql("SELECT case_reference_next(?, ?)").params(authority, year).query(Integer.class).single();
  }

  long insertCase(String authority, String reference, long personId, String stage, String user) {
    return insertCase(authority, reference, personId, stage, null, user);
  }

  /** A case; a repeat case names the person's earlier case. */
  long insertCase(String authority, String reference, long personId, String stage, String previousCaseReference,
      String user) {
    return jdbc.sql("""
            INSERT INTO case_file (authority_code, reference, person_id, stage, status, opened_at, opened_by,
              previous_case_reference)
            VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?) RETURNING id""")
        .params(authority, reference, personId, stage, now(), user, previousCaseReference).query(Long.class).single();
  }

  /** A referral's case (the latest it joined) and the address its referrer gave. */
  record ReferralLink(Long caseId, String caseReference, String referrerEmail) {}

  ReferralLink referralLink(String authority, long referralId) {
    return jdbc.sql("""
            SELECT c.id, c.reference, r.referrer_email FROM referral r
            LEFT JOIN case_referral l ON l.referral_id = r.id LEFT JOIN case_file c ON c.id = l.case_id
            WHERE r.id = ? AND r.authority_code = ? ORDER BY l.linked_at DESC NULLS LAST LIMIT 1""")
        .params(referralId, authority)
        .query((rs, row) -> new ReferralLink(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3))).single();
  }

  /** The referrals a user made for these authorities, newest first, each with its own neutral status. */
  List<ReferralStatus> referralsBy(String user, java.util.Set<String> authorities) {
    return jdbc.sql("""
            SELECT r.id, r.received_at, c.status, c.stage, c.opened_the_case FROM referral r
            LEFT JOIN LATERAL (SELECT f.status, f.stage, NOT EXISTS (SELECT 1 FROM case_referral earlier
                WHERE earlier.case_id = l.case_id AND earlier.referral_id <> r.id AND earlier.linked_at <= l.linked_at)
                AS opened_the_case FROM case_referral l
              JOIN case_file f ON f.id = l.case_id WHERE l.referral_id = r.id ORDER BY l.linked_at DESC LIMIT 1) c ON true
            WHERE r.referred_by = ? AND r.authority_code = ANY (?) ORDER BY r.received_at DESC, r.id DESC""")
        .params(user, authorities.toArray(String[]::new))
        .query((rs, row) -> new ReferralStatus(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
            ReferralStatus.of(rs.getString(3), rs.getString(4), rs.getBoolean(5))))
        .list();
  }

  /** The person a referral of this authority is about. */
  long personOfReferral(String authority, long referralId) {
    return jdbc.sql("SELECT person_id FROM referral WHERE id = ? AND authority_code = ?")
        .params(referralId, authority).query(Long.class).single();
  }

  void linkReferral(CaseHead head, long referralId, String user) {
    jdbc.sql("""
            INSERT INTO case_referral (case_id, referral_id, authority_code, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)""")
        .params(head.id(), referralId, head.authorityCode(), now(), user).update();
  }

  long insertEntry(CaseHead head, NewEntry entry, Long correctsEntryId, String user) {
    return jdbc.sql("""
            INSERT INTO case_entry (authority_code, case_id, kind, summary, body, corrects_entry_id, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(head.authorityCode(), head.id(), entry.kind().name(), entry.summary(), entry.body(), correctsEntryId,
            now(), user)
        .query(Long.class).single();
  }

  boolean hasEntry(CaseHead head, long entryId) {
    return jdbc.sql("SELECT count(*) FROM case_entry WHERE id = ? AND case_id = ? AND authority_code = ?")
        .params(entryId, head.id(), head.authorityCode()).query(Integer.class).single() > 0;
  }

  /**
   * A new stage or status, kept with when and by whom for the chronology; a case that is open again
   * (re-opened by a later stage) no longer has a closure.
   */
  void updateStage(CaseHead head, String stage, String status, String user) {
    Timestamp now = now();
    jdbc.sql("""
            UPDATE case_file SET stage = ?, status = ?, updated_at = ?, updated_by = ?,
              closed_at = CASE WHEN ? = 'OPEN' THEN NULL ELSE closed_at END,
              closure_reason = CASE WHEN ? = 'OPEN' THEN NULL ELSE closure_reason END
            WHERE id = ? AND authority_code = ?""")
        .params(stage, status, now, user, status, status, head.id(), head.authorityCode()).update();
    stageChanged(head, stage, status, now, user);
  }

  private void stageChanged(CaseHead head, String stage, String status, Timestamp at, String user) {
    jdbc.sql("""
            INSERT INTO case_stage_change (authority_code, case_id, stage, status, changed_at, changed_by)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(head.authorityCode(), head.id(), stage, status, at, user).update();
  }

  /** Closes the case with its reason, now, kept for the chronology like a stage change. */
  java.time.Instant close(CaseHead head, String reason, String user) {
    Timestamp now = now();
    jdbc.sql("""
            UPDATE case_file SET stage = 'CLOSED', status = 'CLOSED', closed_at = ?, closure_reason = ?,
              updated_at = ?, updated_by = ?
            WHERE id = ? AND authority_code = ?""")
        .params(now, reason, now, user, head.id(), head.authorityCode()).update();
    stageChanged(head, "CLOSED", "CLOSED", now, user);
    return now.toInstant();
  }

  /**
   * The person's earlier cases in this authority (the same person record, or the case this one
   * repeats, followed back through the cases those repeat), their referrals and how they closed.
   */
  EarlierReferrals earlierReferrals(CaseHead head) {
    List<Map.Entry<Long, String>> earlier = jdbc.sql("""
            WITH RECURSIVE earlier (id, previous, closure_reason) AS (
              SELECT c.id, c.previous_case_reference, c.closure_reason FROM case_file c
              WHERE c.authority_code = ? AND c.id <> ? AND (c.person_id = ?
                OR c.reference = (SELECT previous_case_reference FROM case_file WHERE id = ?))
              UNION
              SELECT c.id, c.previous_case_reference, c.closure_reason FROM case_file c
              JOIN earlier e ON c.reference = e.previous WHERE c.authority_code = ? AND c.id <> ?)
            SELECT DISTINCT id, closure_reason FROM earlier""")
        .params(head.authorityCode(), head.id(), head.personId(), head.id(), head.authorityCode(), head.id())
        .query((rs, row) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2)))).list();
    Long[] caseIds = earlier.stream().map(Map.Entry::getKey).toArray(Long[]::new);
    int earlierCaseReferrals = caseIds.length == 0 ? 0 : jdbc.sql("""
            SELECT count(DISTINCT referral_id) FROM case_referral WHERE authority_code = ? AND case_id = ANY (?)""")
        .params(head.authorityCode(), caseIds).query(Integer.class).single();
    int joinedThisCase = jdbc.sql("SELECT count(*) FROM case_referral WHERE case_id = ? AND authority_code = ?")
        .params(head.id(), head.authorityCode()).query(Integer.class).single() - 1;
    Map<ClosureReason, Integer> outcomes = new java.util.EnumMap<>(ClosureReason.class);
    earlier.stream().map(Map.Entry::getValue).filter(reason -> !"null".equals(reason))
        .forEach(reason -> outcomes.merge(ClosureReason.valueOf(reason), 1, Integer::sum));
    return new EarlierReferrals(earlierCaseReferrals + Math.max(joinedThisCase, 0), outcomes);
  }

  /** The case's referrals, in the order received, with the address each referrer gave. */
  List<ReferrerContact> referrers(CaseHead head) {
    return jdbc.sql("""
            SELECT r.id, r.referrer_email FROM case_referral l
            JOIN referral r ON r.id = l.referral_id AND r.authority_code = l.authority_code
            WHERE l.case_id = ? AND l.authority_code = ? ORDER BY r.received_at, r.id""")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> new ReferrerContact(rs.getLong(1), rs.getString(2))).list();
  }


  Optional<CaseHead> find(String reference) {
    return jdbc.sql("""
            SELECT id, authority_code, reference, person_id, stage, status, opened_at, closed_at, closure_reason
            FROM case_file WHERE reference = ?""")
        .param(reference)
        .query((rs, row) -> new CaseHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
            rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
        .optional();
  }

  CaseView load(CaseHead head) {
    String authority = head.authorityCode();
    String authorityName = authorityName(authority);
    List<CaseView.Referral> referrals = referrals(head);
    List<CaseView.Entry> entries = entries(head, "");
    CaseView.Hold hold = holds.holdInForce(head).orElse(null);
    java.time.Instant deletableFrom = hold != null || head.closedAt() == null ? null
        : expiry.caseExpiry(authority, head.closedAt().toInstant());
    return new CaseView(head.reference(), authority, authorityName, head.stage(), head.status(), head.openedAt(),
        person(head.personId(), authority), referrals, entries, openTasks(head), earlierCases(head),
        chronology.of(head, referrals, entries), head.closedAt(), head.closureReason(), hold, deletableFrom);
  }

  /**
   * The case as the intervention provider sees it (ProviderView): the person, the plans and the entries the
   * provider recorded; nothing else of the case is read.
   */
  ProviderView loadForProvider(CaseHead head, String providerUserId) {
    return ProviderView.of(head.reference(), authorityName(head.authorityCode()),
        person(head.personId(), head.authorityCode()),
        entries(head, "AND (e.kind = 'PLAN' OR e.recorded_by = ?)", providerUserId), providerUserId);
  }

  private String authorityName(String authority) {
    return jdbc.sql("SELECT name FROM local_authority WHERE code = ?").param(authority).query(String.class).single();
  }

  /**
   * Allocates the case's interventions to an intervention provider (a user id): the allocation to another
   * provider ends; one to the same provider stays as it is. One allocation of a case is current (V250).
   */
  void allocate(CaseHead head, String providerUserId, String user) {
    jdbc.sql("""
            UPDATE support_allocation SET ended_at = now(), ended_by = ?
            WHERE case_id = ? AND ended_at IS NULL AND provider_user_id <> ?""")
        .params(user, head.id(), providerUserId).update();
    jdbc.sql("""
            INSERT INTO support_allocation (case_id, authority_code, provider_user_id, allocated_by)
            VALUES (?, ?, ?, ?) ON CONFLICT (case_id) WHERE ended_at IS NULL DO NOTHING""")
        .params(head.id(), head.authorityCode(), providerUserId, user).update();
  }

  /** Whether the case's interventions are allocated to the provider now (not by an allocation since ended). */
  boolean allocated(CaseHead head, String providerUserId) {
    return jdbc.sql("""
            SELECT count(*) FROM support_allocation WHERE case_id = ? AND provider_user_id = ? AND ended_at IS NULL""")
        .params(head.id(), providerUserId).query(Long.class).single() > 0;
  }

  /** An age a referral gave for a person with no date of birth, and the day it was received (London). */
  record ApproximateAge(int years, LocalDate reportedOn) {}

  /** The approximate age the case's latest referral giving one reported (a whole number of years). */
  Optional<ApproximateAge> approximateAge(CaseHead head) {
    return jdbc.sql("""
            SELECT (r.details ->> 'personApproximateAge')::integer, r.received_at FROM case_referral l
            JOIN referral r ON r.id = l.referral_id AND r.authority_code = l.authority_code
            WHERE l.case_id = ? AND l.authority_code = ? AND r.details ->> 'personApproximateAge' ~ '^[0-9]{1,3}$'
            ORDER BY r.received_at DESC, r.id DESC LIMIT 1""")
        .params(head.id(), head.authorityCode())
        .query((rs, row) -> new ApproximateAge(rs.getInt(1), rs.getObject(2, java.time.OffsetDateTime.class)
            .atZoneSameInstant(org.preventcase.web.UkTime.LONDON).toLocalDate()))
        .optional();
  }

  /** The date of birth of the case's person, when known. */
  Optional<LocalDate> dateOfBirth(CaseHead head) {
    return jdbc.sql("SELECT date_of_birth FROM person WHERE id = ? AND authority_code = ?")
        .params(head.personId(), head.authorityCode()).query((rs, row) -> rs.getObject(1, LocalDate.class))
        .list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  private CaseView.Person person(long personId, String authority) {
    List<String> aliases = jdbc.sql("SELECT alias FROM person_alias WHERE person_id = ? AND authority_code = ? ORDER BY id")
        .params(personId, authority).query(String.class).list();
    List<CaseView.Address> addresses = jdbc.sql("""
            SELECT address, postcode, lived_from, recorded_at FROM person_address
            WHERE person_id = ? AND authority_code = ? ORDER BY lived_from DESC NULLS LAST, id DESC""")
        .params(personId, authority)
        .query((rs, row) -> new CaseView.Address(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, OffsetDateTime.class)))
        .list();
    return jdbc.sql("SELECT given_names, family_name, date_of_birth, gender FROM person WHERE id = ? AND authority_code = ?")
        .params(personId, authority)
        .query((rs, row) -> new CaseView.Person(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), aliases, addresses))
        .single();
  }

  private List<CaseView.Referral> referrals(CaseHead head) {
    return jdbc.sql("""
            SELECT %s
            FROM case_referral l JOIN referral r ON r.id = l.referral_id AND r.authority_code = l.authority_code
            WHERE l.case_id = ? AND l.authority_code = ? ORDER BY r.received_at, r.id""".formatted(REFERRAL_COLUMNS))
        .params(head.id(), head.authorityCode())
        .query(CaseRecords::referralRow)
        .list();
  }

  /** The case this one repeats, and every other case of its person in this authority, newest first. */
  private List<CaseView.EarlierCase> earlierCases(CaseHead head) {
    return jdbc.sql("""
            SELECT reference, status, opened_at FROM case_file WHERE authority_code = ? AND id <> ?
              AND (person_id = ? OR reference = (SELECT previous_case_reference FROM case_file WHERE id = ?))
            ORDER BY opened_at DESC""")
        .params(head.authorityCode(), head.id(), head.personId(), head.id())
        .query((rs, row) -> new CaseView.EarlierCase(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class)))
        .list();
  }

  /**
   * The entries in the order written (all, or those the further condition on {@code e} keeps), corrected ones
   * included, each naming every entry that corrects it.
   */
  private List<CaseView.Entry> entries(CaseHead head, String which, Object... whichParams) {
    List<Object> params = new ArrayList<>(List.of(head.id(), head.authorityCode()));
    params.addAll(List.of(whichParams));
    return jdbc.sql("""
            SELECT e.id, e.kind, e.summary, e.body, e.corrects_entry_id, e.recorded_at, e.recorded_by,
              ARRAY(SELECT c.id FROM case_entry c WHERE c.case_id = e.case_id AND c.authority_code = e.authority_code
                AND c.corrects_entry_id = e.id ORDER BY c.id)
            FROM case_entry e WHERE e.case_id = ? AND e.authority_code = ? %s ORDER BY e.id""".formatted(which))
        .params(params)
        .query((rs, row) -> new CaseView.Entry(rs.getLong(1), EntryKind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getObject(5, Long.class), List.of((Long[]) rs.getArray(8).getArray()),
            rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
        .list();
  }

  private static final String SUMMARY = """
      SELECT c.reference, a.name, c.stage, c.status, c.opened_at, p.given_names, p.family_name, p.date_of_birth,
        (SELECT r.urgency FROM case_referral l JOIN referral r ON r.id = l.referral_id AND r.authority_code = l.authority_code
          WHERE l.case_id = c.id AND l.authority_code = c.authority_code ORDER BY r.received_at DESC, r.id DESC LIMIT 1),
        ARRAY(SELECT s.alias FROM person_alias s WHERE s.person_id = p.id AND s.authority_code = p.authority_code)
      FROM case_file c JOIN person p ON p.id = c.person_id AND p.authority_code = c.authority_code
      JOIN local_authority a ON a.code = c.authority_code
      WHERE c.authority_code = ANY (?) """;

  /** A case of the list or the search, with the names it is searched by (aliases last). */
  private record Found(CaseSummary summary, List<String> aliases) {}

  private static Found found(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String[] aliases = (String[]) rs.getArray(10).getArray();
    return new Found(new CaseSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
        rs.getString(9), null, null), List.of(aliases));
  }

  /** The open cases of these authorities, by stage, each with its open work. */
  List<CaseSummary> openCases(java.util.Set<String> authorities) {
    return withWork(jdbc.sql(SUMMARY + "AND c.status = 'OPEN' ORDER BY c.stage, c.opened_at, c.id")
        .param(authorities.toArray(String[]::new)).query(CaseRecords::found).list().stream()
        .map(Found::summary).toList(), authorities);
  }

  /** The cases of these authorities, open or closed, matching every criterion given; newest first. */
  List<CaseSummary> search(java.util.Set<String> authorities, CaseSearch search) {
    return withWork(jdbc.sql(SUMMARY + """
            AND (CAST(? AS text) IS NULL OR upper(c.reference) = upper(?))
            AND (CAST(? AS date) IS NULL OR p.date_of_birth = ?) ORDER BY c.opened_at DESC, c.id DESC""")
        .params(authorities.toArray(String[]::new), search.reference(), search.reference(), search.dateOfBirth(),
            search.dateOfBirth())
        .query(CaseRecords::found).list().stream()
        .filter(row -> search.nameMatches(row.summary().givenNames(), row.summary().familyName(), row.aliases()))
        .map(Found::summary).toList(), authorities);
  }

  /**
   * The cases' open work from the engine: the owner is the assignee of the case's earliest due open
   * task (else the group it is offered to), the next due date the earliest due date of its open tasks.
   */
  private List<CaseSummary> withWork(List<CaseSummary> cases, java.util.Set<String> authorities) {
    if (cases.isEmpty()) {
      return cases;
    }
    List<Task> open = tasks.createTaskQuery()
        .processInstanceBusinessKeyIn(cases.stream().map(CaseSummary::reference).toArray(String[]::new))
        .tenantIdIn(authorities.toArray(String[]::new)).active().orderByDueDate().asc().list(); // PostgreSQL sorts tasks without a due date last
    Map<String, String> keys = new java.util.HashMap<>();
    if (!open.isEmpty()) {
      runtime.createProcessInstanceQuery()
          .processInstanceIds(open.stream().map(Task::getProcessInstanceId).collect(java.util.stream.Collectors.toSet()))
          .list().forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    }
    Map<String, Task> first = new LinkedHashMap<>();
    open.forEach(task -> first.putIfAbsent(keys.get(task.getProcessInstanceId()), task));
    return cases.stream().map(summary -> java.util.Optional.ofNullable(first.get(summary.reference()))
        .map(task -> summary.withWork(owner(task), task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .orElse(summary)).toList();
  }

  /** The task's assignee, else the groups it is offered to (group ids; the page shows their names). */
  private String owner(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().findFirst().orElse(null);
  }

  /** The case process's open tasks: business key = case reference, tenant = the case's authority. */
  List<CaseView.OpenTask> openTasks(CaseHead head) {
    return tasks.createTaskQuery().processInstanceBusinessKey(head.reference()).tenantIdIn(head.authorityCode())
        .active().orderByTaskCreateTime().asc().list().stream()
        .map(task -> new CaseView.OpenTask(task.getId(), task.getName(), task.getAssignee(),
            task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .toList();
  }
}

package org.preventcase.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.database.ClusterJobs;
import org.preventcase.authority.AuthoritiesProperties.Authority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Verifies an authority's audit chains against the rows: every sealed row still there and unchanged
 * (recomputing each link), no row without a link, no row stamped outside the sealing run that sealed
 * it, no links missing at the end, and every kept head (the digests sent to managers, and any a manager
 * hands in) still reached by recomputing the chain from its start. Runs on a schedule and on demand;
 * each result is kept for managers. Findings name chains, positions and row ids, never a value.
 */
@Service
public class AuditVerification {

  public static final String SCHEDULER = "scheduler";
  private static final Logger LOG = LoggerFactory.getLogger(AuditVerification.class);

  /** What a verification can find wrong. */
  public enum Kind {
    /** A sealed row whose content no longer matches its link. */
    CHANGED,
    /** A link whose row is gone, or a gap in the chain's positions, followed by rows still there. */
    REMOVED,
    /** A row with no link although its id was sealed, or stamped outside the run that sealed it. */
    INSERTED,
    /** Rows gone from the end of a chain, or a chain shorter than a head kept by managers. */
    TRUNCATED,
    /** The chain recomputed from its rows does not reach a head kept by managers. */
    DIFFERS_FROM_DIGEST
  }

  public record Finding(Kind kind, YearMonth month, Long eventId, Long position) {}

  public record Result(String authorityCode, OffsetDateTime checkedAt, String requestedBy, int chainsChecked,
      long rowsChecked, int anchorsChecked, List<Finding> findings, boolean intact) {}

  private record Seal(long eventId, long position, byte[] hash, long runId) {}

  private record Run(long id, long sealedThrough, OffsetDateTime takenAt) {}

  private final JdbcClient jdbc;
  private final AuditSeal seal;
  private final List<AuditAnchors> anchors;
  private final AuthoritiesProperties authorities;
  private final ObjectMapper json;
  private final ClusterJobs cluster;

  public AuditVerification(JdbcClient jdbc, AuditSeal seal, List<AuditAnchors> anchors,
      AuthoritiesProperties authorities, ObjectMapper json, ClusterJobs cluster) {
    this.cluster = cluster;
    this.jdbc = jdbc;
    this.seal = seal;
    this.anchors = anchors;
    this.authorities = authorities;
    this.json = json;
  }

  /** The night's verification, by one node of a cluster. */
  @Scheduled(cron = "${prevent.audit.verify-cron}", zone = "Europe/London")
  public void verifyOnSchedule() {
    cluster.oncePer("audit-verification", ClusterJobs.DAILY, this::verifyAll);
  }

  private void verifyAll() {
    seal.seal();
    TreeSet<String> codes = new TreeSet<>(jdbc.sql("SELECT DISTINCT authority_code FROM audit_seal")
        .query(String.class).list());
    authorities.authorities().stream().map(Authority::code).forEach(codes::add);
    codes.forEach(code -> verify(code, SCHEDULER, List.of()));
  }

  /** The current head of each of the authority's chains, oldest month first. */
  public List<ChainHead> heads(String authorityCode) {
    return jdbc.sql("SELECT DISTINCT ON (chain_month) chain_month, position, hash FROM audit_seal "
            + "WHERE authority_code = ? ORDER BY chain_month, position DESC")
        .param(authorityCode)
        .query((rs, row) -> ChainHead.of(authorityCode, YearMonth.from(rs.getObject(1, java.time.LocalDate.class)),
            rs.getLong(2), rs.getBytes(3)))
        .list();
  }

  /** Verifies the authority's sealed rows now, with the kept heads and the given ones; keeps the result. */
  public Result verify(String authorityCode, String requestedBy, Collection<ChainHead> handedIn) {
    List<Run> runs = jdbc.sql("SELECT id, sealed_through, taken_at FROM audit_seal_run ORDER BY sealed_through")
        .query((rs, row) -> new Run(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class))).list();
    long sealedThrough = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).sealedThrough();
    Map<YearMonth, List<ChainHead>> kept = new HashMap<>();
    anchors.forEach(source -> source.keptHeads(authorityCode).forEach(head -> keep(kept, authorityCode, head)));
    handedIn.forEach(head -> keep(kept, authorityCode, head));

    TreeSet<YearMonth> months = new TreeSet<>(kept.keySet());
    jdbc.sql("SELECT DISTINCT chain_month FROM audit_seal WHERE authority_code = ?").param(authorityCode)
        .query(java.time.LocalDate.class).list().forEach(day -> months.add(YearMonth.from(day)));
    jdbc.sql("SELECT DISTINCT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM') FROM audit_event WHERE authority_code = ? "
            + "AND id <= ?").param(authorityCode).param(sealedThrough)
        .query(String.class).list().forEach(month -> months.add(YearMonth.parse(month)));
    // a month past the audit's retention period went whole, chain and rows (docs/retention.md)
    jdbc.sql("SELECT chain_month FROM audit_expired_month").query(java.time.LocalDate.class).list()
        .forEach(day -> months.remove(YearMonth.from(day)));

    List<Finding> findings = new ArrayList<>();
    // no id beyond those the sequence handed out: such a row would never be sealed
    jdbc.sql("SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM') FROM audit_event WHERE authority_code = ? "
            + "AND id > (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_event_id_seq) ORDER BY id")
        .param(authorityCode)
        .query((rs, row) -> new Finding(Kind.INSERTED, YearMonth.parse(rs.getString(2)), rs.getLong(1), null))
        .list().forEach(findings::add);
    long rowsChecked = 0;
    for (YearMonth month : months) {
      rowsChecked += verifyChain(authorityCode, month, runs, sealedThrough, kept.getOrDefault(month, List.of()),
          findings);
    }
    int anchorsChecked = kept.values().stream().mapToInt(List::size).sum();
    return keep(new Result(authorityCode, null, requestedBy, months.size(), rowsChecked, anchorsChecked,
        List.copyOf(findings), findings.isEmpty()));
  }

  private static void keep(Map<YearMonth, List<ChainHead>> kept, String authorityCode, ChainHead head) {
    if (head.authorityCode().equals(authorityCode)) {
      kept.computeIfAbsent(head.month(), month -> new ArrayList<>()).add(head);
    }
  }

  /** Checks one chain; returns how many rows it checked. */
  private long verifyChain(String authorityCode, YearMonth month, List<Run> runs, long sealedThrough,
      List<ChainHead> keptHeads, List<Finding> findings) {
    OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    List<AuditChain.Row> rows = jdbc.sql("SELECT " + AuditChain.COLUMNS + " FROM audit_event WHERE authority_code = ? "
            + "AND at >= ? AND at < ? AND id <= ? ORDER BY id, at")
        .param(authorityCode).param(Timestamp.from(start.toInstant()))
        .param(Timestamp.from(start.plusMonths(1).toInstant())).param(sealedThrough)
        .query(AuditChain.ROW).list();
    List<Seal> seals = jdbc.sql("SELECT event_id, position, hash, run_id FROM audit_seal WHERE authority_code = ? "
            + "AND chain_month = ? ORDER BY position")
        .param(authorityCode).param(month.atDay(1))
        .query((rs, row) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getLong(4))).list();
    Map<Long, AuditChain.Row> unsealed = new LinkedHashMap<>();
    for (AuditChain.Row row : rows) {
      if (unsealed.putIfAbsent(row.id(), row) != null) {
        findings.add(new Finding(Kind.INSERTED, month, row.id(), null));
      }
    }
    Map<Long, Run> runsById = new HashMap<>();
    Map<Long, Run> runBefore = new HashMap<>();
    Run previousRun = null;
    for (Run run : runs) {
      runsById.put(run.id(), run);
      if (previousRun != null) {
        runBefore.put(run.id(), previousRun);
      }
      previousRun = run;
    }

    Map<Long, byte[]> recomputedAt = new HashMap<>();
    keptHeads.forEach(head -> recomputedAt.put(head.position(), null));
    byte[] stored = AuditChain.genesis(authorityCode, month);
    byte[] recomputed = stored;
    long expected = 1;
    List<Finding> missing = new ArrayList<>();
    for (Seal link : seals) {
      boolean linked = link.position() == expected;
      for (long gap = expected; gap < link.position(); gap++) {
        missing.add(new Finding(Kind.REMOVED, month, null, gap));
      }
      expected = link.position() + 1;
      AuditChain.Row row = unsealed.remove(link.eventId());
      if (row == null) {
        missing.add(new Finding(Kind.REMOVED, month, link.eventId(), link.position()));
        recomputed = null;
      } else {
        findings.addAll(missing);
        missing.clear();
        if (!linked) {
          recomputed = null;
        }
        if (linked && !Arrays.equals(AuditChain.link(stored, row), link.hash())) {
          findings.add(new Finding(Kind.CHANGED, month, row.id(), link.position()));
        } else if (linked && !withinItsRun(row, runsById.get(link.runId()), runBefore.get(link.runId()))) {
          findings.add(new Finding(Kind.INSERTED, month, row.id(), link.position()));
        }
        recomputed = recomputed == null ? null : AuditChain.link(recomputed, row);
      }
      stored = link.hash();
      if (recomputedAt.containsKey(link.position())) {
        recomputedAt.put(link.position(), recomputed);
      }
    }
    // links whose rows are gone after the last row still there: the chain was cut short
    missing.forEach(gone -> findings.add(new Finding(Kind.TRUNCATED, month, gone.eventId(), gone.position())));
    unsealed.keySet().forEach(id -> findings.add(new Finding(Kind.INSERTED, month, id, null)));

    long length = seals.isEmpty() ? 0 : seals.get(seals.size() - 1).position();
    for (ChainHead head : keptHeads) {
      byte[] reached = recomputedAt.get(head.position());
      if (head.position() > length) {
        findings.add(new Finding(Kind.TRUNCATED, month, null, head.position()));
      } else if (reached != null && !ChainHead.of(authorityCode, month, head.position(), reached).equals(head)) {
        findings.add(new Finding(Kind.DIFFERS_FROM_DIGEST, month, null, head.position()));
      }
    }
    return rows.size();
  }

  /** A row sealed by a run was appended after the run before it took its boundary, and up to its own. */
  private static boolean withinItsRun(AuditChain.Row row, Run run, Run before) {
    if (run == null || row.id() > run.sealedThrough() || row.at().isAfter(run.takenAt())) {
      return false;
    }
    return before == null || row.id() > before.sealedThrough() && !row.at().isBefore(before.takenAt());
  }

  private Result keep(Result result) {
    String findings;
    try {
      findings = json.writeValueAsString(result.findings());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Findings could not be written", e);
    }
    OffsetDateTime checkedAt = jdbc.sql("INSERT INTO audit_verification (authority_code, requested_by, chains_checked, "
            + "rows_checked, anchors_checked, findings, intact) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?) "
            + "RETURNING checked_at")
        .params(result.authorityCode(), result.requestedBy(), result.chainsChecked(), result.rowsChecked(),
            result.anchorsChecked(), findings, result.intact())
        .query(OffsetDateTime.class).single();
    if (!result.intact()) {
      LOG.warn("Audit trail of {} failed verification: {}", result.authorityCode(), result.findings().stream()
          .collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting())));
    }
    return new Result(result.authorityCode(), checkedAt, result.requestedBy(), result.chainsChecked(),
        result.rowsChecked(), result.anchorsChecked(), result.findings(), result.intact());
  }

  /** The latest result for each of the given authorities that has one. */
  public List<Result> latest(Collection<String> authorityCodes) {
    if (authorityCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT DISTINCT ON (authority_code) authority_code, checked_at, requested_by, chains_checked, "
            + "rows_checked, anchors_checked, findings, intact FROM audit_verification "
            + "WHERE authority_code IN (:codes) ORDER BY authority_code, checked_at DESC, id DESC")
        .param("codes", authorityCodes)
        .query((rs, row) -> new Result(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
            rs.getInt(4), rs.getLong(5), rs.getInt(6), readFindings(rs.getString(7)), rs.getBoolean(8)))
        .list();
  }

  private List<Finding> readFindings(String stored) {
    try {
      return json.readValue(stored, new TypeReference<List<Finding>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored findings could not be read", e);
    }
  }
}

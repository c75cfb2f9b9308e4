package org.preventcase.casefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: measures the cost of one audited case read on PostgreSQL and reports it, asserting
 * nothing. Runs only with the bench profile: ./mvnw verify -Pbench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false. Median of 1,000 audited reads (access check, load, one
 * audit row, one transaction) against the same 1,000 reads without the audit row, interleaved in one
 * run after a warm-up. Report: stdout and target/bench/audited-case-read.txt.
 */
class AuditedCaseReadBenchmark extends ApplicationIT {

  static final int WARM_UP = 300;
  static final int READS = 1000;

  @Autowired CaseService cases;
  @Autowired CaseRecords records;
  @Autowired Actors actors;

  /** The baseline, for this benchmark only: the same access check and load as CaseService.view, no audit row. */
  Optional<CaseView> unaudited(Actor actor, String reference) {
    return records.find(reference)
        .filter(head -> actor.worksFor(head.authorityCode()) && CaseAccess.READ.allows(actor))
        .map(records::load);
  }

  @Test
  void reportTheCostOfOneAuditedCaseRead() throws IOException {
    Actor coordinator = actors.of("demo-coordinator");
    String reference = CaseFixtures.open(cases, coordinator, new NewCase("E06000031", new NewCase.Person("Bexley", "Marrowfield",
        LocalDate.of(2008, 6, 1), "Female", List.of("Bex M"), "2 Invented Lane, Nowhere", "ZZ9 9ZZ"),
        new NewCase.Referral(OffsetDateTime.now(), "EDUCATION", "EXTREME_RIGHT_WING", "ROUTINE", "Synthetic concern.")));
    for (int i = 0; i < 5; i++) {
      cases.addEntry(coordinator, reference, new NewEntry(EntryKind.NOTE, "Synthetic note " + i, "Text of note " + i),
          Purpose.of(Purpose.Code.CASE_PAGE));
    }
    Purpose purpose = Purpose.of(Purpose.Code.CASE_PAGE);
    for (int i = 0; i < WARM_UP; i++) {
      cases.view(coordinator, reference, purpose);
      unaudited(coordinator, reference);
    }
    long[] audited = new long[READS];
    long[] unaudited = new long[READS];
    for (int i = 0; i < READS; i++) {
      long start = System.nanoTime();
      cases.view(coordinator, reference, purpose).orElseThrow();
      audited[i] = System.nanoTime() - start;
      start = System.nanoTime();
      unaudited(coordinator, reference).orElseThrow();
      unaudited[i] = System.nanoTime() - start;
    }
    double withAudit = median(audited) / 1e6;
    double without = median(unaudited) / 1e6;
    String report = """
        Audited case read on PostgreSQL (embedded %s), median of %d, interleaved, after %d warm-up reads each:
          audited read (CaseService.view):        %.3f ms
          same read without the audit row:        %.3f ms
          ratio audited / unaudited:              %.2f
          cost of the audit row (difference):     %.3f ms
        """.formatted(postgresVersion(), READS, WARM_UP, withAudit, without, withAudit / without, withAudit - without);
    System.out.println(report);
    Path out = Path.of("target", "bench", "audited-case-read.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private String postgresVersion() {
    return jdbc.queryForObject("SHOW server_version", String.class);
  }

  private static double median(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }
}

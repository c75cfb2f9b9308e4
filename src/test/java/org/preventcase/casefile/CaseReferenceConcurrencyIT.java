package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case references under concurrent intakes (issue 17 item 3): an intake still in its transaction holds
 * nothing another intake of the same authority and year must wait for, the numbers stay unique, and a
 * rolled-back intake leaves a gap rather than a number handed out twice. No timings: a wait for a lock
 * shows as the lock timeout's error in the second intake.
 */
class CaseReferenceConcurrencyIT extends ApplicationIT {

  private static final String AUTHORITY = "E06000031";

  @Autowired CaseService cases;
  @Autowired Actors actors;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void anIntakeOpensItsCaseWhileAnotherIntakeOfTheAuthorityHasNotCommittedAndTheRolledBackNumberIsAGap()
      throws Exception {
    // the year's numbering exists (its first case creates it, the one wait there is)
    int before = number(open("Firstcase"));
    CountDownLatch firstOpened = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<String> uncommitted = first.submit(() -> transactions.execute(status -> {
        String reference = open("Uncommitted");
        firstOpened.countDown();
        await(secondDone);
        status.setRollbackOnly();
        return reference;
      }));
      assertThat(firstOpened.await(60, TimeUnit.SECONDS)).isTrue();

      // a wait for the first intake's locks would end in "canceling statement due to lock timeout"
      String second = transactions.execute(status -> {
        jdbc.execute("SET LOCAL lock_timeout = '5s'");
        return open("Concurrent");
      });
      secondDone.countDown();
      String rolledBack = uncommitted.get(60, TimeUnit.SECONDS);

      assertThat(number(rolledBack)).isEqualTo(before + 1);
      assertThat(number(second)).isEqualTo(before + 2);
      String after = open("Aftercase");
      assertThat(number(after)).isEqualTo(before + 3);
      assertThat(jdbc.queryForList("SELECT reference FROM case_file WHERE reference IN (?, ?, ?)", String.class,
          rolledBack, second, after)).containsExactlyInAnyOrder(second, after);
    } finally {
      secondDone.countDown();
      first.shutdownNow();
    }
  }

  @Test
  void numbersTakenAtOnceByManyIntakesAreAllDifferentAndConsecutive() throws Exception {
    int year = Year.now().getValue();
    int start = jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, AUTHORITY, year);
    ExecutorService intakes = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Integer>>> taken = new ArrayList<>();
      for (int client = 0; client < 4; client++) {
        taken.add(intakes.submit(() -> {
          List<Integer> numbers = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            numbers.add(jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, AUTHORITY, year));
          }
          return numbers;
        }));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> numbers : taken) {
        all.addAll(numbers.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(200);
      assertThat(all.stream().mapToInt(Integer::intValue).min().orElseThrow()).isEqualTo(start + 1);
      assertThat(all.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(start + 200);
    } finally {
      intakes.shutdownNow();
    }
  }

  @Test
  void eachAuthorityAndYearCountsFromOne() {
    assertThat(jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, "E06000032", 1999)).isOne();
    assertThat(jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, "E06000032", 1999)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, "E06000031", 1999)).isOne();
    assertThat(jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, "E06000032", 1998)).isOne();
  }

  @Test
  void theNumberingNamesOnlyAnAuthorityOnFileAndAFourDigitYear() {
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, "E99999999", 2026))
        .rootCause().hasMessageContaining("an authority on file");
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class,
        "E06000031\"; DROP TABLE case_file; --", 2026)).rootCause().hasMessageContaining("an authority on file");
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, AUTHORITY, 20260))
        .rootCause().hasMessageContaining("four digits");
    // the application role takes numbers only through the function: it cannot create or reset a sequence
    assertThatThrownBy(() -> jdbc.execute("CREATE SEQUENCE case_reference_e06000031_1997"))
        .rootCause().hasMessageContaining("permission denied");
    jdbc.queryForObject("SELECT case_reference_next(?, ?)", Integer.class, AUTHORITY, 1996);
    assertThatThrownBy(() -> jdbc.queryForObject("SELECT setval('case_reference_e06000031_1996', 1)", Long.class))
        .rootCause().hasMessageContaining("permission denied");
  }

  private String open(String familyName) {
    NewCase.Person person = new NewCase.Person("Concurrency", familyName, LocalDate.of(2008, 5, 17), "Female",
        List.of(), "2 Invented Row, Nowhere", "ZZ2 2ZZ");
    NewCase.Referral referral = new NewCase.Referral(OffsetDateTime.now(), "EDUCATION", "ISLAMIST", "ROUTINE",
        "Synthetic concern for the reference test");
    return CaseFixtures.open(cases, actors.of("demo-coordinator"), new NewCase(AUTHORITY, person, referral));
  }

  private static int number(String reference) {
    assertThat(reference).matches(CaseReference.PATTERN);
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the concurrent intake did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

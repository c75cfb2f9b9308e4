package org.preventcase.boardreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseFixtures;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseStatus;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.NewCase;
import org.preventcase.casefile.Stage;
import org.preventcase.retention.CaseDeletion;
import org.preventcase.security.Actor;
import org.preventcase.statistics.ReferralStatistics;
import org.preventcase.vocabulary.AgeBand;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.EarlierAgeBand;
import org.preventcase.vocabulary.GatewayOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board report's figures (issue 15) on PostgreSQL: sixty invented referrals to an authority of their
 * own (Southend-on-Sea), in the second quarter of 2019/20, recorded, screened, taken to the panel and
 * closed through the case service as the stages do; the report's every category, both age schemes, the
 * funnel, the outcomes, repeats and the days per stage equal the counts the test works out from what it
 * seeded, and still do after the closed cases' records were deleted.
 */
class BoardReportIT extends ApplicationIT {

  static final String AUTHORITY = "E06000033";
  static final Instant SEEDED = Instant.parse("2019-08-05T09:00:00Z");
  static final List<String> SECTORS = List.of("EDUCATION", "POLICE", "HEALTH", "LOCAL_AUTHORITY");
  static final List<String> CONCERNS = List.of("EXTREME_RIGHT_WING", "ISLAMIST", "NO_IDEOLOGY");
  static final List<Integer> AGES = List.of(9, 13, 17, 19, 25, 45);

  @Autowired CaseService cases;
  @Autowired ReferralStatistics statistics;
  @Autowired BoardReports reports;
  @Autowired CaseDeletion deletion;
  @Autowired TestClock clock;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void theClockGoesBack() {
    clock.set(Instant.now());
  }

  /** One seeded referral: what the test records, and so what the report must count. */
  record Seed(int i, String sector, String concern, int age, String gender, GatewayOutcome outcome, boolean adopted,
      ConsentOutcome consent, ClosureReason closure, boolean repeat, int screeningDays) {

    static Seed of(int i) {
      GatewayOutcome outcome = List.of(GatewayOutcome.NFA_CLOSED, GatewayOutcome.SIGNPOSTED,
          GatewayOutcome.REFER_TO_PANEL).get(i % 3);
      boolean adopted = outcome == GatewayOutcome.REFER_TO_PANEL && i % 2 == 0;
      ClosureReason closure = switch (outcome) {
        case NFA_CLOSED -> ClosureReason.NFA_CLOSED;
        case SIGNPOSTED -> ClosureReason.SIGNPOSTED;
        default -> adopted ? null : ClosureReason.PANEL_NO_FURTHER_ACTION;
      };
      ConsentOutcome consent = adopted ? (i % 4 == 0 ? ConsentOutcome.GIVEN : ConsentOutcome.REFUSED) : null;
      // the last five are the same people as the five before them, referred again
      int person = i >= 55 ? i - 5 : i;
      return new Seed(i, SECTORS.get(i % 4), CONCERNS.get(i % 3), AGES.get(person % 6),
          person % 5 == 0 ? "FEMALE" : "MALE", outcome, adopted, consent, closure, i >= 55, i % 2 == 0 ? 3 : 10);
    }

    NewCase newCase() {
      int person = i >= 55 ? i - 5 : i;
      LocalDate referred = LocalDate.ofInstant(SEEDED, ZoneOffset.UTC);
      return new NewCase(AUTHORITY, new NewCase.Person("Testa" + person, "Invented" + person,
          referred.minusYears(age).minusDays(30), gender, List.of(), "1 Invented Row, Nowhere", "ZZ9 9ZZ"),
          new NewCase.Referral(SEEDED.atOffset(ZoneOffset.UTC), sector, concern, "ROUTINE", "Synthetic concern"));
    }
  }

  static <T> Map<String, Long> count(List<Seed> seeds, Function<Seed, T> category) {
    Map<String, Long> counts = new LinkedHashMap<>();
    seeds.forEach(seed -> {
      T value = category.apply(seed);
      counts.merge(value == null ? BoardReports.NOT_RECORDED : value.toString(), 1L, Long::sum);
    });
    return counts;
  }

  /** Every line of the table: the seeded count in Q2 and the year, none in the other quarters. */
  static void assertTable(BoardReport report, String key, Map<String, Long> expected) {
    BoardReport.Table table = report.table(key);
    for (BoardReport.Line line : table.lines()) {
      long count = expected.getOrDefault(line.code(), 0L);
      assertThat(line.figures()).as(key + " " + line.code()).containsExactly(Figure.count(0), Figure.count(count),
          Figure.count(0), Figure.count(0), Figure.count(count));
    }
    assertThat(table.lines().stream().map(BoardReport.Line::code)).as(key).containsAll(expected.keySet());
  }

  Actor system() {
    return Actor.system(AUTHORITY);
  }

  @Test
  void theReportCountsEveryCategoryOfTheSeededCasesAndStillDoesAfterTheirRecordsAreDeleted() {
    clock.set(SEEDED);
    List<Seed> seeds = new ArrayList<>();
    Map<Seed, String> references = new LinkedHashMap<>();
    for (int i = 0; i < 60; i++) {
      Seed seed = Seed.of(i);
      seeds.add(seed);
      String reference = CaseFixtures.open(cases, system(), seed.newCase());
      references.put(seed, reference);
      statistics.gatewayOutcome(reference, seed.outcome());
    }
    Purpose step = new Purpose(Purpose.Code.PROCESS, "board report test");
    for (int days : List.of(3, 10)) {
      clock.set(SEEDED.plus(Duration.ofDays(days)));
      references.forEach((seed, reference) -> {
        if (seed.screeningDays() == days) {
          cases.changeStage(system(), reference, Stage.GATEWAY, CaseStatus.OPEN, step);
        }
      });
    }
    clock.set(SEEDED.plus(Duration.ofDays(20)));
    references.forEach((seed, reference) -> {
      if (seed.outcome() == GatewayOutcome.REFER_TO_PANEL) {
        statistics.discussedAtPanel(reference, seed.adopted());
      }
      if (seed.consent() != null) {
        statistics.consentOutcome(reference, seed.consent());
      }
      if (seed.closure() != null) {
        cases.close(system(), reference, seed.closure(), step);
      }
    });

    BoardReport report = reports.of(AUTHORITY, StatisticsYear.parse("2019/20"));
    assertThat(report.referrals().figures()).containsExactly(Figure.count(0), Figure.count(60), Figure.count(0),
        Figure.count(0), Figure.count(60));
    assertTable(report, "referrer-sector", count(seeds, Seed::sector));
    assertTable(report, "concern-type", count(seeds, Seed::concern));
    assertTable(report, "age-band", count(seeds, seed -> AgeBand.ofYears(seed.age())));
    assertTable(report, "earlier-age-band", count(seeds, seed -> EarlierAgeBand.ofYears(seed.age())));
    assertTable(report, "gender", count(seeds, Seed::gender));
    assertTable(report, "gateway-outcome", count(seeds, Seed::outcome));
    assertTable(report, "closure-reason", count(seeds, Seed::closure));
    assertTable(report, "consent-outcome", count(seeds, Seed::consent));
    assertTable(report, "repeat", count(seeds, seed -> seed.repeat() ? "REFERRED_BEFORE" : "FIRST_REFERRAL"));
    assertTable(report, "funnel", Map.of("DISCUSSED_AT_PANEL",
        seeds.stream().filter(seed -> seed.outcome() == GatewayOutcome.REFER_TO_PANEL).count(),
        "ADOPTED", seeds.stream().filter(Seed::adopted).count()));

    BoardReport.StageLine screening = report.stages().get(0);
    assertThat(screening.stage()).isEqualTo("SCREENING");
    assertThat(screening.targetDays()).isEqualTo(7);
    assertThat(screening.completed().figures().get(BoardReport.YEAR)).isEqualTo(Figure.count(60));
    assertThat(screening.overTarget().figures().get(BoardReport.YEAR)).as("the ten-day screenings")
        .isEqualTo(Figure.count(seeds.stream().filter(seed -> seed.screeningDays() > 7).count()));
    assertThat(screening.medianDays().get(BoardReport.YEAR)).isEqualTo(Figure.days(6.5));
    assertThat(screening.ninetiethPercentileDays().get(BoardReport.YEAR)).isEqualTo(Figure.days(10));
    assertThat(screening.medianDays().get(0)).as("no screening in Q1").isEqualTo(Figure.notEnough());
    BoardReport.StageLine gateway = report.stages().get(1);
    assertThat(gateway.completed().figures().get(BoardReport.YEAR)).as("the closed cases left the gateway")
        .isEqualTo(Figure.count(seeds.stream().filter(seed -> seed.closure() != null).count()));

    clock.set(Instant.now());
    assertThat(deletion.deleteExpired()).as("closed in 2019: past six years")
        .anySatisfy(deleted -> assertThat(deleted.authorityCode()).isEqualTo(AUTHORITY));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM case_file WHERE authority_code = ?", Long.class, AUTHORITY))
        .as("only the adopted cases, still open, are left").isEqualTo(seeds.stream().filter(Seed::adopted).count());
    assertThat(reports.of(AUTHORITY, StatisticsYear.parse("2019/20"))).as("the same figures after the deletion")
        .isEqualTo(report);
  }
}

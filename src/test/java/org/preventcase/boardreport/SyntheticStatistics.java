package org.preventcase.boardreport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.statistics.StatisticsRows;
import org.preventcase.vocabulary.AgeBand;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.ConsentOutcome;
import org.preventcase.vocabulary.EarlierAgeBand;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.Gender;
import org.preventcase.vocabulary.ReferrerSector;

/** Random statistics rows of a small authority's year, for the suppression's tests (no database). */
final class SyntheticStatistics {

  private SyntheticStatistics() {}

  static BoardReports.Rows year(StatisticsYear year, int referrals, long seed) {
    Random random = new Random(seed);
    List<StatisticsRows.Referral> rows = new ArrayList<>();
    List<StatisticsRows.StageSpell> spells = new ArrayList<>();
    for (int i = 0; i < referrals; i++) {
      LocalDate month = year.start().plusMonths(random.nextInt(12));
      int age = 8 + random.nextInt(50);
      boolean discussed = random.nextInt(5) == 0;
      boolean adopted = discussed && random.nextInt(6) < 5;
      rows.add(new StatisticsRows.Referral(month, pick(random, ReferrerSector.values()).name(),
          pick(random, ConcernType.values()).name(), random.nextInt(30) == 0 ? null : AgeBand.ofYears(age).name(),
          EarlierAgeBand.ofYears(age).name(), random.nextInt(10) == 0 ? Gender.FEMALE.name() : Gender.MALE.name(),
          discussed ? GatewayOutcome.REFER_TO_PANEL.name() : pick(random, GatewayOutcome.values()).name(), discussed,
          discussed ? adopted : null, adopted ? pick(random, ConsentOutcome.values()).name() : null,
          random.nextBoolean() ? pick(random, ClosureReason.values()).name() : null, random.nextInt(8) == 0));
      spells.add(new StatisticsRows.StageSpell("SCREENING", month, random.nextInt(4) == 0 ? null : random.nextInt(15)));
      if (discussed) {
        spells.add(new StatisticsRows.StageSpell("PANEL", month, random.nextInt(60)));
      }
    }
    return new BoardReports.Rows(rows, spells);
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}

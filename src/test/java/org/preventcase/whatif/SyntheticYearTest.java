package org.preventcase.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.preventcase.vocabulary.AgeBand;

/** The generator's mix (process.md §6.2–§6.8): a national year's referrals in the published proportions. */
class SyntheticYearTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
  static final List<SyntheticReferral> NATIONAL = SyntheticYear.generate(APRIL, 12, 8778, 7);

  static <K> Map<K, Long> count(List<SyntheticReferral> referrals, Function<SyntheticReferral, K> key) {
    return referrals.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void aNationalYearHasTheReferringSectorsOfTheRelease() {
    Map<String, Long> sectors = count(NATIONAL, SyntheticReferral::referrerSector);
    assertThat(sectors).containsEntry("EDUCATION", 3129L).containsEntry("POLICE", 2631L)
        .containsEntry("LOCAL_AUTHORITY", 895L);
    assertThat(sectors.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8778);
  }

  @Test
  void aNationalYearHasTheConcernTypesOfTheReleaseWithinOneReferral() {
    Map<String, Long> concerns = count(NATIONAL, SyntheticReferral::concernType);
    double scale = 8778.0 / 8769; // the release's 8,769 with a concern type, over all the year's referrals
    assertThat(concerns.get("EXTREME_RIGHT_WING")).isCloseTo(Math.round(1798 * scale), within(1L));
    assertThat(concerns.get("ISLAMIST")).isCloseTo(Math.round(870 * scale), within(1L));
    assertThat(concerns.get("EXTREME_VIOLENCE_FASCINATION")).isCloseTo(Math.round(469 * scale), within(1L));
    assertThat(concerns.get("NO_IDEOLOGY") + concerns.get("NO_IDEOLOGY_OTHER_SUSCEPTIBILITY"))
        .as("no ideology, combined: 56%").isCloseTo(Math.round(4917 * scale), within(2L));
    assertThat(concerns.get("NO_IDEOLOGY") / 8778.0).as("no specific ideology: 34%").isCloseTo(0.34, within(0.005));
  }

  @Test
  void aNationalYearHasTheAgeBandsOfTheReleaseOnTheDayEachReferralArrives() {
    Map<AgeBand, Long> bands = count(NATIONAL, referral -> AgeBand.of(referral.dateOfBirth(),
        LocalDate.ofInstant(referral.arrives(), LONDON)));
    double scale = 8778.0 / 8759; // the release's 8,759 of known age, over all the year's referrals
    assertThat(bands.get(AgeBand.ofYears(10))).isCloseTo(Math.round(345 * scale), within(1L));
    assertThat(bands.get(AgeBand.ofYears(13))).isCloseTo(Math.round(3192 * scale), within(1L));
    assertThat(bands.get(AgeBand.ofYears(17))).isCloseTo(Math.round(1178 * scale), within(1L));
    assertThat(bands.get(AgeBand.ofYears(40))).isCloseTo(Math.round(4044 * scale), within(1L));
    assertThat(bands).hasSize(4);
  }

  @Test
  void aboutNineInTenReferredPeopleAreMale() {
    Map<String, Long> genders = count(NATIONAL, SyntheticReferral::gender);
    assertThat(genders.get("MALE") / 8778.0).isCloseTo(0.895, within(0.001));
    assertThat(genders.get("FEMALE") / 8778.0).isCloseTo(0.10, within(0.001));
  }

  @Test
  void januaryToMarchHasThirtySevenPerCentOfTheYearAndAugustTheSchoolHolidaysDip() {
    Map<Integer, Long> months = count(NATIONAL, referral -> LocalDate.ofInstant(referral.arrives(), LONDON)
        .getMonthValue());
    long winter = months.get(1) + months.get(2) + months.get(3);
    assertThat(winter / 8778.0).isCloseTo(0.37, within(0.001));
    assertThat(months.get(8) * 2).as("August under half of July").isLessThan(months.get(7));
    assertThat(months.keySet()).hasSize(12);
  }

  @Test
  void referralsArriveInOrderWithinThePeriodMostlyOnWorkingDaysInOfficeHours() {
    assertThat(NATIONAL).isSortedAccordingTo((a, b) -> a.arrives().compareTo(b.arrives()));
    assertThat(NATIONAL).allSatisfy(referral -> {
      LocalDateTime local = LocalDateTime.ofInstant(referral.arrives(), LONDON);
      assertThat(local.toLocalDate()).isBetween(APRIL, LocalDate.of(2025, 3, 31));
      assertThat(local.getHour()).isBetween(8, 17);
    });
    long weekend = NATIONAL.stream().map(referral -> LocalDate.ofInstant(referral.arrives(), LONDON).getDayOfWeek())
        .filter(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY).count();
    assertThat(weekend / 8778.0).as("a weekend day a sixth of a weekday").isBetween(0.03, 0.09);
  }

  @Test
  void everyPersonIsInventedWithANameNoRealPersonHasAndNoTwoAlike() {
    assertThat(NATIONAL).allSatisfy(referral -> {
      assertThat(referral.familyName()).matches("Whatif[a-z]+");
      assertThat(referral.givenName()).matches("[A-Z][a-z]+");
    });
    assertThat(NATIONAL.stream().map(SyntheticReferral::familyName).distinct().count()).isEqualTo(8778);
    assertThat(SyntheticNames.familyName(0)).isEqualTo("Whatifa");
    assertThat(SyntheticNames.familyName(27)).isEqualTo("Whatifbb");
  }

  @Test
  void theSameSeedGivesTheSameReferralsAndAnotherSeedOthers() {
    assertThat(SyntheticYear.generate(APRIL, 3, 50, 11)).isEqualTo(SyntheticYear.generate(APRIL, 3, 50, 11));
    assertThat(SyntheticYear.generate(APRIL, 3, 50, 11)).isNotEqualTo(SyntheticYear.generate(APRIL, 3, 50, 12));
  }

  @Test
  void aSmallPeriodSharesItsReferralsByQuotaSoEveryCountAddsUp() {
    List<SyntheticReferral> quarter = SyntheticYear.generate(LocalDate.of(2025, 1, 1), 3, 7, 3);
    assertThat(quarter).hasSize(7);
    assertThat(count(quarter, SyntheticReferral::referrerSector)).containsEntry("EDUCATION", 3L)
        .containsEntry("POLICE", 2L);
    assertThat(SyntheticYear.quotas(Map.of("A", 1, "B", 1, "C", 1), 2)).hasSize(2).doesNotHaveDuplicates();
    assertThat(SyntheticYear.quotas(NationalMix.GENDER, 0)).isEmpty();
  }

  @Test
  void aPeriodIsWholeMonthsOfAtMostAYear() {
    assertThatThrownBy(() -> SyntheticYear.generate(LocalDate.of(2024, 4, 2), 3, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticYear.generate(APRIL, 13, 10, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}

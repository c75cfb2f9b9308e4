package org.preventcase.whatif;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invented referrals with the national mix ({@link NationalMix}) over a period of whole months from the start
 * of a statistics year: each attribute is shared out by quota (largest remainder), so a year has the mix's
 * proportions to within one referral, then the quotas are shuffled independently of each other. Referrals
 * arrive on working days mostly (a weekend day has a sixth of a weekday's chance), between 08:00 and 18:00
 * London time. The same seed gives the same referrals.
 */
public final class SyntheticYear {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private SyntheticYear() {}

  /**
   * {@code count} referrals arriving in the {@code months} months from {@code start} (the first of a month:
   * April for a statistics year), shared out by the national seasonality of those months.
   */
  public static List<SyntheticReferral> generate(LocalDate start, int months, int count, long seed) {
    if (start.getDayOfMonth() != 1 || months < 1 || months > 12 || count < 0) {
      throw new IllegalArgumentException("A what-if period is 1 to 12 whole months from the first of a month,"
          + " with no fewer than 0 referrals");
    }
    Random random = new Random(seed);
    int firstMonth = Math.floorMod(start.getMonthValue() - 4, 12);
    int[] seasonality = new int[months];
    for (int i = 0; i < months; i++) {
      seasonality[i] = NationalMix.MONTH[(firstMonth + i) % 12];
    }
    List<Integer> monthOf = shuffled(quotas(indexWeights(seasonality), count), random);
    List<String> sectors = shuffled(quotas(NationalMix.SECTOR, count), random);
    List<String> concerns = shuffled(quotas(NationalMix.CONCERN, count), random);
    List<NationalMix.AgeRange> ages = shuffled(quotas(NationalMix.AGE, count), random);
    List<String> genders = shuffled(quotas(NationalMix.GENDER, count), random);
    List<Instant> arrivals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arrivals.add(arrival(start.plusMonths(monthOf.get(i)), random));
    }
    Collections.sort(arrivals);
    List<SyntheticReferral> referrals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant arrives = arrivals.get(i);
      NationalMix.AgeRange age = ages.get(i);
      LocalDate referred = LocalDate.ofInstant(arrives, LONDON);
      LocalDate dateOfBirth = referred.minusYears(age.from() + random.nextInt(age.to() - age.from() + 1))
          .minusDays(1 + random.nextInt(364));
      referrals.add(new SyntheticReferral(i + 1, arrives, sectors.get(i), concerns.get(i), dateOfBirth, genders.get(i),
          SyntheticNames.givenName(random), SyntheticNames.familyName(i)));
    }
    return referrals;
  }

  /** Each key's share of {@code count} by its weight, by largest remainder: they add up to {@code count}. */
  static <K> List<K> quotas(Map<K, Integer> weights, int count) {
    long total = weights.values().stream().mapToLong(Integer::longValue).sum();
    record Share<K>(K key, int whole, long remainder) {}
    List<Share<K>> shares = new ArrayList<>();
    int given = 0;
    for (var weight : weights.entrySet()) {
      long exact = (long) weight.getValue() * count;
      shares.add(new Share<>(weight.getKey(), (int) (exact / total), exact % total));
      given += (int) (exact / total);
    }
    List<Share<K>> byRemainder = new ArrayList<>(shares);
    byRemainder.sort(Comparator.comparingLong((Share<K> share) -> share.remainder()).reversed());
    List<K> keys = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      Share<K> share = shares.get(i);
      int extra = byRemainder.indexOf(share) < count - given ? 1 : 0;
      keys.addAll(Collections.nCopies(share.whole() + extra, share.key()));
    }
    return keys;
  }

  private static Map<Integer, Integer> indexWeights(int[] weights) {
    Map<Integer, Integer> indexed = new java.util.LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      indexed.put(i, weights[i]);
    }
    return indexed;
  }

  private static <T> List<T> shuffled(List<T> values, Random random) {
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return copy;
  }

  /** A moment of the month: a working day mostly, 08:00 to 18:00 London time. */
  private static Instant arrival(LocalDate month, Random random) {
    LocalDate day;
    do {
      day = month.plusDays(random.nextInt(month.lengthOfMonth()));
    } while (weekend(day) && random.nextInt(6) != 0);
    LocalTime time = LocalTime.of(8, 0).plusSeconds(random.nextInt(10 * 3600));
    return day.atTime(time).atZone(LONDON).toInstant();
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}

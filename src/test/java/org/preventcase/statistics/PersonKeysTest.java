package org.preventcase.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.preventcase.casefile.CaseEvents.PersonIdentity;

/** The statistics' pseudonymous person key: the same person gets the same key, no one can reverse it. */
class PersonKeysTest {

  static final String SECRET = "a-synthetic-test-secret-of-32-bytes-or-more";
  final PersonKeys keys = new PersonKeys(new StatisticsProperties(SECRET));
  final LocalDate born = LocalDate.of(2012, 4, 17);

  @Test
  void theSamePersonWrittenDifferentlyGetsTheSameKey() {
    assertThat(keys.of(new PersonIdentity(null, "Oswin", "Thackeray-Marsh", born)))
        .isEqualTo(keys.of(new PersonIdentity(null, "  OSWIN ", "thackeray marsh", born)))
        .isEqualTo(keys.of(new PersonIdentity("", "Óswin", "Thackeray  Marsh", born)))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void anotherPersonOrAnotherDateOfBirthGetsAnotherKey() {
    String oswin = keys.of(new PersonIdentity(null, "Oswin", "Thackeray", born));
    assertThat(keys.of(new PersonIdentity(null, "Oswald", "Thackeray", born))).isNotEqualTo(oswin);
    assertThat(keys.of(new PersonIdentity(null, "Oswin", "Thackeray", born.plusDays(1)))).isNotEqualTo(oswin);
  }

  @Test
  void anNhsNumberIdentifiesThePersonWhateverTheNames() {
    assertThat(keys.of(new PersonIdentity("943 476 5919", "Oswin", "Thackeray", born)))
        .isEqualTo(keys.of(new PersonIdentity("9434765919", "Ozzy", "Marsh", null)));
  }

  @Test
  void withoutTheSecretTheKeyIsAnotherOne() {
    PersonIdentity person = new PersonIdentity(null, "Oswin", "Thackeray", born);
    assertThat(new PersonKeys(new StatisticsProperties(SECRET + "-rotated")).of(person)).isNotEqualTo(keys.of(person));
    assertThat(person.toString()).doesNotContain("Oswin");
  }

  @Test
  void aShortOrMissingSecretIsRefusedAtStart() {
    assertThatThrownBy(() -> new StatisticsProperties("too-short")).hasMessageContaining("PREVENT_STATISTICS_PERSON_KEY");
    assertThatThrownBy(() -> new StatisticsProperties(null)).hasMessageContaining("at least 32 bytes");
  }
}

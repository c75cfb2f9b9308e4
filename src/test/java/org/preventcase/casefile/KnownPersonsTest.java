package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The known-person match's rules, without a database (process.md §2.8). */
class KnownPersonsTest {

  static final LocalDate BORN = LocalDate.of(2011, 5, 9);

  static KnownPersons.Someone someone(String given, String family, LocalDate born, String nhs, List<String> aliases,
      String address, String postcode) {
    return new KnownPersons.Someone(1, "E06000031", given, family, born, nhs, aliases,
        address == null ? List.of() : List.of(address), postcode == null ? List.of() : List.of(postcode));
  }

  @Test
  void namesAreComparedWithoutAccentsCasePunctuationOrderAndWithCommonSpellingsMadeOne() {
    assertThat(PersonNames.key("  Zoë-Anne ", "O'Brien")).isEqualTo(PersonNames.key("zoe anne", "o brien"));
    assertThat(PersonNames.key("Mohammed", "Ali")).isEqualTo(PersonNames.key("Ali,", "MUHAMMAD"));
    assertThat(PersonNames.key("Jon", "Smith")).isNotEqualTo(PersonNames.key("Joan", "Smith"));
  }

  @Test
  void anExactMatchIsTheSameNhsNumberOrTheSameBirthAndNameOrAlias() {
    var referred = someone("Mohamed", "Al-Hassan", BORN, null, List.of(), null, null);
    assertThat(KnownPersons.compare(referred, someone("Muhammad", "Al Hassan", BORN, null, List.of(), null, null)))
        .contains(true);
    assertThat(KnownPersons.compare(referred, someone("Sami", "Khan", BORN, null, List.of("Mohammed al hassan"),
        null, null))).contains(true);
    assertThat(KnownPersons.compare(someone("A", "B", BORN, "9434765919", List.of(), null, null),
        someone("C", "D", LocalDate.of(1990, 1, 1), "9434765919", List.of(), null, null))).contains(true);
    assertThat(KnownPersons.compare(referred, someone("Muhammad", "Al Hassan", BORN.plusDays(1), null, List.of(),
        null, null))).isEmpty();
  }

  @Test
  void aWeakerMatchIsTheSameAddressOrTheSameBirthAndFamilyName() {
    var referred = someone("Tom", "Reed", BORN, null, List.of(), "4 Mill Lane", "PE1 2AB");
    assertThat(KnownPersons.compare(referred, someone("Ann", "Reed", BORN, null, List.of(), null, null)))
        .contains(false);
    assertThat(KnownPersons.compare(referred, someone("Ann", "Other", LocalDate.of(1980, 1, 1), null, List.of(),
        "4, Mill Lane", "pe12ab"))).contains(false);
    assertThat(KnownPersons.compare(referred, someone("Ann", "Other", BORN, null, List.of(), null, "PE9 9ZZ")))
        .isEmpty();
  }

  static KnownPersons.KnownCase known(String reference, String authority, String stage, String status, boolean exact,
      int daysAgo) {
    return new KnownPersons.KnownCase(1, reference, authority, authority.equals("E06000031") ? "Peterborough" : "Luton",
        stage, status, OffsetDateTime.now().minusDays(daysAgo), exact);
  }

  @Test
  void theRouteFollowsTheMatchedCases() {
    String here = "E06000031";
    assertThat(KnownPersons.decide(here, List.of())).isEqualTo(new PersonMatch(PersonMatch.Kind.NONE, null, null));
    assertThat(KnownPersons.decide(here, List.of(known("P-1", here, "SCREENING", "OPEN", true, 1),
        known("P-0", here, Stage.POST_EXIT_REVIEW.name(), "CLOSED", true, 400))).kind())
        .isEqualTo(PersonMatch.Kind.POST_EXIT_REVIEW);
    assertThat(KnownPersons.decide(here, List.of(known("P-1", here, "SCREENING", "OPEN", true, 1))))
        .isEqualTo(new PersonMatch(PersonMatch.Kind.OPEN_CASE, "P-1", null));
    assertThat(KnownPersons.decide(here, List.of(known("P-2", here, "CLOSED", "CLOSED", true, 10),
        known("L-1", "E06000032", "SCREENING", "OPEN", true, 3))))
        .isEqualTo(new PersonMatch(PersonMatch.Kind.CLOSED_CASE, "P-2", "Luton"));
    assertThat(KnownPersons.decide(here, List.of(known("P-3", here, "SCREENING", "OPEN", false, 1))))
        .isEqualTo(new PersonMatch(PersonMatch.Kind.CANDIDATE, "P-3", null));
    assertThat(KnownPersons.decide(here, List.of(known("L-2", "E06000032", "SCREENING", "OPEN", true, 1))))
        .isEqualTo(new PersonMatch(PersonMatch.Kind.NONE, null, "Luton"));
    assertThat(Optional.ofNullable(KnownPersons.decide(here, List.of(known("L-3", "E06000032", "X", "OPEN", false, 1)))
        .otherAuthorityName())).as("a weaker match elsewhere is not named").isEmpty();
  }
}

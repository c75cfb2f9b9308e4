package org.preventcase.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The known-person match of a new referral's person against every person with a case, in every
 * authority. Package-private: {@link CaseService} audits it, and tells the intake only the route,
 * this authority's case reference and, for another authority, its name.
 */
@Repository
class KnownPersons {

  /** A person as the match compares them. */
  record Someone(long id, String authorityCode, String givenNames, String familyName, LocalDate dateOfBirth,
      String nhsNumber, List<String> aliases, List<String> addresses, List<String> postcodes) {

    List<String> nameKeys() {
      List<String> keys = new ArrayList<>();
      keys.add(PersonNames.key(givenNames, familyName));
      aliases.forEach(alias -> keys.add(PersonNames.key(alias)));
      return keys;
    }
  }

  /** A case of a matched person. */
  record KnownCase(long id, String reference, String authorityCode, String authorityName, String stage,
      String status, java.time.OffsetDateTime openedAt, boolean exact) {

    boolean inPostExitReview() {
      return Stage.POST_EXIT_REVIEW.name().equals(stage);
    }

    boolean open() {
      return "OPEN".equals(status);
    }
  }

  /**
   * The persons who may match: the same date of birth, NHS number or compact postcode, each by its
   * index (person_date_of_birth, person_nhs_number, person_address_postcode_key), with a case.
   */
  static final String CANDIDATES = """
      SELECT DISTINCT m.person_id FROM (
        SELECT id AS person_id FROM person WHERE date_of_birth = ?
        UNION ALL SELECT id FROM person WHERE nhs_number = ?
        UNION ALL SELECT person_id FROM person_address WHERE postcode_key = ANY (?)) m
      WHERE m.person_id <> ? AND EXISTS (SELECT 1 FROM case_file c WHERE c.person_id = m.person_id)""";

  /** What the match reads of the candidates, each in one query for all of them (ids bound as an array). */
  static final String PERSONS = """
      SELECT id, authority_code, given_names, family_name, date_of_birth, nhs_number FROM person WHERE id = ANY (?)""";
  static final String ALIASES = "SELECT person_id, alias FROM person_alias WHERE person_id = ANY (?) ORDER BY id";
  static final String ADDRESSES = """
      SELECT person_id, address, postcode FROM person_address WHERE person_id = ANY (?) ORDER BY id""";
  static final String CASES = """
      SELECT c.person_id, c.id, c.reference, c.authority_code, a.name, c.stage, c.status, c.opened_at FROM case_file c
      JOIN local_authority a ON a.code = c.authority_code WHERE c.person_id = ANY (?)""";

  private final JdbcClient jdbc;

  KnownPersons(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The referral's person, as recorded at intake. */
  Someone personOfReferral(long referralId, String authority) {
    long personId = jdbc.sql("SELECT person_id FROM referral WHERE id = ? AND authority_code = ?")
        .params(referralId, authority).query(Long.class).single();
    return load(List.of(personId)).get(0);
  }

  /** Every case of a person who matches {@code person} exactly or weakly, newest first. */
  List<KnownCase> casesMatching(Someone person) {
    List<Long> ids = jdbc.sql(CANDIDATES)
        .params(person.dateOfBirth(), person.nhsNumber(), candidatePostcodes(person), person.id())
        .query(Long.class).list();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Boolean> exactById = new HashMap<>();
    load(ids).forEach(other -> compare(person, other).ifPresent(exact -> exactById.put(other.id(), exact)));
    if (exactById.isEmpty()) {
      return List.of();
    }
    List<KnownCase> cases = new ArrayList<>(jdbc.sql(CASES).param(exactById.keySet().toArray(Long[]::new))
        .query((rs, row) -> new KnownCase(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class),
            exactById.get(rs.getLong(1))))
        .list());
    cases.sort(Comparator.comparing(KnownCase::openedAt).reversed());
    return cases;
  }

  /** The person's compact postcodes the candidates are looked up by; an empty one matches nothing in {@link #compare}. */
  static String[] candidatePostcodes(Someone person) {
    return person.postcodes().stream().map(PersonNames::compact).filter(code -> !code.isEmpty()).distinct()
        .toArray(String[]::new);
  }

  /**
   * The route, from the matched cases (newest first): an exact match here in its post-exit review
   * window, else with an open case, else with only closed cases (a repeat); else a weaker match with
   * an open case here (a candidate); else none. An exact match with an open case in another
   * authority is named whatever the route.
   */
  static PersonMatch decide(String authority, List<KnownCase> cases) {
    String other = cases.stream().filter(known -> known.exact() && known.open()
        && !known.authorityCode().equals(authority)).map(KnownCase::authorityName).findFirst().orElse(null);
    List<KnownCase> here = cases.stream().filter(known -> known.authorityCode().equals(authority)).toList();
    List<KnownCase> exact = here.stream().filter(KnownCase::exact).toList();
    Optional<KnownCase> found;
    if ((found = exact.stream().filter(KnownCase::inPostExitReview).findFirst()).isPresent()) {
      return new PersonMatch(PersonMatch.Kind.POST_EXIT_REVIEW, found.get().reference(), other);
    }
    if ((found = exact.stream().filter(KnownCase::open).findFirst()).isPresent()) {
      return new PersonMatch(PersonMatch.Kind.OPEN_CASE, found.get().reference(), other);
    }
    if (!exact.isEmpty()) {
      return new PersonMatch(PersonMatch.Kind.CLOSED_CASE, exact.get(0).reference(), other);
    }
    if ((found = here.stream().filter(known -> known.open() || known.inPostExitReview()).findFirst()).isPresent()) {
      return new PersonMatch(PersonMatch.Kind.CANDIDATE, found.get().reference(), other);
    }
    return new PersonMatch(PersonMatch.Kind.NONE, null, other);
  }

  /**
   * Exact (true): the same NHS number, or the same date of birth and a name or alias that is the same
   * once normalised. Weak (false): the same date of birth and family name, or the same address or
   * postcode and family name. Empty: no match.
   */
  static Optional<Boolean> compare(Someone referred, Someone known) {
    if (referred.nhsNumber() != null && referred.nhsNumber().equals(known.nhsNumber())) {
      return Optional.of(true);
    }
    boolean sameBirth = Objects.equals(referred.dateOfBirth(), known.dateOfBirth()) && referred.dateOfBirth() != null;
    if (sameBirth && referred.nameKeys().stream().anyMatch(known.nameKeys()::contains)) {
      return Optional.of(true);
    }
    boolean sameFamily = PersonNames.key(referred.familyName()).equals(PersonNames.key(known.familyName()));
    boolean samePostcode = referred.postcodes().stream().map(PersonNames::compact).filter(code -> !code.isEmpty())
        .anyMatch(code -> known.postcodes().stream().map(PersonNames::compact).anyMatch(code::equals));
    boolean sameAddress = referred.addresses().stream().map(PersonNames::compact).filter(line -> !line.isEmpty())
        .anyMatch(line -> known.addresses().stream().map(PersonNames::compact).anyMatch(line::equals));
    if ((sameBirth && sameFamily) || (samePostcode && sameFamily) || (samePostcode && sameAddress)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** The persons, in the order of {@code ids}, with their aliases and addresses: three queries whatever their number. */
  private List<Someone> load(List<Long> ids) {
    Long[] bound = ids.toArray(Long[]::new);
    Map<Long, List<String>> aliases = new HashMap<>();
    jdbc.sql(ALIASES).param(bound).query((java.sql.ResultSet rs) -> {
      aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
    });
    Map<Long, List<String>> addresses = new HashMap<>();
    Map<Long, List<String>> postcodes = new HashMap<>();
    jdbc.sql(ADDRESSES).param(bound).query((java.sql.ResultSet rs) -> {
      long id = rs.getLong(1);
      Optional.ofNullable(rs.getString(2)).ifPresent(addresses.computeIfAbsent(id, key -> new ArrayList<>())::add);
      Optional.ofNullable(rs.getString(3)).ifPresent(postcodes.computeIfAbsent(id, key -> new ArrayList<>())::add);
    });
    Map<Long, Someone> persons = new HashMap<>();
    jdbc.sql(PERSONS).param(bound).query((java.sql.ResultSet rs) -> {
      long id = rs.getLong(1);
      persons.put(id, new Someone(id, rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getObject(5, LocalDate.class), rs.getString(6), aliases.getOrDefault(id, List.of()),
          addresses.getOrDefault(id, List.of()), postcodes.getOrDefault(id, List.of())));
    });
    return ids.stream().map(persons::get).toList();
  }
}

package org.preventcase.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  private final JdbcClient jdbc;

  KnownPersons(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The referral's person, as recorded at intake. */
  Someone personOfReferral(long referralId, String authority) {
    long personId = jdbc.sql("SELECT person_id FROM referral WHERE id = ? AND authority_code = ?")
        .params(referralId, authority).query(Long.class).single();
    return load(personId);
  }

  /** Every case of a person who matches {@code person} exactly or weakly, newest first. */
  List<KnownCase> casesMatching(Someone person) {
    List<Long> ids = jdbc.sql("""
            SELECT p.id FROM person p WHERE p.id <> ?
              AND (p.date_of_birth = ? OR p.nhs_number = ?
                OR p.id IN (SELECT a.person_id FROM person_address a
                            WHERE lower(regexp_replace(a.postcode, '[^A-Za-z0-9]', '', 'g')) = ANY (?)))
              AND EXISTS (SELECT 1 FROM case_file c WHERE c.person_id = p.id)""")
        .params(person.id(), person.dateOfBirth(), person.nhsNumber(),
            person.postcodes().stream().map(PersonNames::compact).toArray(String[]::new))
        .query(Long.class).list();
    List<KnownCase> cases = new ArrayList<>();
    for (Long id : ids) {
      Someone other = load(id);
      Optional<Boolean> exact = compare(person, other);
      exact.ifPresent(isExact -> cases.addAll(jdbc.sql("""
              SELECT c.id, c.reference, c.authority_code, a.name, c.stage, c.status, c.opened_at FROM case_file c
              JOIN local_authority a ON a.code = c.authority_code WHERE c.person_id = ?""")
          .param(id).query((rs, row) -> new KnownCase(rs.getLong(1), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class),
              isExact))
          .list()));
    }
    cases.sort(Comparator.comparing(KnownCase::openedAt).reversed());
    return cases;
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

  private Someone load(long personId) {
    List<String> aliases = jdbc.sql("SELECT alias FROM person_alias WHERE person_id = ?").param(personId)
        .query(String.class).list();
    record Address(String address, String postcode) {}
    List<Address> addresses = jdbc.sql("SELECT address, postcode FROM person_address WHERE person_id = ?")
        .param(personId).query(Address.class).list();
    return jdbc.sql("""
            SELECT id, authority_code, given_names, family_name, date_of_birth, nhs_number FROM person WHERE id = ?""")
        .param(personId)
        .query((rs, row) -> new Someone(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getString(6), aliases,
            addresses.stream().map(Address::address).filter(Objects::nonNull).toList(),
            addresses.stream().map(Address::postcode).filter(Objects::nonNull).toList()))
        .single();
  }
}

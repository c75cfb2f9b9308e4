package org.preventcase.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The information requests to partner agencies (table information_request, V90), by plain JDBC.
 * Package-private: {@link CaseService} checks every access and audits it. Queries are scoped by the
 * case's authority.
 */
@Repository
class InformationRequestRecords {

  /** A request that is still open: its id, the entry holding what was asked, when it falls due. */
  record OpenRequest(long id, long askedEntryId, OffsetDateTime requestedAt, Instant dueAt) {}

  private final JdbcClient jdbc;
  private final CaseRecords cases;

  InformationRequestRecords(JdbcClient jdbc, CaseRecords cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  void insert(CaseRecords.CaseHead head, PartnerAgency agency, long askedEntryId, Instant dueAt, String user) {
    jdbc.sql("""
            INSERT INTO information_request (authority_code, case_id, agency, asked_entry_id, due_at, requested_by)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(head.authorityCode(), head.id(), agency.name(), askedEntryId, Timestamp.from(dueAt), user).update();
  }

  Optional<OpenRequest> open(CaseRecords.CaseHead head, PartnerAgency agency) {
    return jdbc.sql("""
            SELECT id, asked_entry_id, requested_at, due_at FROM information_request
            WHERE case_id = ? AND authority_code = ? AND agency = ? AND status = 'OPEN'""")
        .params(head.id(), head.authorityCode(), agency.name())
        .query((rs, row) -> new OpenRequest(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
            rs.getObject(4, OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** The agency's view: the person, the concern types of the case's referrals, what was asked. */
  InformationRequestView view(CaseRecords.CaseHead head, PartnerAgency agency, OpenRequest request) {
    String authority = head.authorityCode();
    String authorityName = jdbc.sql("SELECT name FROM local_authority WHERE code = ?").param(authority)
        .query(String.class).single();
    record Person(String givenNames, String familyName, LocalDate dateOfBirth) {}
    Person person = jdbc.sql("SELECT given_names, family_name, date_of_birth FROM person WHERE id = ? AND authority_code = ?")
        .params(head.personId(), authority)
        .query((rs, row) -> new Person(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))).single();
    List<String> concerns = jdbc.sql("""
            SELECT DISTINCT ON (r.concern_type) r.concern_type FROM case_referral l
            JOIN referral r ON r.id = l.referral_id AND r.authority_code = l.authority_code
            WHERE l.case_id = ? AND l.authority_code = ? ORDER BY r.concern_type, r.received_at""")
        .params(head.id(), authority).query(String.class).list();
    Integer approximateAge = person.dateOfBirth() != null ? null
        : cases.approximateAge(head).map(CaseRecords.ApproximateAge::years).orElse(null);
    String asked = jdbc.sql("SELECT body FROM case_entry WHERE id = ? AND case_id = ? AND authority_code = ?")
        .params(request.askedEntryId(), head.id(), authority).query(String.class).single();
    return new InformationRequestView(head.reference(), authorityName, agency, person.givenNames(),
        person.familyName(), person.dateOfBirth(), approximateAge, concerns, asked, request.requestedAt(),
        request.dueAt());
  }

  void answer(OpenRequest request, CaseRecords.CaseHead head, InformationAnswer answer, long entryId, String user) {
    jdbc.sql("""
            UPDATE information_request SET status = 'ANSWERED', answer_held = ?, answer_factors = ?, answer_entry_id = ?,
              closed_at = now(), closed_by = ?
            WHERE id = ? AND authority_code = ? AND status = 'OPEN'""")
        .params(answer.held().name(), answer.factors().stream().map(InformationFactor::name).toArray(String[]::new),
            entryId, user, request.id(), head.authorityCode())
        .update();
  }

  void extend(OpenRequest request, CaseRecords.CaseHead head, Instant dueAt) {
    jdbc.sql("UPDATE information_request SET due_at = ? WHERE id = ? AND authority_code = ? AND status = 'OPEN'")
        .params(Timestamp.from(dueAt), request.id(), head.authorityCode()).update();
  }

  /** Withdraws every request of the case still open, in one statement: their agencies, in the vocabulary's order. */
  List<PartnerAgency> withdrawAllOpen(CaseRecords.CaseHead head, String user) {
    return jdbc.sql("""
            UPDATE information_request SET status = 'WITHDRAWN', closed_at = now(), closed_by = ?
            WHERE case_id = ? AND authority_code = ? AND status = 'OPEN' RETURNING agency""")
        .params(user, head.id(), head.authorityCode()).query(String.class).list().stream().map(PartnerAgency::valueOf)
        .distinct().sorted().toList();
  }

  void withdraw(OpenRequest request, CaseRecords.CaseHead head, String user) {
    jdbc.sql("""
            UPDATE information_request SET status = 'WITHDRAWN', closed_at = now(), closed_by = ?
            WHERE id = ? AND authority_code = ? AND status = 'OPEN'""")
        .params(user, request.id(), head.authorityCode()).update();
  }
}

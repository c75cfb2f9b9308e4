package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The known-person match's queries on a file of realistic size (50,000 synthetic persons with an
 * address and a case, seeded and analysed in a transaction that is rolled back): PostgreSQL plans every
 * one of them by index, never a sequential scan of the persons, their addresses, aliases or cases.
 * A plan test, not a timed one: the timings belong in the benchmark (docs/performance.md).
 */
class KnownPersonsPlanIT extends ApplicationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CASE_DATA = Set.of("person", "person_address", "person_alias", "case_file");

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void everyQueryOfTheMatchIsAnIndexLookupAtFiftyThousandPersons() {
    transactions.executeWithoutResult(status -> {
      seedFiftyThousandPersons();
      Long[] someIds = jdbc.queryForList("SELECT id FROM person WHERE recorded_by = 'plan-test' ORDER BY id LIMIT 3",
          Long.class).toArray(Long[]::new);

      JsonNode candidates = plan(KnownPersons.CANDIDATES, LocalDate.of(1961, 3, 14), "9990012345",
          new String[] {"zz41za", "zz72zb"}, someIds[0]);
      assertThat(scans(candidates, "Seq Scan")).as(candidates.toPrettyString()).isEmpty();
      assertThat(indexes(candidates)).as(candidates.toPrettyString())
          .contains("person_date_of_birth", "person_nhs_number", "person_address_postcode_key");
      for (String query : List.of(KnownPersons.PERSONS, KnownPersons.ALIASES, KnownPersons.ADDRESSES,
          KnownPersons.CASES)) {
        JsonNode plan = plan(query, (Object) someIds);
        assertThat(scans(plan, "Seq Scan")).as(query + "\n" + plan.toPrettyString()).isEmpty();
      }
      status.setRollbackOnly();
    });
  }

  /** Fake names, dates of birth spread over 55 years, one in three with an NHS number, one address and one case each. */
  private void seedFiftyThousandPersons() {
    String authority = jdbc.queryForObject("SELECT min(code) FROM local_authority", String.class);
    jdbc.update("""
        INSERT INTO person (authority_code, given_names, family_name, date_of_birth, nhs_number, recorded_by)
        SELECT ?, 'Plantest ' || g, 'Seedname' || (g % 7000), DATE '1950-01-01' + (g % 20000),
          CASE WHEN g % 3 = 0 THEN lpad(g::text, 10, '8') END, 'plan-test'
        FROM generate_series(1, 50000) g""", authority);
    jdbc.update("""
        INSERT INTO person_address (person_id, authority_code, address, postcode, recorded_by)
        SELECT id, authority_code, id || ' Invented Row', 'ZZ' || (id % 97) || ' ' || (id % 9) || 'ZA', 'plan-test'
        FROM person WHERE recorded_by = 'plan-test'""");
    jdbc.update("""
        INSERT INTO person_alias (person_id, authority_code, alias, recorded_by)
        SELECT id, authority_code, 'Alias ' || id, 'plan-test' FROM person WHERE recorded_by = 'plan-test' AND id % 5 = 0""");
    jdbc.update("""
        INSERT INTO case_file (authority_code, reference, person_id, stage, status, opened_by)
        SELECT authority_code, 'PLAN-' || id, id, 'SCREENING', 'OPEN', 'plan-test'
        FROM person WHERE recorded_by = 'plan-test'""");
    for (String table : CASE_DATA) {
      jdbc.execute("ANALYZE " + table);
    }
  }

  private JsonNode plan(String query, Object... params) {
    String json = jdbc.queryForObject("EXPLAIN (FORMAT JSON) " + query, String.class, params);
    try {
      return JSON.readTree(json).get(0).get("Plan");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The case-data tables the plan reads with this node type. */
  private static List<String> scans(JsonNode node, String nodeType) {
    List<String> found = new ArrayList<>();
    if (nodeType.equals(node.path("Node Type").asText()) && CASE_DATA.contains(node.path("Relation Name").asText())) {
      found.add(node.path("Relation Name").asText());
    }
    node.path("Plans").forEach(child -> found.addAll(scans(child, nodeType)));
    return found;
  }

  private static List<String> indexes(JsonNode node) {
    List<String> found = new ArrayList<>();
    if (node.has("Index Name")) {
      found.add(node.get("Index Name").asText());
    }
    node.path("Plans").forEach(child -> found.addAll(indexes(child)));
    return found;
  }
}

package org.preventcase.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference data of local authorities (db/reference/local-authorities.csv) is whole and
 * consistent with the police force areas (db/reference/police-force-areas.csv). Sources and year:
 * docs/case-record.md, "Reference data".
 */
class LocalAuthorityReferenceDataTest {

  /**
   * Principal local authorities of England and Wales as published by ONS for December 2024 (Local
   * Authority Districts, December 2024: 296 in England, 22 in Wales; Counties, December 2024: 21),
   * unchanged since the reorganisations of 1 April 2023.
   */
  static final Map<LocalAuthorityKind, Integer> EXPECTED_COUNTS = Map.of(
      LocalAuthorityKind.UNITARY, 63,                   // incl. the Isles of Scilly (E06000053)
      LocalAuthorityKind.NON_METROPOLITAN_DISTRICT, 164,
      LocalAuthorityKind.METROPOLITAN_DISTRICT, 36,
      LocalAuthorityKind.LONDON_BOROUGH, 33,            // 32 London boroughs and the City of London
      LocalAuthorityKind.COUNTY, 21,
      LocalAuthorityKind.WELSH_PRINCIPAL_AREA, 22);

  static final Map<LocalAuthorityKind, String> PATTERNS = Map.of(
      LocalAuthorityKind.UNITARY, "E06\\d{6}",
      LocalAuthorityKind.NON_METROPOLITAN_DISTRICT, "E07\\d{6}",
      LocalAuthorityKind.METROPOLITAN_DISTRICT, "E08\\d{6}",
      LocalAuthorityKind.LONDON_BOROUGH, "E09\\d{6}",
      LocalAuthorityKind.COUNTY, "E10\\d{6}",
      LocalAuthorityKind.WELSH_PRINCIPAL_AREA, "W06\\d{6}");

  static final String CITY_OF_LONDON = "E09000001";
  static final String CITY_OF_LONDON_POLICE = "E23000034";
  static final String METROPOLITAN_POLICE = "E23000001";

  final List<List<String>> authorities = rows("db/reference/local-authorities.csv");
  final List<List<String>> forces = rows("db/reference/police-force-areas.csv");

  @Test
  void everyRowHasFourFieldsAndAName() {
    assertThat(authorities).allSatisfy(row -> {
      assertThat(row).as("%s", row).hasSize(4);
      assertThat(row.get(1)).as("%s", row).isNotBlank();
    });
  }

  @Test
  void codesAreUniqueAndMatchTheirKind() {
    List<String> codes = authorities.stream().map(row -> row.get(0)).toList();
    assertThat(codes).doesNotHaveDuplicates();
    assertThat(codes).allSatisfy(code -> assertThat(code).matches(PATTERNS.get(LocalAuthorityKind.ofCode(code))));
  }

  @Test
  void theCountsPerKindAreThosePublished() {
    Map<LocalAuthorityKind, Integer> counts = new EnumMap<>(LocalAuthorityKind.class);
    authorities.forEach(row -> counts.merge(LocalAuthorityKind.ofCode(row.get(0)), 1, Integer::sum));
    assertThat(counts).isEqualTo(EXPECTED_COUNTS);
    assertThat(authorities).hasSize(339);
  }

  @Test
  void thereAre43TerritorialPoliceForceAreasEachServingSomeAuthority() {
    Set<String> forceCodes = forces.stream().map(row -> row.get(0)).collect(Collectors.toSet());
    assertThat(forces).hasSize(43);
    assertThat(forceCodes).hasSize(43).allSatisfy(code -> assertThat(code).matches("E23\\d{6}|W15\\d{6}"));
    assertThat(forceCodes.stream().filter(code -> code.startsWith("W15"))).hasSize(4);
    Set<String> used = authorities.stream().map(row -> row.get(2)).collect(Collectors.toSet());
    assertThat(used).isEqualTo(forceCodes);
  }

  @Test
  void everyPoliceForceCodeIsAPoliceForceArea() {
    Set<String> forceCodes = forces.stream().map(row -> row.get(0)).collect(Collectors.toSet());
    assertThat(authorities).allSatisfy(row -> assertThat(forceCodes).as("%s", row).contains(row.get(2)));
  }

  @Test
  void welshAuthoritiesAreInWelshForcesAndEnglishOnesInEnglishForces() {
    assertThat(authorities).allSatisfy(row ->
        assertThat(row.get(2).substring(0, 1)).as("%s", row).isEqualTo(row.get(0).substring(0, 1)));
  }

  @Test
  void onlyDistrictsHaveACountyAndItIsACountyOfTheFile() {
    Set<String> counties = authorities.stream().map(row -> row.get(0))
        .filter(code -> LocalAuthorityKind.ofCode(code) == LocalAuthorityKind.COUNTY).collect(Collectors.toSet());
    Set<String> countiesWithDistricts = new HashSet<>();
    for (List<String> row : authorities) {
      if (LocalAuthorityKind.ofCode(row.get(0)) == LocalAuthorityKind.NON_METROPOLITAN_DISTRICT) {
        assertThat(counties).as("%s", row).contains(row.get(3));
        countiesWithDistricts.add(row.get(3));
      } else {
        assertThat(row.get(3)).as("%s", row).isEmpty();
      }
    }
    assertThat(countiesWithDistricts).isEqualTo(counties);
  }

  @Test
  void aDistrictIsInItsCountysPoliceForceArea() {
    Map<String, String> forceOf = authorities.stream().collect(Collectors.toMap(row -> row.get(0), row -> row.get(2)));
    authorities.stream()
        .filter(row -> LocalAuthorityKind.ofCode(row.get(0)) == LocalAuthorityKind.NON_METROPOLITAN_DISTRICT)
        .forEach(row -> assertThat(row.get(2)).as("%s", row).isEqualTo(forceOf.get(row.get(3))));
  }

  @Test
  void londonIsPolicedByTheMetExceptTheCity() {
    authorities.stream()
        .filter(row -> LocalAuthorityKind.ofCode(row.get(0)) == LocalAuthorityKind.LONDON_BOROUGH)
        .forEach(row -> assertThat(row.get(2)).as("%s", row)
            .isEqualTo(row.get(0).equals(CITY_OF_LONDON) ? CITY_OF_LONDON_POLICE : METROPOLITAN_POLICE));
    assertThat(authorities).filteredOn(row -> row.get(2).equals(CITY_OF_LONDON_POLICE)).hasSize(1);
  }

  @Test
  void theReorganisationsOf2019To2023AreIn() {
    Map<String, List<String>> byCode = authorities.stream().collect(Collectors.toMap(row -> row.get(0), row -> row));
    assertThat(byCode.get("E06000058")).containsExactly("E06000058", "Bournemouth, Christchurch and Poole", "E23000039", "");
    assertThat(byCode.get("E06000060")).containsExactly("E06000060", "Buckinghamshire", "E23000029", "");
    assertThat(byCode.get("E06000061")).containsExactly("E06000061", "North Northamptonshire", "E23000022", "");
    assertThat(byCode.get("E06000063")).containsExactly("E06000063", "Cumberland", "E23000002", "");
    assertThat(byCode.get("E06000064")).containsExactly("E06000064", "Westmorland and Furness", "E23000002", "");
    assertThat(byCode.get("E06000065")).containsExactly("E06000065", "North Yorkshire", "E23000009", "");
    assertThat(byCode.get("E06000066")).containsExactly("E06000066", "Somerset", "E23000036", "");
    assertThat(byCode.get("E07000244")).containsExactly("E07000244", "East Suffolk", "E23000025", "E10000029");
    assertThat(byCode.get("E08000037")).containsExactly("E08000037", "Gateshead", "E23000007", "");
  }

  @Test
  void abolishedAuthoritiesAreNotListed() {
    Set<String> codes = authorities.stream().map(row -> row.get(0)).collect(Collectors.toSet());
    // codes replaced by the reorganisations of 2019-2023 (former counties, districts and unitaries)
    assertThat(codes).doesNotContain(
        "E06000028", "E06000029", "E06000048", "E08000020",
        "E10000002", "E10000006", "E10000009", "E10000021", "E10000023", "E10000027",
        "E07000004", "E07000027", "E07000028", "E07000029", "E07000030", "E07000031",
        "E07000048", "E07000150", "E07000156", "E07000163", "E07000169",
        "E07000187", "E07000189", "E07000201", "E07000206", "E07000246");
  }

  static List<List<String>> rows(String resource) {
    try (InputStream in = LocalAuthorityReferenceDataTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return ReferenceCsv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

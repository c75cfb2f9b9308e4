package org.preventcase.database.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.preventcase.authority.LocalAuthorityKind;
import org.preventcase.authority.ReferenceCsv;

/**
 * Loads the police force areas and the local authorities of England and Wales from
 * db/reference/*.csv (sources and dates in docs/case-record.md). Repeatable: a changed CSV runs it
 * again, inserting new rows and updating names and police force areas; nothing is deleted, since
 * case records keep the authority they were made under.
 */
public class R__AuthorityReferenceData extends BaseJavaMigration {

  static final String FORCES = "db/reference/police-force-areas.csv";
  static final String AUTHORITIES = "db/reference/local-authorities.csv";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (PreparedStatement force = connection.prepareStatement(
        "INSERT INTO police_force (code, area_name, force_name) VALUES (?, ?, ?) "
            + "ON CONFLICT (code) DO UPDATE SET area_name = excluded.area_name, force_name = excluded.force_name")) {
      for (List<String> row : ReferenceCsv.rows(read(FORCES))) {
        execute(force, row.get(0), row.get(1), row.get(2));
      }
    }
    // counties first: districts refer to them
    List<List<String>> authorities = ReferenceCsv.rows(read(AUTHORITIES)).stream()
        .sorted(Comparator.comparing(row -> LocalAuthorityKind.ofCode(row.get(0)) != LocalAuthorityKind.COUNTY))
        .toList();
    try (PreparedStatement authority = connection.prepareStatement(
        "INSERT INTO local_authority (code, name, kind, county_code, police_force_code) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
            + "county_code = excluded.county_code, police_force_code = excluded.police_force_code")) {
      for (List<String> row : authorities) {
        String county = row.get(3).isBlank() ? null : row.get(3);
        execute(authority, row.get(0), row.get(1), LocalAuthorityKind.ofCode(row.get(0)).name(), county, row.get(2));
      }
    }
  }

  private static void execute(PreparedStatement statement, String... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setString(i + 1, values[i]);
    }
    statement.executeUpdate();
  }

  /** The CSVs' own checksum: a changed file runs the migration again. */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(read(FORCES).getBytes(StandardCharsets.UTF_8));
    crc.update(read(AUTHORITIES).getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  static String read(String resource) {
    try (InputStream in = R__AuthorityReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Reference data missing from the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

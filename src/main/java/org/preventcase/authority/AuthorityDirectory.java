package org.preventcase.authority;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reference data of local authorities and police force areas (R__AuthorityReferenceData). At
 * start-up every configured authority (prevent.authorities) must be one of them.
 */
@Component
public class AuthorityDirectory implements SmartInitializingSingleton {

  private final JdbcClient jdbc;
  private final AuthoritiesProperties configured;

  public AuthorityDirectory(JdbcClient jdbc, AuthoritiesProperties configured) {
    this.jdbc = jdbc;
    this.configured = configured;
  }

  public Optional<LocalAuthority> find(String code) {
    return jdbc.sql("""
            SELECT a.code, a.name, a.kind, a.county_code, a.police_force_code, f.force_name
            FROM local_authority a JOIN police_force f ON f.code = a.police_force_code WHERE a.code = ?""")
        .param(code)
        .query((rs, row) -> new LocalAuthority(rs.getString(1), rs.getString(2),
            LocalAuthorityKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
        .optional();
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> unknown = configured.authorities().stream()
        .map(AuthoritiesProperties.Authority::code)
        .filter(code -> find(code).isEmpty())
        .toList();
    if (configured.authorities().isEmpty() || !unknown.isEmpty()) {
      throw new IllegalStateException(configured.authorities().isEmpty()
          ? "No authority is configured: set prevent.authorities (PREVENT_AUTHORITY_CODE)"
          : "Configured authorities are not local authorities of England or Wales (ONS/GSS code): " + unknown
              + ". Check prevent.authorities (PREVENT_AUTHORITY_CODE).");
    }
  }
}

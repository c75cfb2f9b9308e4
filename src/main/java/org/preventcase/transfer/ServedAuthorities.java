package org.preventcase.transfer;

import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which authorities this installation serves: those that are Camunda tenants (StartupProvisioning
 * makes one of every configured authority; the engine's tenancy asks the same of a process started
 * with no one signed in), and their names from the reference data.
 */
@Component
public class ServedAuthorities {

  private final JdbcClient jdbc;
  private final AuthorityDirectory directory;

  public ServedAuthorities(JdbcClient jdbc, AuthorityDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  public boolean serves(String code) {
    return jdbc.sql("SELECT count(*) FROM act_id_tenant WHERE id_ = ?").param(code).query(Integer.class).single() == 1;
  }

  /** A local authority of England or Wales (the reference data), served here or not. */
  public boolean isLocalAuthority(String code) {
    return directory.find(code).isPresent();
  }

  /** The authority's name, or its code when it is not a local authority of England or Wales. */
  public String nameOf(String code) {
    return directory.find(code).map(LocalAuthority::name).orElse(code);
  }
}

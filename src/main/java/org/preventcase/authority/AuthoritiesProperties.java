package org.preventcase.authority;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The local authorities this installation serves; each is a Camunda tenant. */
@ConfigurationProperties(prefix = "prevent")
public record AuthoritiesProperties(List<Authority> authorities) {

  public record Authority(String code, String name) {}

  public AuthoritiesProperties {
    authorities = authorities == null ? List.of() : List.copyOf(authorities);
  }
}

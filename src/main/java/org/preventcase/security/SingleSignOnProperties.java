package org.preventcase.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on (prevent.security.single-sign-on), used only when an OpenID Connect provider is
 * configured (spring.security.oauth2.client.*): the claim holding the provider's stable object id
 * (Entra ID: {@code oid}; {@code sub} when absent), and the one local account that may still use the
 * sign-in form, for break-glass administration (none unless set).
 */
@ConfigurationProperties(prefix = "prevent.security.single-sign-on")
public record SingleSignOnProperties(String userIdClaim, String breakGlassUser) {

  public SingleSignOnProperties {
    userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "oid" : userIdClaim.strip();
    breakGlassUser = breakGlassUser == null || breakGlassUser.isBlank() ? null : breakGlassUser.strip();
  }
}

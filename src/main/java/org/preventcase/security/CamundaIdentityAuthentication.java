package org.preventcase.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a sign-in (form or HTTP Basic) against the engine's identity service (its password hashing
 * and policy; its own lock-out is off) after the sign-in throttle lets the account and address try;
 * the user's groups become authorities GROUP_&lt;id&gt;.
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final EngineAuthorities authorities;
  private final ObjectProvider<ClientRegistrationRepository> singleSignOn;
  private final SingleSignOnProperties singleSignOnProperties;

  public CamundaIdentityAuthentication(IdentityService identityService, SignInThrottle throttle,
      EngineAuthorities authorities, ObjectProvider<ClientRegistrationRepository> singleSignOn,
      SingleSignOnProperties singleSignOnProperties) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.authorities = authorities;
    this.singleSignOn = singleSignOn;
    this.singleSignOnProperties = singleSignOnProperties;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object password = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : "";
    Duration wait = throttle.attempt(userId, address);
    if (!wait.isZero()) {
      throw new SignInThrottledException(wait);
    }
    if (userId == null || userId.isBlank() || !(password instanceof String secret) || !mayUseThisWay(authentication)
        || !identityService.checkPassword(userId, secret)) {
      throw new BadCredentialsException("Sign-in failed");
    }
    throttle.succeeded(userId, address);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupAuthorities(userId));
  }

  /** The user's current groups as authorities GROUP_&lt;id&gt;. */
  List<SimpleGrantedAuthority> groupAuthorities(String userId) {
    return authorities.of(userId);
  }

  boolean exists(String userId) {
    return identityService.createUserQuery().userId(userId).count() == 1;
  }

  /**
   * With single sign-on, people sign in at the provider: the sign-in form is open only to the
   * break-glass administrator, if one is configured (HTTP Basic stays open to machine clients).
   */
  private boolean mayUseThisWay(Authentication authentication) {
    return !(authentication.getDetails() instanceof FormSignInDetails) || singleSignOn.getIfAvailable() == null
        || authentication.getName().equals(singleSignOnProperties.breakGlassUser());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

package org.preventcase.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * the user's groups become authorities GROUP_&lt;id&gt;. A machine client's HTTP Basic sign-in is
 * remembered for the membership refresh ({@link RememberedSignIns}).
 */
@Component
public class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;
  private final SignInThrottle throttle;
  private final EngineAuthorities authorities;
  private final ObjectProvider<ClientRegistrationRepository> singleSignOn;
  private final SingleSignOnProperties singleSignOnProperties;
  private final RememberedSignIns rememberedSignIns;
  private final Actors actors;
  private final Clock clock;

  public CamundaIdentityAuthentication(IdentityService identityService, SignInThrottle throttle,
      EngineAuthorities authorities, ObjectProvider<ClientRegistrationRepository> singleSignOn,
      SingleSignOnProperties singleSignOnProperties, RememberedSignIns rememberedSignIns, Actors actors, Clock clock) {
    this.rememberedSignIns = rememberedSignIns;
    this.actors = actors;
    this.clock = clock;
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
    if (userId == null || userId.isBlank() || !(password instanceof String secret) || !mayUseThisWay(authentication)) {
      throw new BadCredentialsException("Sign-in failed");
    }
    if (authentication.getDetails() instanceof FormSignInDetails) {
      if (!identityService.checkPassword(userId, secret)) {
        throw new BadCredentialsException("Sign-in failed");
      }
      throttle.succeeded(userId, address);
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, groupAuthorities(userId));
    }
    return machineClient(userId, secret, address);
  }

  /**
   * HTTP Basic: a sign-in verified within the membership refresh is accepted as it was
   * ({@link RememberedSignIns}); the token carries the {@link Actor} read with it, for {@link Actors}.
   */
  private Authentication machineClient(String userId, String password, String address) {
    Optional<Actor> remembered = rememberedSignIns.recall(userId, password);
    if (remembered.isEmpty()) {
      long generation = rememberedSignIns.generation();
      Instant verifiedAt = clock.instant();
      if (!identityService.checkPassword(userId, password)) {
        throw new BadCredentialsException("Sign-in failed");
      }
      Actor actor = actors.of(userId);
      rememberedSignIns.remember(userId, password, actor, generation, verifiedAt);
      remembered = Optional.of(actor);
    }
    throttle.succeeded(userId, address);
    UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(userId, null,
        EngineAuthorities.asAuthorities(remembered.get().groups()));
    signedIn.setDetails(remembered.get());
    return signedIn;
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

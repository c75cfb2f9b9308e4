package org.preventcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Access ends when membership ends (issue 16 item 7): a signed-in session's roles (GROUP_ authorities)
 * are read again from the identity service when they are older than
 * {@code prevent.security.membership-refresh} (default 60 s), so pages and the project's API see the
 * user's current groups, for a form or HTTP Basic sign-in and a single sign-on session alike; a user
 * who no longer exists is signed out. The webapps' own cache of groups
 * and tenants is given the same time-to-live ({@link MembershipRefreshConfiguration}); the engine
 * REST API and {@link Actors} read memberships on every request.
 */
public class MembershipRefresh extends OncePerRequestFilter {

  static final String CHECKED_AT = MembershipRefresh.class.getName() + ".checkedAt";
  private final ObjectProvider<CamundaIdentityAuthentication> identity;
  private final Clock clock;
  private final Duration refresh;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

  public MembershipRefresh(ObjectProvider<CamundaIdentityAuthentication> identity, Clock clock, Duration refresh) {
    this.identity = identity;
    this.clock = clock;
    this.refresh = refresh;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication signedIn = holder.getContext().getAuthentication();
    if (session != null && signedIn != null && signedIn.isAuthenticated()
        && (signedIn instanceof UsernamePasswordAuthenticationToken || signedIn instanceof OAuth2AuthenticationToken)) {
      Instant now = clock.instant();
      Object checkedAt = session.getAttribute(CHECKED_AT);
      if (!(checkedAt instanceof Instant at) || !now.isBefore(at.plus(refresh))) {
        SecurityContext context = holder.createEmptyContext();
        CamundaIdentityAuthentication users = identity.getObject();
        if (users.exists(signedIn.getName())) {
          context.setAuthentication(withCurrentGroups(signedIn, users.groupAuthorities(signedIn.getName())));
          session.setAttribute(CHECKED_AT, now);
        } else {
          session.removeAttribute(CHECKED_AT);
        }
        holder.setContext(context);
        contexts.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }

  /** The same sign-in (the form's or HTTP Basic's, or a single sign-on session's) with these current groups. */
  private static Authentication withCurrentGroups(Authentication signedIn, List<SimpleGrantedAuthority> groups) {
    if (signedIn instanceof OAuth2AuthenticationToken singleSignOn) {
      return SingleSignOnUserService.withAuthorities(singleSignOn, groups);
    }
    return UsernamePasswordAuthenticationToken.authenticated(signedIn.getName(), null, groups);
  }
}

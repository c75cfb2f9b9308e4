package org.preventcase.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After Spring Security has validated the provider's ID token (signature, issuer, audience, expiry):
 * provisions the person as an engine user under the stable id, and signs them in under that id with
 * the engine's groups as authorities, so the webapps' hand-over, the authorizations and the audit
 * trail all see the engine user.
 */
@Component
class SingleSignOnUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final SingleSignOnUsers users;
  private final EngineAuthorities authorities;

  SingleSignOnUserService(SingleSignOnUsers users, EngineAuthorities authorities) {
    this.users = users;
    this.authorities = authorities;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = provider.loadUser(request);
    String userId = users.userIdOf(signedIn.getClaims());
    users.provision(userId, signedIn.getGivenName(), signedIn.getFamilyName(), signedIn.getEmail());
    return new EngineUser(authorities.of(userId), signedIn.getIdToken(), signedIn.getUserInfo(), userId);
  }

  /** A single sign-on session's sign-in with these (current) engine groups as its authorities. */
  static OAuth2AuthenticationToken withAuthorities(OAuth2AuthenticationToken signedIn,
      Collection<? extends GrantedAuthority> authorities) {
    OidcUser user = (OidcUser) signedIn.getPrincipal();
    OAuth2AuthenticationToken refreshed = new OAuth2AuthenticationToken(new EngineUser(authorities, user.getIdToken(),
        user.getUserInfo(), signedIn.getName()), authorities, signedIn.getAuthorizedClientRegistrationId());
    refreshed.setDetails(signedIn.getDetails());
    return refreshed;
  }

  /** The provider's user, named by its engine user id. */
  static final class EngineUser extends DefaultOidcUser {
    private final String userId;

    EngineUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
        String userId) {
      super(authorities, idToken, userInfo);
      this.userId = userId;
    }

    @Override
    public String getName() {
      return userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof EngineUser user && user.userId.equals(userId) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return userId.hashCode();
    }
  }
}

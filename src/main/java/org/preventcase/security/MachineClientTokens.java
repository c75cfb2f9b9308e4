package org.preventcase.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A machine client's access token (OAuth2 client credentials, a JWT the resource server has checked:
 * signature, issuer, audience, expiry) as the engine user of its object id, which an administrator
 * creates in Admin and puts in the client's groups. A client with no such user is refused (401).
 */
@Component
class MachineClientTokens implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SingleSignOnUsers users;
  private final EngineAuthorities authorities;

  MachineClientTokens(SingleSignOnUsers users, EngineAuthorities authorities) {
    this.users = users;
    this.authorities = authorities;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    String userId;
    try {
      userId = users.userIdOf(token.getClaims());
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException("The token names no client");
    }
    if (!users.exists(userId)) {
      throw new InvalidBearerTokenException("The token's client is not a user of this application");
    }
    return new JwtAuthenticationToken(token, authorities.of(userId), userId);
  }
}

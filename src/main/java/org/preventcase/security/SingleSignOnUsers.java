package org.preventcase.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People and machine clients signed in by the OpenID Connect provider, as engine users: each under a
 * stable id derived from the provider's object id ({@code sso-} and the id itself when Camunda's id
 * pattern accepts it, else {@code sso-} and 40 hex digits of its SHA-256), so the webapps, the
 * authorizations and the audit trail see one user across sign-ins and name changes. Groups and
 * authorities come from the engine (managed in Admin), never from the token's claims.
 */
@Component
public class SingleSignOnUsers {

  /** generic property general-resource-whitelist-pattern, with the prefix's room left in 64 characters. */
  static final Pattern ACCEPTED = Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
  static final String PREFIX = "sso-";
  private static final int LONGEST_ID = 64;

  private final IdentityService identity;
  private final SingleSignOnProperties properties;

  public SingleSignOnUsers(IdentityService identity, SingleSignOnProperties properties) {
    this.identity = identity;
    this.properties = properties;
  }

  /** The engine user id for a provider's claims: its object id claim, else its subject. */
  public String userIdOf(Map<String, Object> claims) {
    Object objectId = claims.get(properties.userIdClaim());
    Object stable = objectId != null ? objectId : claims.get("sub");
    if (stable == null || stable.toString().isBlank()) {
      throw new IllegalArgumentException("The provider's token names no " + properties.userIdClaim() + " nor sub");
    }
    return engineId(stable.toString());
  }

  static String engineId(String providerId) {
    if (ACCEPTED.matcher(providerId).matches() && PREFIX.length() + providerId.length() <= LONGEST_ID) {
      return PREFIX + providerId;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(providerId.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates the person's engine user at first sign-in, and keeps name and e-mail as the provider says. */
  public void provision(String userId, String givenName, String familyName, String email) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      // never used: this user signs in at the provider; a random one keeps the sign-in form closed to it
      user.setPassword("Sso-" + UUID.randomUUID() + "-" + UUID.randomUUID() + "!");
    }
    user.setFirstName(givenName);
    user.setLastName(familyName);
    user.setEmail(email);
    identity.saveUser(user);
  }

  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }
}

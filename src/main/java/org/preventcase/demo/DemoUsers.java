package org.preventcase.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only (switched on by `./mvnw spring-boot:run`, never by the packaged jar on its own):
 * one synthetic user per role, each working for the first configured authority. The README lists
 * the logins.
 */
@Component
@Profile("demo")
public class DemoUsers {

  /** Synthetic people: the user id is demo-&lt;role&gt;, the names are invented. */
  record DemoUser(String id, String firstName, String lastName, Role role) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("demo-referrer", "Robin", "Ashdown", Role.REFERRER),
      new DemoUser("demo-police", "Morgan", "Pell", Role.POLICE_PREVENT_OFFICER),
      new DemoUser("demo-coordinator", "Alex", "Carrow", Role.CHANNEL_COORDINATOR),
      new DemoUser("demo-chair", "Jordan", "Brightwell", Role.PANEL_CHAIR),
      new DemoUser("demo-panel-police", "Sam", "Tarrant", Role.PANEL_MEMBER_POLICE),
      new DemoUser("demo-panel-childrens", "Casey", "Vennor", Role.PANEL_MEMBER_CHILDRENS_SOCIAL_CARE),
      new DemoUser("demo-panel-adults", "Riley", "Ormsby", Role.PANEL_MEMBER_ADULT_SOCIAL_CARE),
      new DemoUser("demo-panel-education", "Taylor", "Quinnell", Role.PANEL_MEMBER_EDUCATION),
      new DemoUser("demo-panel-health", "Jamie", "Lockyer", Role.PANEL_MEMBER_HEALTH),
      new DemoUser("demo-panel-probation", "Avery", "Stannard", Role.PANEL_MEMBER_PROBATION),
      new DemoUser("demo-panel-youth-justice", "Rowan", "Fairlie", Role.PANEL_MEMBER_YOUTH_JUSTICE),
      new DemoUser("demo-panel-housing", "Quinn", "Hadleigh", Role.PANEL_MEMBER_HOUSING),
      new DemoUser("demo-provider", "Drew", "Kestle", Role.INTERVENTION_PROVIDER),
      new DemoUser("demo-mappa", "Harper", "Wystan", Role.MAPPA_COORDINATOR),
      new DemoUser("demo-manager", "Emery", "Coldridge", Role.PREVENT_MANAGER),
      new DemoUser("demo-process-owner", "Sasha", "Penmore", Role.PROCESS_OWNER));

  private final IdentityService identity;
  private final AuthoritiesProperties authorities;
  private final String password;

  public DemoUsers(IdentityService identity, AuthoritiesProperties authorities,
      @Value("${prevent.demo.password}") String password) {
    this.identity = identity;
    this.authorities = authorities;
    this.password = password;
  }

  public void apply() {
    String authority = authorities.authorities().get(0).code();
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@example.invalid");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.role().groupId());
        identity.createTenantUserMembership(authority, demo.id());
      }
    }
  }
}

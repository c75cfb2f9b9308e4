package org.preventcase.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.security.Role;

/**
 * Who sits on a panel (docs/roles.md): the chairs, the Channel coordinators, the police Prevent
 * officers and the partner agencies' members who work for one of the meeting's authorities, each
 * with the first of these groups they belong to (the agency they sit for).
 */
final class PanelMembers {

  static final List<Role> SEATS = List.of(Role.PANEL_CHAIR, Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER,
      Role.PANEL_MEMBER_POLICE, Role.PANEL_MEMBER_CHILDRENS_SOCIAL_CARE, Role.PANEL_MEMBER_ADULT_SOCIAL_CARE,
      Role.PANEL_MEMBER_EDUCATION, Role.PANEL_MEMBER_HEALTH, Role.PANEL_MEMBER_PROBATION,
      Role.PANEL_MEMBER_YOUTH_JUSTICE, Role.PANEL_MEMBER_HOUSING);

  record Member(String userId, String name, Role seat) {
    Map<String, String> option() {
      return Options.option(name + " (" + seat.displayName() + ")", userId);
    }
  }

  private PanelMembers() {}

  /** The members of the meeting's authorities, by user id, in the order of the seats. */
  static Map<String, Member> of(IdentityService identity, List<String> authorities) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (Role seat : SEATS) {
      List<User> users = new ArrayList<>();
      authorities.forEach(authority -> users.addAll(identity.createUserQuery().memberOfGroup(seat.groupId())
          .memberOfTenant(authority).orderByUserId().asc().list()));
      users.forEach(user -> members.putIfAbsent(user.getId(), new Member(user.getId(),
          (nonNull(user.getFirstName()) + " " + nonNull(user.getLastName())).strip(), seat)));
    }
    return members;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}

package org.preventcase.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;

/**
 * The places a role works, in the order the header links them. Who may open a place is decided where
 * the place is served (the access policy, the audited case service); this list only says where to
 * point each role, so a link is never offered to someone it would refuse.
 */
public enum Place {
  TASKLIST("Tasklist", "/camunda/app/tasklist/", "Your tasks and your group's: screening, assessments, panels.",
      EnumSet.copyOf(Role.working(Role.Workspace.TASKLIST))),
  MANAGERS_HOME("Managers' home", "/manager", "The places a Prevent manager works.", EnumSet.of(Role.PREVENT_MANAGER)),
  CASES("Cases", "/cases", "Your authority's open cases by stage, and a search by reference, name or date of birth.",
      EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER, Role.PANEL_CHAIR, Role.PREVENT_MANAGER)),
  DASHBOARD("Dashboard", "/dashboard", "Open cases by stage, tasks overdue, targets passed, the next panel meetings.",
      EnumSet.of(Role.PREVENT_MANAGER)),
  BOARD_REPORT("Board report", "/reports/board",
      "The board's quarterly figures in the Home Office's categories, small numbers withheld; as CSV too.",
      EnumSet.of(Role.PREVENT_MANAGER)),
  AUDIT("Audit", "/audit", "Who looked at a case, and which cases a user looked at.", EnumSet.of(Role.PREVENT_MANAGER)),
  ACCESS_REQUESTS("Access requests", "/access-requests",
      "Changes to who may see your authority's cases, waiting for a manager's approval.", EnumSet.of(Role.PREVENT_MANAGER)),
  STUCK_NOTIFICATIONS("Messages that keep failing", "/notifications/stuck",
      "Messages still queued after several failed attempts, and why.",
      EnumSet.of(Role.PREVENT_MANAGER, Role.ADMINISTRATOR)),
  MY_REFERRALS("Your referrals", "/referrals/mine", "The referrals you made and whether they are still considered.",
      EnumSet.copyOf(Role.working(Role.Workspace.TASKLIST))),
  COCKPIT("Cockpit", "/camunda/app/cockpit/", "The processes running, read only: where cases wait, and incidents.",
      EnumSet.of(Role.PREVENT_MANAGER, Role.PROCESS_OWNER, Role.ADMINISTRATOR)),
  ADMIN("Admin", "/camunda/app/admin/", "Users, groups, authorities and what each role may do.",
      EnumSet.of(Role.ADMINISTRATOR));

  /** Where each role lands after signing in, first match wins (docs/pages.md). */
  private static final List<Place> LANDING_ORDER = List.of(ADMIN, MANAGERS_HOME, TASKLIST, COCKPIT);

  private final String text;
  private final String href;
  private final String description;
  private final Set<Role> roles;

  Place(String text, String href, String description, Set<Role> roles) {
    this.text = text;
    this.href = href;
    this.description = description;
    this.roles = roles;
  }

  public String description() {
    return description;
  }

  public String text() {
    return text;
  }

  public String href() {
    return href;
  }

  public boolean isFor(Actor actor) {
    return roles.stream().anyMatch(actor::hasRole);
  }

  /** The places this user works, in header order. */
  public static List<Place> of(Actor actor) {
    return Arrays.stream(values()).filter(place -> place.isFor(actor)).toList();
  }

  /** Where the user's work is: Admin for administrators, the managers' home, Tasklist, or Cockpit. */
  public static java.util.Optional<Place> landing(Actor actor) {
    return LANDING_ORDER.stream().filter(place -> place.isFor(actor)).findFirst();
  }
}

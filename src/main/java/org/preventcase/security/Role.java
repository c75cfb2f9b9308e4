package org.preventcase.security;

import java.util.Arrays;
import java.util.List;

/**
 * The groups the models and the access policy use (../docs/roles.md). Groups are roles and
 * agencies; tenant membership says which authorities a user works for.
 */
public enum Role {
  REFERRER("prevent-referrer", "Referrers", Workspace.TASKLIST),
  POLICE_PREVENT_OFFICER("prevent-police-officer", "Police Prevent officers", Workspace.TASKLIST),
  CHANNEL_COORDINATOR("prevent-channel-coordinator", "Channel coordinators (local authority)", Workspace.TASKLIST),
  PANEL_CHAIR("prevent-panel-chair", "Channel panel chairs", Workspace.TASKLIST),
  PANEL_MEMBER_POLICE("partner-police", "Panel members: police", Workspace.TASKLIST),
  PANEL_MEMBER_CHILDRENS_SOCIAL_CARE("partner-childrens-social-care", "Panel members: children's social care", Workspace.TASKLIST),
  PANEL_MEMBER_ADULT_SOCIAL_CARE("partner-adult-social-care", "Panel members: adult social care", Workspace.TASKLIST),
  PANEL_MEMBER_EDUCATION("partner-education", "Panel members: education", Workspace.TASKLIST),
  PANEL_MEMBER_HEALTH("partner-health", "Panel members: health", Workspace.TASKLIST),
  PANEL_MEMBER_PROBATION("partner-probation", "Panel members: probation", Workspace.TASKLIST),
  PANEL_MEMBER_YOUTH_JUSTICE("partner-youth-justice", "Panel members: youth justice", Workspace.TASKLIST),
  PANEL_MEMBER_HOUSING("partner-housing", "Panel members: housing", Workspace.TASKLIST),
  INTERVENTION_PROVIDER("prevent-intervention-provider", "Intervention providers", Workspace.TASKLIST),
  MAPPA_COORDINATOR("prevent-mappa-coordinator", "MAPPA coordinators", Workspace.TASKLIST),
  PREVENT_MANAGER("prevent-manager", "Prevent managers", Workspace.COCKPIT_READ_ONLY),
  PROCESS_OWNER("prevent-process-owner", "Process owners", Workspace.COCKPIT_READ_ONLY),
  ADMINISTRATOR("camunda-admin", "Administrators", Workspace.ADMIN),
  /** A machine client such as the Prometheus scraper: reads the metrics and nothing else (SecurityConfiguration). */
  METRICS_READER("prevent-metrics", "Metrics readers (machine clients)", Workspace.METRICS);

  /**
   * Which webapp a role works in, and so which standing permissions it gets; {@code METRICS} is no
   * webapp and no engine permission: the metrics routes only.
   */
  public enum Workspace { TASKLIST, COCKPIT_READ_ONLY, ADMIN, METRICS }

  private final String groupId;
  private final String displayName;
  private final Workspace workspace;

  Role(String groupId, String displayName, Workspace workspace) {
    this.groupId = groupId;
    this.displayName = displayName;
    this.workspace = workspace;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public Workspace workspace() {
    return workspace;
  }

  /** The Spring Security authority a member of this group holds. */
  public String authority() {
    return "GROUP_" + groupId;
  }

  public static List<Role> working(Workspace workspace) {
    return Arrays.stream(values()).filter(role -> role.workspace == workspace).toList();
  }
}

package org.preventcase.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.SystemPermissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.intake.ReferralIntake;
import org.preventcase.vocabulary.IntakeVariables;
import org.springframework.stereotype.Component;

/**
 * The standing access policy, applied idempotently at every start and in every environment: the
 * authorities as tenants, the roles as groups, what each role may do (docs/roles.md), and one
 * Tasklist filter per task-working group. Users and memberships are managed in Admin (or seeded by
 * the demo profile).
 */
@Component
public class AccessPolicy {

  static final String MY_TASKS_FILTER = "My tasks";
  /** The panel meeting's process (org.preventcase.panel.Panel.MEETING_PROCESS; security does not depend on panel). */
  static final String PANEL_MEETING_PROCESS = "panel-meeting";
  /** What a Tasklist card shows of its task's case: non-identifying words (IntakeVariables' labels). */
  static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", IntakeVariables.CASE_REF, "label", "Case"),
      Map.of("name", IntakeVariables.URGENCY_LABEL, "label", "Urgency"),
      Map.of("name", IntakeVariables.CONCERN_TYPE_LABEL, "label", "Concern"),
      Map.of("name", IntakeVariables.AGE_BAND_LABEL, "label", "Age"),
      Map.of("name", IntakeVariables.REFERRAL_ID, "label", "Referral"));
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AuthoritiesProperties authorities;

  public AccessPolicy(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks, AuthoritiesProperties authorities) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.authorities = authorities;
  }

  public void apply() {
    authorities.authorities().forEach(authority -> ensureTenant(authority.code(), authority.name()));
    for (Role role : Role.values()) {
      ensureGroup(role);
      switch (role.workspace()) {
        case TASKLIST -> grantTasklistWork(role);
        case COCKPIT_READ_ONLY -> grantCockpitReading(role);
        case ADMIN -> grantAdministration(role);
        case METRICS -> { } // no engine permission: SecurityConfiguration opens the metrics routes, and only them
      }
      if (role == Role.PREVENT_MANAGER) {
        grantAssuranceReviews(role);
      }
    }
    ensureMyTasksFilter();
  }

  private void grantTasklistWork(Role role) {
    String group = role.groupId();
    grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // anyone working a case may make a referral: Tasklist's "Start process" for the intake only
    grant(group, Resources.PROCESS_DEFINITION, ReferralIntake.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    if (role == Role.CHANNEL_COORDINATOR) {
      // an extraordinary panel meeting for an urgent case: Tasklist's "Start process" (docs/panel.md)
      grant(group, Resources.PROCESS_DEFINITION, PANEL_MEETING_PROCESS, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    ensureGroupFilter(role);
  }

  private void grantCockpitReading(Role role) {
    String group = role.groupId();
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE,
        Permissions.READ_TASK);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    // giving a task to a named person is a Prevent manager's act, audited by the engine (TaskOwnershipPlugin)
    if (role == Role.PREVENT_MANAGER) {
      grant(group, Resources.TASK, ANY, Permissions.READ, TaskPermissions.TASK_ASSIGN);
    } else {
      grant(group, Resources.TASK, ANY, Permissions.READ);
    }
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  /**
   * Prevent managers work exactly the tasks offered to them, the assurance reviews of closures
   * (issue 9): Tasklist, with their group's filter and "My tasks"; no referral, no other task.
   */
  private void grantAssuranceReviews(Role role) {
    grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    ensureGroupFilter(role);
  }

  /**
   * Administrators look after people and access, and keep the engine running (incidents, job
   * retries); they neither deploy, nor start, change or delete cases, nor work tasks (docs/roles.md).
   */
  private void grantAdministration(Role role) {
    String group = role.groupId();
    grant(group, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (Resource identityResource : List.of(Resources.USER, Resources.GROUP, Resources.GROUP_MEMBERSHIP,
        Resources.TENANT, Resources.TENANT_MEMBERSHIP, Resources.AUTHORIZATION, Resources.FILTER)) {
      grant(group, identityResource, ANY, Permissions.ALL);
    }
    grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY, Permissions.READ_INSTANCE,
        Permissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, ProcessInstancePermissions.RETRY_JOB);
    grant(group, Resources.TASK, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.SYSTEM, ANY, SystemPermissions.READ);
  }

  private void ensureTenant(String code, String name) {
    if (identity.createTenantQuery().tenantId(code).count() == 0) {
      Tenant tenant = identity.newTenant(code);
      tenant.setName(name);
      identity.saveTenant(tenant);
    }
  }

  private void ensureGroup(Role role) {
    Group group = identity.createGroupQuery().groupId(role.groupId()).singleResult();
    if (group == null) {
      group = identity.newGroup(role.groupId());
    }
    group.setName(role.displayName());
    group.setType(role.workspace() == Role.Workspace.ADMIN ? "SYSTEM" : "WORKFLOW");
    identity.saveGroup(group);
  }

  /** Sets the group's grant on this resource to exactly these permissions. */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  private void ensureGroupFilter(Role role) {
    Filter filter = ensureFilter(role.displayName(), urgentFirst(tasks.createTaskQuery()
        .taskCandidateGroup(role.groupId()).includeAssignedTasks()), Map.of("description", "Tasks offered to "
        + role.displayName(), "priority", 10 + role.ordinal(), "refresh", true, "variables", CARD_VARIABLES));
    grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void ensureMyTasksFilter() {
    Filter filter = ensureFilter(MY_TASKS_FILTER, urgentFirst(tasks.createTaskQuery()
        .taskAssigneeExpression("${currentUser()}")), Map.of("description", "Tasks you have claimed", "priority", 0,
        "refresh", true, "variables", CARD_VARIABLES));
    List<Role> practitioners = new java.util.ArrayList<>(Role.working(Role.Workspace.TASKLIST));
    practitioners.add(Role.PREVENT_MANAGER);
    practitioners.forEach(role -> grant(role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ));
  }

  /**
   * Urgent work first: the highest task priority (an immediate risk's), then the earliest due date;
   * Tasklist's own sorting (newest first unless the user picks another) only breaks ties.
   */
  private static org.camunda.bpm.engine.task.TaskQuery urgentFirst(org.camunda.bpm.engine.task.TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  private Filter ensureFilter(String name, org.camunda.bpm.engine.task.TaskQuery query, Map<String, Object> properties) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(Map.copyOf(properties));
    return filters.saveFilter(filter);
  }
}

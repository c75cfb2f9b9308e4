package org.preventcase.membership;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Resources;
import org.preventcase.failures.Refusal;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.engine.AccessChange;
import org.preventcase.engine.AccessChangeGate;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No self-granted access (issue 16 item 2, docs/roles.md). A case role (a group of {@link Role} other
 * than the administrators), any other group that carries an authority or authorizations, a user's or
 * group's membership of an authority, and any user-level or group-level authorization, asked for by
 * a signed-in user, and the deletion of a user-level or group-level authorization (deleting a revoke
 * widens access), become a request that a Prevent manager of that
 * authority approves or refuses; only then does the change happen. Nobody decides a change they
 * asked for or that gives them access; an administrator holds no case role. Every request and
 * decision is written to the audit trail. The authorizations of the roles' groups belong to the
 * access policy and are refused outright.
 */
@Component
public class AccessRequests implements AccessChangeGate {

  /** The most decided requests a manager's page shows, newest first. */
  static final int RECENT = 200;
  /** The roles that see or work cases: all but the administrators and the metrics readers (who see only counts). */
  private static final Set<String> CASE_ROLES = Arrays.stream(Role.values())
      .filter(role -> role != Role.ADMINISTRATOR && role != Role.METRICS_READER)
      .map(Role::groupId).collect(Collectors.toUnmodifiableSet());
  /** The groups whose authorizations the access policy sets (the administrators' too). */
  private static final Set<String> ROLE_GROUPS = Arrays.stream(Role.values()).map(Role::groupId)
      .collect(Collectors.toUnmodifiableSet());
  private static final String COLUMNS = "id, authority_code, kind, user_id, group_id, tenant_id, authorization_id, "
      + "authorization_type, resource_type, resource_id, permissions, description, requested_by, requested_at, status, "
      + "decided_by, decided_at";
  private static final RowMapper<AccessRequest> ROW = (rs, row) -> {
    AccessChange.Kind kind = AccessChange.Kind.valueOf(rs.getString("kind"));
    AccessChange.Grant grant = rs.getObject("permissions") == null ? null : new AccessChange.Grant(
        rs.getString("authorization_id"), rs.getInt("authorization_type"), rs.getInt("resource_type"),
        rs.getString("resource_id"), rs.getInt("permissions"));
    return new AccessRequest(rs.getLong("id"), rs.getString("authority_code"), new AccessChange(kind,
        rs.getString("user_id"), rs.getString("group_id"), rs.getString("tenant_id"), grant), rs.getString("description"),
        rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
        AccessRequest.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class));
  };

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final AuditTrail audit;

  public AccessRequests(JdbcClient jdbc, IdentityService identity, AuthorizationService authorizations, AuditTrail audit) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.authorizations = authorizations;
    this.audit = audit;
  }

  public static boolean isCaseRole(String groupId) {
    return CASE_ROLES.contains(groupId);
  }

  @Override
  @Transactional
  public boolean takesEffectNow(AccessChange change, String requestedBy, List<String> requesterGroups) {
    String authority = switch (change.kind()) {
      case GROUP_MEMBERSHIP -> {
        if (Role.ADMINISTRATOR.groupId().equals(change.groupId())) {
          if (holdsCaseRole(change.userId())) {
            throw new DecisionRefused("An administrator holds no case role: " + change.userId()
                + " holds one, so cannot become an administrator");
          }
          yield null;
        }
        if (isCaseRole(change.groupId())) {
          refuseForAdministrators(change);
          yield authorityOfUser(change);
        }
        if (!carriesPermissions(change.groupId())) {
          yield null; // a group that gives nothing: joining it changes no one's access
        }
        yield authorityOfGroup(change.groupId()).orElseGet(() -> authorityOfUser(change));
      }
      case TENANT_USER_MEMBERSHIP, TENANT_GROUP_MEMBERSHIP -> change.tenantId();
      case GROUP_AUTHORIZATION -> authorityOfGroupAuthorization(change);
      case USER_AUTHORIZATION -> authorityOfUserAuthorization(change);
      case AUTHORIZATION_DELETION -> change.groupId() != null ? authorityOfGroupAuthorization(change)
          : authorityOfUserAuthorization(change);
    };
    if (authority == null) {
      return true;
    }
    boolean alreadyAsked = jdbc.sql("SELECT count(*) FROM access_change_request WHERE status = 'PENDING' AND "
            + "description = ? AND authority_code = ?").params(change.describe(), authority).query(Long.class).single() > 0;
    if (!alreadyAsked) {
      AccessChange.Grant grant = change.grant();
      long id = jdbc.sql("""
              INSERT INTO access_change_request (authority_code, kind, user_id, group_id, tenant_id, authorization_id,
                authorization_type, resource_type, resource_id, permissions, description, requested_by)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
          .params(authority, change.kind().name(), change.userId(), change.groupId(), change.tenantId(),
              grant == null ? null : grant.authorizationId(), grant == null ? null : grant.type(),
              grant == null ? null : grant.resourceType(), grant == null ? null : grant.resourceId(),
              grant == null ? null : grant.permissions(), change.describe(), requestedBy)
          .query(Long.class).single();
      audited(requestedBy, authority, change, AuditAction.ACCESS_REQUEST, AuditOutcome.GRANTED, id);
    }
    return false;
  }

  /** Whose managers decide a group-level authorization (created, changed or deleted); the roles' are refused. */
  private String authorityOfGroupAuthorization(AccessChange change) {
    if (ROLE_GROUPS.contains(change.groupId())) {
      throw new DecisionRefused("The authorizations of " + change.groupId() + " come from the access policy "
          + "(docs/roles.md), not from Admin: they are set again at every start");
    }
    return authorityOfGroup(change.groupId()).orElseThrow(() -> new DecisionRefused("The group "
        + change.groupId() + " works for no authority yet: add it to an authority first (a Prevent manager of that "
        + "authority approves it), then ask for this change"));
  }

  /** Whose managers decide a user-level authorization (created, changed or deleted); every user's are refused. */
  private String authorityOfUserAuthorization(AccessChange change) {
    if ("*".equals(change.userId())) {
      throw new DecisionRefused("Authorizations for every user come from the access policy (docs/roles.md), "
          + "not from Admin");
    }
    return authorityOfUser(change);
  }

  /** The requests of the manager's authorities: those waiting first, then the latest decisions. */
  public List<AccessRequest> visibleTo(Actor manager) {
    if (!manager.hasRole(Role.PREVENT_MANAGER) || manager.authorities().isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM access_change_request WHERE authority_code IN (:authorities) "
            + "ORDER BY status = 'PENDING' DESC, coalesce(decided_at, requested_at) DESC, id DESC LIMIT " + RECENT)
        .param("authorities", manager.authorities()).query(ROW).list();
  }

  /** Approves a waiting request and makes the change; a {@link DecisionRefused} says why not. */
  @Transactional
  public AccessRequest approve(long id, Actor manager) {
    AccessRequest request = decidable(id, manager);
    if (request.change().kind() == AccessChange.Kind.GROUP_MEMBERSHIP && isCaseRole(request.change().groupId())) {
      refuseForAdministrators(request.change());
    }
    if (!identityExists(request.change())) {
      throw new DecisionRefused("The user or group of this request no longer exists: refuse it");
    }
    if (!request.change().authorizationStillExists(authorizations)) {
      throw new DecisionRefused("The authorization of this request no longer exists: refuse it");
    }
    decide(request, manager, AccessRequest.Status.APPROVED);
    request.change().apply(identity, authorizations);
    return request;
  }

  @Transactional
  public AccessRequest refuse(long id, Actor manager) {
    AccessRequest request = decidable(id, manager);
    decide(request, manager, AccessRequest.Status.REFUSED);
    return request;
  }

  /** A change or decision that may not be made, and why (Admin and the engine REST API answer 400 with it). */
  public static class DecisionRefused extends BadUserRequestException implements Refusal {
    public DecisionRefused(String reason) {
      super(reason);
    }

    @Override
    public int status() {
      return 400;
    }
  }

  /** An unknown request, or one of an authority the manager does not work for: the same answer. */
  public static class NoSuchRequest extends RuntimeException {
    public NoSuchRequest() {
      super("There is no such request, or you may not see it", null, false, false);
    }
  }

  private AccessRequest decidable(long id, Actor manager) {
    AccessRequest request = jdbc.sql("SELECT " + COLUMNS + " FROM access_change_request WHERE id = ? FOR UPDATE")
        .param(id).query(ROW).optional()
        .filter(found -> manager.hasRole(Role.PREVENT_MANAGER) && manager.worksFor(found.authorityCode()))
        .orElseThrow(NoSuchRequest::new);
    if (request.status() != AccessRequest.Status.PENDING) {
      throw new DecisionRefused("This request was already " + request.status().name().toLowerCase());
    }
    AccessChange change = request.change();
    if (manager.userId().equals(request.requestedBy()) || manager.userId().equals(change.userId())
        || (change.groupId() != null && change.userId() == null && manager.groups().contains(change.groupId()))) {
      audited(manager.userId(), request.authorityCode(), change, AuditAction.ACCESS_APPROVE, AuditOutcome.REFUSED_ROLE,
          id);
      throw new DecisionRefused("Another Prevent manager decides this: it is a change you asked for or one that "
          + "gives you access");
    }
    return request;
  }

  private void decide(AccessRequest request, Actor manager, AccessRequest.Status status) {
    int updated = jdbc.sql("UPDATE access_change_request SET status = ?, decided_by = ?, decided_at = now() "
            + "WHERE id = ? AND status = 'PENDING'").params(status.name(), manager.userId(), request.id()).update();
    if (updated != 1) {
      throw new DecisionRefused("This request was decided meanwhile");
    }
    audited(manager.userId(), request.authorityCode(), request.change(), status == AccessRequest.Status.APPROVED
        ? AuditAction.ACCESS_APPROVE : AuditAction.ACCESS_REFUSE, AuditOutcome.GRANTED, request.id());
  }

  private void refuseForAdministrators(AccessChange change) {
    if (identity.createUserQuery().userId(change.userId()).memberOfGroup(Role.ADMINISTRATOR.groupId()).count() > 0) {
      throw new DecisionRefused("An administrator account holds no case role: " + change.userId()
          + " is an administrator. Use a separate, ordinary account for case work");
    }
  }

  private boolean holdsCaseRole(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .anyMatch(AccessRequests::isCaseRole);
  }

  /**
   * Whether members of the group gain anything by it: an authority (tenant) or an authorization other
   * than the one the engine gives every group's members on the group itself.
   */
  private boolean carriesPermissions(String groupId) {
    return identity.createTenantQuery().groupMember(groupId).count() > 0
        || authorizations.createAuthorizationQuery().groupIdIn(groupId).list().stream()
            .anyMatch(granted -> granted.getResourceType() != Resources.GROUP.resourceType()
                || !groupId.equals(granted.getResourceId()));
  }

  /** The authority a group works for (the first, if several), whose managers decide changes it carries. */
  private Optional<String> authorityOfGroup(String groupId) {
    return identity.createTenantQuery().groupMember(groupId).list().stream().map(Tenant::getId).sorted().findFirst();
  }

  /** The authority whose managers decide a change to a user: the one they work for (the first, if several). */
  private String authorityOfUser(AccessChange change) {
    return identity.createTenantQuery().userMember(change.userId()).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).sorted().findFirst()
        .orElseThrow(() -> new DecisionRefused(change.userId() + " works for no authority yet: add them to an authority "
            + "first (a Prevent manager of that authority approves it), then ask for this change"));
  }

  private boolean identityExists(AccessChange change) {
    boolean user = change.userId() == null
        || Optional.ofNullable(identity.createUserQuery().userId(change.userId()).singleResult()).map(User::getId).isPresent();
    boolean group = change.groupId() == null || identity.createGroupQuery().groupId(change.groupId()).count() == 1;
    boolean tenant = change.tenantId() == null || identity.createTenantQuery().tenantId(change.tenantId()).count() == 1;
    return user && group && tenant;
  }

  private void audited(String userId, String authority, AccessChange change, AuditAction action, AuditOutcome outcome,
      long requestId) {
    audit.record(new AuditRecord(userId, authority, null, null, change.userId(), action, outcome,
        new Purpose(Purpose.Code.ACCESS_CHANGE, "request " + requestId + ": " + truncated(change.describe())), null));
  }

  private static String truncated(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "..." : text;
  }
}

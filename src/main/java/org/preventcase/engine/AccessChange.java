package org.preventcase.engine;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/**
 * A change to who may see what, as asked of the engine (by Admin, the engine REST API or Java): a
 * user joining a group, a user or group joining a tenant (an authority), a user-level or
 * group-level authorization being saved, or one being deleted (deleting a revoke widens access). Read from the engine's own commands, kept as plain values so it can
 * wait for approval, and applied later through the public services.
 */
public record AccessChange(Kind kind, String userId, String groupId, String tenantId, Grant grant) {

  public enum Kind {
    GROUP_MEMBERSHIP, TENANT_USER_MEMBERSHIP, TENANT_GROUP_MEMBERSHIP, USER_AUTHORIZATION, GROUP_AUTHORIZATION,
    /** A user-level or group-level authorization deleted: {@code grant} is the authorization as it stands. */
    AUTHORIZATION_DELETION
  }

  /** An authorization as asked for (for a user or a group); {@code authorizationId} is set when an existing one changes. */
  public record Grant(String authorizationId, int type, int resourceType, String resourceId, int permissions) {

    /** The permissions granted, or for a revoke those revoked (a revoke's mask has their bits cleared). */
    public List<String> permissionNames() {
      Permission[] known = ResourceTypeUtil.getPermissionsByResourceType(resourceType);
      boolean revoke = type == Authorization.AUTH_TYPE_REVOKE;
      return Arrays.stream(known).filter(p -> p.getValue() != 0 && p.getValue() != Integer.MAX_VALUE
              && ((permissions & p.getValue()) == p.getValue()) != revoke).map(Permission::getName).toList();
    }

    String resourceName() {
      Resource resource = ResourceTypeUtil.getResourceByType(resourceType);
      return resource == null ? String.valueOf(resourceType) : resource.resourceName();
    }
  }

  public static AccessChange groupMembership(String userId, String groupId) {
    return new AccessChange(Kind.GROUP_MEMBERSHIP, userId, groupId, null, null);
  }

  public static AccessChange tenantUserMembership(String tenantId, String userId) {
    return new AccessChange(Kind.TENANT_USER_MEMBERSHIP, userId, null, tenantId, null);
  }

  public static AccessChange tenantGroupMembership(String tenantId, String groupId) {
    return new AccessChange(Kind.TENANT_GROUP_MEMBERSHIP, null, groupId, tenantId, null);
  }

  /** Whether the command changes memberships or authorizations (then {@link #of} reads what it changes). */
  static boolean changesAccess(Command<?> command) {
    return command instanceof CreateMembershipCmd || command instanceof CreateTenantUserMembershipCmd
        || command instanceof CreateTenantGroupMembershipCmd || command instanceof SaveAuthorizationCmd
        || command instanceof DeleteAuthorizationCmd;
  }

  /**
   * The change an engine command would make, if it is one of these (null-safe on unknown commands); a
   * deletion is read from the authorization as it stands (asked as the system), none if there is no
   * such authorization or it is neither a user's nor a group's.
   */
  static Optional<AccessChange> of(Command<?> command, AuthorizationService authorizations) {
    if (command instanceof DeleteAuthorizationCmd) {
      String id = field(command, "authorizationId");
      return Optional.ofNullable(id == null ? null
              : authorizations.createAuthorizationQuery().authorizationId(id).singleResult())
          .filter(existing -> existing.getUserId() != null || existing.getGroupId() != null)
          .map(existing -> new AccessChange(Kind.AUTHORIZATION_DELETION, existing.getUserId(), existing.getGroupId(),
              null, new Grant(existing.getId(), existing.getAuthorizationType(), existing.getResourceType(),
                  existing.getResourceId(), ((AuthorizationEntity) existing).getPermissions())));
    }
    if (command instanceof CreateMembershipCmd) {
      return Optional.of(groupMembership(field(command, "userId"), field(command, "groupId")));
    }
    if (command instanceof CreateTenantUserMembershipCmd) {
      return Optional.of(tenantUserMembership(field(command, "tenantId"), field(command, "userId")));
    }
    if (command instanceof CreateTenantGroupMembershipCmd) {
      return Optional.of(tenantGroupMembership(field(command, "tenantId"), field(command, "groupId")));
    }
    if (command instanceof SaveAuthorizationCmd) {
      AuthorizationEntity authorization = field(command, "authorization");
      if (authorization != null && (authorization.getUserId() != null || authorization.getGroupId() != null)) {
        Kind kind = authorization.getUserId() != null ? Kind.USER_AUTHORIZATION : Kind.GROUP_AUTHORIZATION;
        return Optional.of(new AccessChange(kind, authorization.getUserId(), authorization.getGroupId(), null,
            new Grant(authorization.getId(), authorization.getAuthorizationType(), authorization.getResourceType(),
                authorization.getResourceId(), authorization.getPermissions())));
      }
    }
    return Optional.empty();
  }

  /** Whether the user asking holds the engine permission this change needs (else the engine refuses it). */
  boolean mayBeAskedBy(AuthorizationService authorizations, String user, List<String> groups) {
    return switch (kind) {
      case GROUP_MEMBERSHIP -> authorizations.isUserAuthorized(user, groups, Permissions.CREATE,
          Resources.GROUP_MEMBERSHIP, groupId);
      case TENANT_USER_MEMBERSHIP, TENANT_GROUP_MEMBERSHIP -> authorizations.isUserAuthorized(user, groups,
          Permissions.CREATE, Resources.TENANT_MEMBERSHIP, tenantId);
      case USER_AUTHORIZATION, GROUP_AUTHORIZATION -> authorizations.isUserAuthorized(user, groups,
          grant.authorizationId() == null ? Permissions.CREATE : Permissions.UPDATE, Resources.AUTHORIZATION,
          grant.authorizationId() == null ? Authorization.ANY : grant.authorizationId());
      case AUTHORIZATION_DELETION -> authorizations.isUserAuthorized(user, groups, Permissions.DELETE,
          Resources.AUTHORIZATION, grant.authorizationId());
    };
  }

  /** Makes the change (called once it is approved, with nobody signed in to the engine). */
  public void apply(IdentityService identity, AuthorizationService authorizations) {
    switch (kind) {
      case GROUP_MEMBERSHIP -> identity.createMembership(userId, groupId);
      case TENANT_USER_MEMBERSHIP -> identity.createTenantUserMembership(tenantId, userId);
      case TENANT_GROUP_MEMBERSHIP -> identity.createTenantGroupMembership(tenantId, groupId);
      case USER_AUTHORIZATION, GROUP_AUTHORIZATION -> {
        Authorization authorization = grant.authorizationId() == null
            ? authorizations.createNewAuthorization(grant.type())
            : authorizations.createAuthorizationQuery().authorizationId(grant.authorizationId()).singleResult();
        if (authorization == null) {
          throw new IllegalStateException("The authorization to change no longer exists");
        }
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
        authorization.setResourceType(grant.resourceType());
        authorization.setResourceId(grant.resourceId());
        ((AuthorizationEntity) authorization).setPermissions(grant.permissions());
        authorizations.saveAuthorization(authorization);
      }
      case AUTHORIZATION_DELETION -> authorizations.deleteAuthorization(grant.authorizationId());
    }
  }

  /** Whether what the change needs still exists: the authorization it changes or deletes, if any. */
  public boolean authorizationStillExists(AuthorizationService authorizations) {
    return grant == null || grant.authorizationId() == null
        || authorizations.createAuthorizationQuery().authorizationId(grant.authorizationId()).count() == 1;
  }

  /** What a manager reads: e.g. "demo-x joins the group prevent-police-officer". */
  public String describe() {
    return switch (kind) {
      case GROUP_MEMBERSHIP -> userId + " joins the group " + groupId;
      case TENANT_USER_MEMBERSHIP -> userId + " joins the authority " + tenantId;
      case TENANT_GROUP_MEMBERSHIP -> "the group " + groupId + " joins the authority " + tenantId;
      case USER_AUTHORIZATION, GROUP_AUTHORIZATION -> authorization()
          + (grant.authorizationId() == null ? "" : " (changing an authorization)");
      case AUTHORIZATION_DELETION -> "delete the authorization: " + authorization();
    };
  }

  /** e.g. "revoke from demo-x READ on ProcessInstance *". */
  private String authorization() {
    return (grant.type() == Authorization.AUTH_TYPE_REVOKE ? "revoke from " : "grant ")
        + (userId != null ? userId : "the group " + groupId) + " "
        + grant.permissionNames().stream().collect(Collectors.joining(", ")) + " on " + grant.resourceName() + " "
        + grant.resourceId();
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, String name) {
    try {
      Field field = command.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return (T) field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("This engine version's " + command.getClass().getSimpleName()
          + " has no field " + name + ": the access-change guard needs updating", e);
    }
  }
}

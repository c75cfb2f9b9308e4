package org.preventcase.casefile;

import java.util.EnumSet;
import java.util.Set;
import org.preventcase.security.Actor;
import org.preventcase.security.Role;

/**
 * Which roles may do what with a case of an authority they work for (docs/roles.md). Referrers see
 * only the neutral status of their own referrals (a later issue); intervention providers record
 * contacts only on the cases allocated to them (INTERVENTION) and do not read the case record.
 */
enum CaseAccess {
  /**
   * The whole case. Not the partner agencies' groups: they see a case only through an open information
   * request to their own agency (INFORMATION_REQUEST); the panel's members read the cases listed at a meeting they are invited to (PANEL_MEETING).
   */
  READ(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER, Role.PANEL_CHAIR, Role.PREVENT_MANAGER)),
  /** The list of the authority's open cases and the search (docs/pages.md): not the panel's partners. */
  LIST(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER, Role.PANEL_CHAIR, Role.PREVENT_MANAGER)),
  OPEN(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER)),
  WRITE(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER, Role.PANEL_CHAIR)),
  EXPORT(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER)),
  /**
   * A review of a decision or a hand-off as a task's outcome (a Prevent manager's assurance review of a
   * closure, the MAPPA coordinator's hand-off, issue 9) and closing the case it ends: those who write
   * cases, the Prevent managers and the MAPPA coordinators, who otherwise may not open, correct or
   * export one (nor, the coordinators, view it).
   */
  REVIEW(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER, Role.PANEL_CHAIR, Role.PREVENT_MANAGER,
      Role.MAPPA_COORDINATOR)),
  /**
   * Move a case to another authority (docs/transfers.md): the case owners ask, and the case process's
   * step copies it to the receiving authority (a disclosure the system actor makes on that request).
   */
  TRANSFER(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER)),
  /**
   * Report that the person is in custody (docs/custody.md): the case owners, whose process then hands the
   * case to prison and probation services.
   */
  CUSTODY(EnumSet.of(Role.CHANNEL_COORDINATOR, Role.POLICE_PREVENT_OFFICER)),
  /** Make a referral, which opens a case the referrer then cannot read: every Tasklist role (docs/roles.md). */
  REFER(EnumSet.copyOf(Role.working(Role.Workspace.TASKLIST))),
  /**
   * One information request to a partner agency, while it is open: who it is about and what is asked
   * (the agency's page), and the agency's answer. Members of that agency's own group only
   * (CaseService checks the agency and that the request is open); never the system actor.
   */
  INFORMATION_REQUEST(EnumSet.of(Role.PANEL_MEMBER_POLICE, Role.PANEL_MEMBER_CHILDRENS_SOCIAL_CARE,
      Role.PANEL_MEMBER_ADULT_SOCIAL_CARE, Role.PANEL_MEMBER_EDUCATION, Role.PANEL_MEMBER_HEALTH,
      Role.PANEL_MEMBER_PROBATION, Role.PANEL_MEMBER_YOUTH_JUSTICE, Role.PANEL_MEMBER_HOUSING)),
  /**
   * Place or lift a legal hold, which stops the case's deletion (docs/retention.md): the Prevent managers,
   * who answer for the authority's records; never the system actor.
   */
  LEGAL_HOLD(EnumSet.of(Role.PREVENT_MANAGER)),
  /**
   * Figures about an authority's cases as a whole: the board report and the managers' dashboard (issue 15,
   * docs/board-report.md, docs/dashboard.md), to its Prevent managers; never the system actor.
   */
  REPORT(EnumSet.of(Role.PREVENT_MANAGER)),
  /**
   * Recording a contact on an intervention of the case's support plan (issue 11, docs/support.md): the
   * intervention providers, each only on the cases whose plan allocates its interventions to them
   * (CaseService checks the allocation); the case's writers and the system actor as for WRITE.
   */
  INTERVENTION(EnumSet.of(Role.INTERVENTION_PROVIDER)),
  /**
   * Reading a case listed at a panel meeting the member is invited to, from the agenda's issue until
   * the minutes are final, for that meeting (the per-case access list, process.md §5; issue 10):
   * the panel's partner members, whom CaseService checks against the meeting's invitations.
   */
  PANEL_MEETING(EnumSet.of(Role.PANEL_MEMBER_POLICE, Role.PANEL_MEMBER_CHILDRENS_SOCIAL_CARE,
      Role.PANEL_MEMBER_ADULT_SOCIAL_CARE, Role.PANEL_MEMBER_EDUCATION, Role.PANEL_MEMBER_HEALTH,
      Role.PANEL_MEMBER_PROBATION, Role.PANEL_MEMBER_YOUTH_JUSTICE, Role.PANEL_MEMBER_HOUSING));

  private final Set<Role> roles;

  CaseAccess(Set<Role> roles) {
    this.roles = roles;
  }

  /**
   * The system actor (a model's step with no one signed in, for its own instance's authority) may do
   * what the process's steps do: refer, read and write; a disclosure, an agency's answer and a legal
   * hold always have a person behind them.
   */
  boolean allows(Actor actor) {
    if (actor.isSystem()) {
      return this != EXPORT && this != INFORMATION_REQUEST && this != LEGAL_HOLD && this != PANEL_MEETING
          && this != REPORT;
    }
    return roles.stream().anyMatch(actor::hasRole);
  }
}

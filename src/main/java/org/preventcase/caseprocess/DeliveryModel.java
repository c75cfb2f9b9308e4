package org.preventcase.caseprocess;

import org.preventcase.security.Role;

/**
 * Who owns a case until the panel (process.md §2.10): the police Prevent officers (police gateway, the
 * default) or the local authority's Channel coordinators (LA-led, after Dovetail). Police
 * deconfliction comes first in both. Configured per authority as prevent.delivery-model.&lt;code&gt;.
 */
public enum DeliveryModel {
  POLICE_GATEWAY(Role.POLICE_PREVENT_OFFICER),
  LA_LED(Role.CHANNEL_COORDINATOR);

  private final Role caseOwner;

  DeliveryModel(Role caseOwner) {
    this.caseOwner = caseOwner;
  }

  /** The candidate group of the case owner's tasks (the process variable caseOwnerGroup). */
  public String caseOwnerGroup() {
    return caseOwner.groupId();
  }
}

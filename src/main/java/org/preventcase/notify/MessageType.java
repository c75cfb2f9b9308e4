package org.preventcase.notify;

import java.util.Locale;

/**
 * Every kind of message the engine sends, each with its e-mail template in
 * src/main/resources/notifications/ (docs/notifications.md says who receives each and what it may say).
 */
public enum MessageType {
  REFERRAL_ACKNOWLEDGEMENT,
  /** To every referrer of a case when it closes, whatever the outcome: the referral was handled. */
  REFERRAL_HANDLED,
  URGENT_REFERRAL,
  NEW_TASK_FOR_AGENCY,
  TASK_REMINDER,
  TASK_ESCALATION,
  PANEL_AGENDA,
  ALLOCATION_TO_INTERVENTION_PROVIDER,
  REFERRAL_TO_MAPPA,
  CASE_TRANSFER,
  POST_EXIT_REVIEW_DUE,
  /** No contact recorded on an intervention for prevent.support.contact-lapse: to the coordinators and chairs. */
  CONTACT_LAPSED,
  /** A risk escalated on an open case: to the police Prevent officers of the case's authority, at once. */
  RISK_ESCALATED,
  /** A partner agency is asked for information (again when its due date moves): no link to the case page. */
  INFORMATION_REQUEST,
  INFORMATION_REQUEST_REMINDER,
  /** The case went on without the agency's answer: its request is withdrawn, said neutrally. */
  INFORMATION_REQUEST_WITHDRAWN,
  /** Not about a case: the daily heads of an authority's audit chains, for its managers to keep. */
  AUDIT_DIGEST;

  public String templateResource() {
    return "notifications/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
  }
}

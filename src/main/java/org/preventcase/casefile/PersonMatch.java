package org.preventcase.casefile;

/**
 * Who the person of a new referral is known to be (process.md §2.8), across authorities:
 *
 * @param kind the route the intake takes
 * @param caseReference the matched case of this authority (for OPEN_CASE, POST_EXIT_REVIEW,
 *     CLOSED_CASE, CANDIDATE), else null
 * @param otherAuthorityName an authority that holds an open case for the person: all a screener is told
 */
public record PersonMatch(Kind kind, String caseReference, String otherAuthorityName) {

  public enum Kind {
    /** Not known: a new case. */
    NONE,
    /** Exact match (normalised name and date of birth, or NHS number) with an open case here: link, no second case. */
    OPEN_CASE,
    /** Exact match with a case in its post-exit review window: the referral goes to that case. */
    POST_EXIT_REVIEW,
    /** Exact match whose cases here are closed: a new, repeat case carrying the history. */
    CLOSED_CASE,
    /** Weaker match (same address, or same date of birth and family name): the screener confirms. */
    CANDIDATE
  }

}

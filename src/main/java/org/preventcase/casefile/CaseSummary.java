package org.preventcase.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case as the case list and the search show it: its reference, stage and status, its person's
 * name and date of birth, the urgency of its latest referral, who owns its open work (the assignee
 * of its open task, else the group the task is offered to) and the earliest due date of its open tasks.
 */
public record CaseSummary(String reference, String authorityName, String stage, String status, OffsetDateTime openedAt,
    String givenNames, String familyName, LocalDate dateOfBirth, String urgency, String owner, Instant nextDue) {

  CaseSummary withWork(String owner, Instant nextDue) {
    return new CaseSummary(reference, authorityName, stage, status, openedAt, givenNames, familyName, dateOfBirth,
        urgency, owner, nextDue);
  }
}

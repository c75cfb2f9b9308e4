package org.preventcase.membership;

import java.time.OffsetDateTime;
import org.preventcase.engine.AccessChange;

/** A change to who may see what, waiting for (or decided by) a Prevent manager of its authority. */
public record AccessRequest(long id, String authorityCode, AccessChange change, String description,
    String requestedBy, OffsetDateTime requestedAt, Status status, String decidedBy, OffsetDateTime decidedAt) {

  public enum Status { PENDING, APPROVED, REFUSED }

  /** The user whose access changes, if it is a user's (null for a group joining an authority). */
  public String subjectUser() {
    return change.userId();
  }
}

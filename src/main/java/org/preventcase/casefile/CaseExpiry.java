package org.preventcase.casefile;

import java.time.Instant;

/**
 * When a closed case's record is due to be deleted: the authority's retention period after its closure
 * (docs/retention.md; the retention's configuration answers it). The case page shows it.
 */
public interface CaseExpiry {

  Instant caseExpiry(String authorityCode, Instant closedAt);
}

package org.preventcase.audit;

import java.util.List;

/** Chain heads kept outside the schema owner's reach (the daily digests sent to managers). */
public interface AuditAnchors {

  List<ChainHead> keptHeads(String authorityCode);
}

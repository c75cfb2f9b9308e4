package org.preventcase.transfer;

import java.util.List;
import org.preventcase.vocabulary.IntakeVariables;

/** The non-identifying facts a transferred case carries to the receiving authority's processes. */
final class CaseFacts {

  static final List<String> CARRIED = List.of(IntakeVariables.CONCERN_TYPE, IntakeVariables.URGENCY,
      IntakeVariables.REFERRER_SECTOR, IntakeVariables.AGE_BAND, IntakeVariables.CONCERN_TYPE_LABEL,
      IntakeVariables.URGENCY_LABEL, IntakeVariables.REFERRER_SECTOR_LABEL, IntakeVariables.AGE_BAND_LABEL,
      IntakeVariables.TASK_PRIORITY);

  private CaseFacts() {}
}

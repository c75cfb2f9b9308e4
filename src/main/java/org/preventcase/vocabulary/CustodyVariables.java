package org.preventcase.vocabulary;

/**
 * The variables of the custody hand-off and hold (processes/case/prevent-case.bpmn, docs/custody.md).
 * Only the decisions ({@link #CUSTODY_DECISION}, {@link #RELEASE_DECISION}) stay in the engine; the
 * establishment, the basis, probation's and the programme's part and the notes are moved into the case
 * record by the tasks' complete listeners.
 */
public final class CustodyVariables {

  /** {@link CustodyBasis}, the establishment's name, {@link ProbationInvolvement}, {@link DesistanceAndDisengagement}. */
  public static final String CUSTODY_BASIS = "custodyBasis";
  public static final String CUSTODY_ESTABLISHMENT = "custodyEstablishment";
  public static final String PROBATION_INVOLVEMENT = "probationInvolvement";
  public static final String DESISTANCE_AND_DISENGAGEMENT = "desistanceAndDisengagement";
  public static final String CUSTODY_HAND_OFF_NOTE = "custodyHandOffNote";
  /** {@link CustodyDecision}: close the case, or hold it until release. */
  public static final String CUSTODY_DECISION = "custodyDecision";
  /** {@link ReleaseDecision}, and the case owner's note of the review. */
  public static final String RELEASE_DECISION = "releaseDecision";
  public static final String CUSTODY_REVIEW_NOTE = "custodyReviewNote";

  private CustodyVariables() {}
}

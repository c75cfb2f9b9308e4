package org.preventcase.vocabulary;

import java.util.List;

/**
 * The only process variables a referral leaves in the engine once its start listener has run: the
 * case reference and the non-identifying facts gateways, Tasklist forms and filters need.
 */
public final class IntakeVariables {

  public static final String REFERRAL_ID = "referralId";
  public static final String CASE_REF = "caseRef";
  public static final String CONCERN_TYPE = "concernType";
  public static final String URGENCY = "urgency";
  public static final String REFERRER_SECTOR = "referrerSector";
  public static final String AGE_BAND = "ageBand";
  /** The same facts as words, for Tasklist's task cards and forms (non-identifying: the labels of the codes above). */
  public static final String CONCERN_TYPE_LABEL = "concernTypeLabel";
  public static final String URGENCY_LABEL = "urgencyLabel";
  public static final String REFERRER_SECTOR_LABEL = "referrerSectorLabel";
  public static final String AGE_BAND_LABEL = "ageBandLabel";
  /** The priority of the referral's police tasks: high at once for an immediate risk. */
  public static final String TASK_PRIORITY = "taskPriority";
  /** The known-person match (PersonMatch.Kind), the matched case of this authority, another authority's name. */
  public static final String PERSON_MATCH = "personMatch";
  public static final String MATCHED_CASE_REF = "matchedCaseRef";
  public static final String OTHER_AUTHORITY = "otherAuthority";
  /** A repeat case's earlier case. */
  public static final String PREVIOUS_CASE_REF = "previousCaseRef";
  /** Set by the partner API before the start: FORM (Tasklist, the default) or API. */
  public static final String SUBMITTED_THROUGH = "submittedThrough";

  /** What the intake hands to the case process (those that are set). */
  public static final List<String> CASE_FACTS = List.of(CASE_REF, CONCERN_TYPE, URGENCY, REFERRER_SECTOR, AGE_BAND,
      CONCERN_TYPE_LABEL, URGENCY_LABEL, REFERRER_SECTOR_LABEL, AGE_BAND_LABEL, TASK_PRIORITY, PREVIOUS_CASE_REF,
      OTHER_AUTHORITY, MappaVariables.ON_LICENCE_OR_UNDER_MAPPA, MappaVariables.ON_LICENCE_OR_UNDER_MAPPA_LABEL);

  private IntakeVariables() {}
}

package org.preventcase.referral;

import java.util.List;

/**
 * The only process variables a referral leaves in the engine once its start listener has run: the
 * case reference and the non-identifying facts gateways, Tasklist forms and filters need.
 */
public final class IntakeVariables {

  public static final String CASE_REF = "caseRef";
  public static final String CONCERN_TYPE = "concernType";
  public static final String URGENCY = "urgency";
  public static final String REFERRER_SECTOR = "referrerSector";
  public static final String AGE_BAND = "ageBand";
  /** Set by the partner API before the start: FORM (Tasklist, the default) or API. */
  public static final String SUBMITTED_THROUGH = "submittedThrough";

  /** What the intake hands to the case process. */
  public static final List<String> CASE_FACTS = List.of(CASE_REF, CONCERN_TYPE, URGENCY, REFERRER_SECTOR, AGE_BAND);

  private IntakeVariables() {}
}

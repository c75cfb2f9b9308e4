package org.preventcase.vocabulary;

/**
 * The variables of the MAPPA liaison (processes/case/prevent-case.bpmn, docs/mappa.md). Only
 * {@link #MAPPA_AGREES_TO_CHANNEL} stays in the engine (the case process routes on it); the category,
 * the level and the notes are moved into the case record by the task's complete listener.
 */
public final class MappaVariables {

  /** The referral's answer ({@link Answer}): is the person on licence or under MAPPA? With its label for the screening form. */
  public static final String ON_LICENCE_OR_UNDER_MAPPA = "onLicenceOrUnderMappa";
  public static final String ON_LICENCE_OR_UNDER_MAPPA_LABEL = "onLicenceOrUnderMappaLabel";
  /** The screener's answer ({@link GoesToMappa}), asked when the referral said YES. */
  public static final String GOES_TO_MAPPA = "goesToMappa";
  /** {@link MappaCategory} and {@link MappaLevel}, by number. */
  public static final String MAPPA_CATEGORY = "mappaCategory";
  public static final String MAPPA_LEVEL = "mappaLevel";
  /** {@link MappaAgreement}. */
  public static final String MAPPA_AGREES_TO_CHANNEL = "mappaAgreesToChannel";
  public static final String MAPPA_HAND_OFF_NOTE = "mappaHandOffNote";
  /** The liaison's end: MAPPA has closed its involvement (a confirmation), and what MAPPA said. */
  public static final String MAPPA_INVOLVEMENT_ENDED = "mappaInvolvementEnded";
  public static final String MAPPA_LIAISON_NOTE = "mappaLiaisonNote";

  private MappaVariables() {}
}

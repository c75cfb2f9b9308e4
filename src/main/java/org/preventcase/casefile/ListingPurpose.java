package org.preventcase.casefile;

/** Why a case is on a panel meeting's agenda (panel_listing.purpose). */
public enum ListingPurpose {
  /** The panel decides the case (process.md §2.4). */
  DECIDE,
  /** An adopted case, reviewed at every meeting until it exits (§2.11). */
  REVIEW
}

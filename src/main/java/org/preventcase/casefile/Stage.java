package org.preventcase.casefile;

/**
 * Where a case is in the statutory process (process.md §2), one value per stage; the column
 * case_file.stage accepts only these (V20, V220). Only the case process changes a case's stage.
 */
public enum Stage {
  /** B: police screening and deconfliction of the referral (the stage a case opens in). */
  SCREENING,
  /** B: the police gateway assessment. */
  GATEWAY,
  /** C: information gathering and preliminary assessment. */
  INFORMATION_GATHERING,
  /** D: the Channel panel. */
  PANEL,
  /** E: consent to Channel support. */
  CONSENT,
  /** F: the support plan and interventions. */
  SUPPORT,
  /** Kept by the police: Prevent Case Management or a police-led partnership. */
  POLICE_MANAGED,
  /** Managed under MAPPA (process.md §2.9). */
  MAPPA,
  /** In custody: handed to prison and probation services, the case held until release (docs/custody.md; V220). */
  CUSTODY,
  /** G: after exit, the post-exit reviews (6 and 12 months); a new referral re-opens the case. */
  POST_EXIT_REVIEW,
  /** Closed: no further action, signposted, transferred or after its reviews. */
  CLOSED
}

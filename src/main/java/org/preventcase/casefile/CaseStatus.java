package org.preventcase.casefile;

/** Whether a case is open (it has its running case process) or closed; case_file.status accepts only these. */
public enum CaseStatus {
  OPEN,
  CLOSED
}

package org.preventcase.casefile;

/**
 * The case does not exist, or the user may not see or change it: the two are told apart only in the
 * audit trail, never to the user. Carries no reference or personal data in its message.
 */
public class CaseNotFoundException extends RuntimeException {

  public CaseNotFoundException() {
    super("No such case");
  }
}

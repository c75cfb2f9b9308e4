package org.preventcase.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A process could not be started for an authority: the starter named one they do not work for, or
 * works for several and named none. The message names the start variable's form field by its label
 * and never echoes the value given.
 */
public class AuthorityNotChosenException extends ProcessEngineException {

  /** The start variable (and form field) naming the authority a new process instance works for. */
  public static final String FIELD = "authorityCode";
  public static final String LABEL = "Local authority code";

  public AuthorityNotChosenException(String message) {
    super(message);
  }
}

package org.preventcase.formcheck;

/**
 * A form the server cannot check as form-js would (an unknown component, a condition outside the
 * supported FEEL subset, options from an expression): refused when the models are deployed, so a
 * form can never be accepted unchecked.
 */
public class UncheckableFormException extends IllegalStateException {

  public UncheckableFormException(String message) {
    super(message);
  }
}

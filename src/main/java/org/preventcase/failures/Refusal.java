package org.preventcase.failures;

/**
 * An exception whose message is written for the person who made the request: plain English, naming
 * fields by their labels, no id, value, class name or rule syntax. The error mapping of the engine
 * APIs shows such a message as it is, with this status, wherever in the cause chain it is found.
 */
public interface Refusal {

  /** The HTTP status the refusal answers with (400, 403, 409, ...). */
  int status();

  String getMessage();

  /** The kind of refusal, the last part of the problem's {@code type} (docs/forms.md). */
  default String kind() {
    return "refused";
  }

  /**
   * The fields a refused form names, the problem's {@code errors} (docs/forms.md): each with its
   * {@code field} (key), {@code label} and {@code message}; none by default.
   */
  default java.util.List<?> errors() {
    return java.util.List.of();
  }
}

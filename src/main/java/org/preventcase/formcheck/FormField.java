package org.preventcase.formcheck;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a form that submits a value, with the rules its schema states: what form-js 1.8
 * checks in the browser, which the server checks again.
 *
 * @param errorName how messages name the field ("the person's date of birth"); from the component's
 *     custom property {@code errorName}, else the label with a lower-case first letter
 * @param requiredMessage the form's own message for the field left empty (custom property
 *     {@code requiredMessage}, what Tasklist shows under the field, docs/tasklist.md), or null
 * @param invalidMessage the form's own message for a value that breaks the field's rules (custom
 *     property {@code invalidMessage}), or null
 * @param decimalDigits how many decimal places a number may have (0: a whole number), or null for any
 */
public record FormField(String key, String type, String subtype, String label, String errorName,
    String requiredMessage, String invalidMessage, String description,
    boolean required, Integer minLength, Integer maxLength, Pattern pattern, String validationType, BigDecimal min,
    BigDecimal max, Integer decimalDigits, List<Option> options, String valuesKey, HideCondition hide,
    boolean disabled) {

  /** One choice of a select, radio, checklist or taglist. */
  public record Option(String value, String label) {}

  /** The value types form-js submits for each kind of field. */
  public enum Kind { TEXT, NUMBER, DATE_TIME, CHOICE, CHOICES, CONFIRMATION }

  public Kind kind() {
    return switch (type) {
      case "textfield", "textarea" -> Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "datetime" -> Kind.DATE_TIME;
      case "select", "radio" -> Kind.CHOICE;
      case "checklist", "taglist" -> Kind.CHOICES;
      case "checkbox" -> Kind.CONFIRMATION;
      default -> throw new IllegalStateException("not a value field: " + type);
    };
  }

  /** The field inside a group with a condition of its own: hidden when either hides it. */
  FormField within(HideCondition around) {
    return new FormField(key, type, subtype, label, errorName, requiredMessage, invalidMessage, description, required,
        minLength, maxLength, pattern, validationType, min, max, decimalDigits, options, valuesKey,
        HideCondition.either(around, hide), disabled);
  }

  public boolean offersChoices() {
    return kind() == Kind.CHOICE || kind() == Kind.CHOICES;
  }
}

package org.preventcase.formcheck;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks submitted values against a form's schema as form-js 1.8 does in the browser: unknown keys,
 * hidden fields (their {@code conditional.hide} evaluated on the form's data), required fields,
 * types, choices limited to the form's options (static {@code values} or a {@code valuesKey}
 * variable), patterns and e-mail or phone formats, lengths, number ranges and decimal places, and
 * dates that exist.
 * One message per field, in GOV.UK style, naming the field by its label.
 */
public final class FormChecker {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");
  private static final int MAX_KEY_SHOWN = 60;
  private static final Pattern IMPERATIVE = Pattern.compile("(?i)(describe|explain|tell|list|give|say|write)\\b");

  private FormChecker() {}

  /**
   * @param submitted the submitted values (plain: text, numbers, booleans, lists)
   * @param known the variables the form was opened with (a task's variables; none for a start form):
   *     conditions and {@code valuesKey} options read them, overlaid by what was submitted
   */
  public static List<FieldError> check(FormSchema schema, Map<String, ?> submitted, Map<String, ?> known) {
    List<FieldError> errors = new ArrayList<>();
    submitted.keySet().stream().filter(key -> schema.field(key).isEmpty()).sorted().forEach(key ->
        errors.add(new FieldError(shown(key), shown(key), "'" + shown(key) + "' is not a question on this form")));
    Map<String, Object> data = new HashMap<>(known);
    data.putAll(submitted);
    for (FormField field : schema.fields()) {
      Object value = submitted.get(field.key());
      boolean hidden = field.hide() != null && field.hide().hides(data);
      String problem;
      if (hidden || field.disabled()) {
        problem = isEmpty(value) ? null : sentence(field.label()) + " does not apply here: leave it empty";
      } else if (isEmpty(value)) {
        problem = field.required() ? missing(field) : null;
      } else {
        problem = invalid(field, value, data);
      }
      if (problem != null) {
        errors.add(new FieldError(field.key(), field.label(), problem));
      }
    }
    return errors;
  }

  static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isBlank())
        || (value instanceof List<?> list && list.isEmpty()) || Boolean.FALSE.equals(value);
  }

  /** The form's own message (as Tasklist shows it under the field) first, else one from the label. */
  private static String missing(FormField field) {
    if (field.requiredMessage() != null) {
      return field.requiredMessage();
    }
    String name = field.errorName();
    if (IMPERATIVE.matcher(field.label()).lookingAt()) {
      return field.label(); // "Describe your concerns" already says what to do
    }
    return switch (field.kind()) {
      case TEXT, NUMBER, DATE_TIME -> "Enter " + name;
      case CHOICE -> field.label().endsWith("?") ? "Answer the question '" + field.label() + "'" : "Select " + name;
      case CHOICES -> "Select at least one option for " + name;
      case CONFIRMATION -> "Tick '" + field.label() + "' to confirm it";
    };
  }

  private static String invalid(FormField field, Object value, Map<String, ?> data) {
    String label = sentence(field.label());
    if (value instanceof DuplicateKey duplicate) {
      return label + " gives the key '" + shown(duplicate.key()) + "' more than once";
    }
    return switch (field.kind()) {
      case TEXT -> value instanceof String text ? ownWords(field, text(field, text)) : label + " must be text";
      case NUMBER -> ownWords(field, number(field, value));
      case DATE_TIME -> value instanceof String text ? dateTime(field, text.strip()) : label + " must be a real date";
      case CHOICE -> offered(field, data).contains(value) ? null : "Select " + field.errorName() + " from the list";
      case CHOICES -> value instanceof List<?> list && offered(field, data).containsAll(list)
          ? null : "Select " + field.errorName() + " only from the options given";
      case CONFIRMATION -> Boolean.TRUE.equals(value) ? null : "Tick '" + field.label() + "' to confirm it";
    };
  }

  /** A rule broken: the form's own message for it, as Tasklist shows it for form-js's "Field must ...". */
  private static String ownWords(FormField field, String problem) {
    return problem == null || field.invalidMessage() == null ? problem : field.invalidMessage();
  }

  private static String text(FormField field, String text) {
    String label = sentence(field.label());
    if (text.indexOf('\u0000') >= 0) {
      return label + " contains a character that cannot be stored";
    }
    if (field.maxLength() != null && text.length() > field.maxLength()) {
      return label + " must be " + field.maxLength() + " characters or fewer";
    }
    if (field.minLength() != null && text.length() < field.minLength()) {
      return label + " must be " + field.minLength() + " characters or more";
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text.strip()).matches()) {
      return "Enter " + field.errorName() + " in the correct format, like name@example.org";
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(text.strip()).matches()) {
      return "Enter " + field.errorName() + " in the correct format, like 01632 960 001";
    }
    if (field.pattern() != null && !field.pattern().matcher(text).find()) {
      return "Enter " + field.errorName() + " in the correct format"
          + (field.description() == null ? "" : " (" + FormSchema.lowerFirst(field.description()) + ")");
    }
    return null;
  }

  private static String number(FormField field, Object value) {
    String label = sentence(field.label());
    BigDecimal number;
    try {
      number = value instanceof Number n ? new BigDecimal(n.toString())
          : value instanceof String text ? new BigDecimal(text.strip()) : null;
    } catch (NumberFormatException notANumber) {
      number = null;
    }
    if (number == null) {
      return label + " must be a number";
    }
    if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
      return field.decimalDigits() == 0 ? label + " must be a whole number"
          : label + " must have " + field.decimalDigits() + (field.decimalDigits() == 1 ? " decimal place" : " decimal places")
              + " or fewer";
    }
    boolean tooSmall = field.min() != null && number.compareTo(field.min()) < 0;
    boolean tooLarge = field.max() != null && number.compareTo(field.max()) > 0;
    if (!tooSmall && !tooLarge) {
      return null;
    }
    if (field.min() != null && field.max() != null) {
      return label + " must be between " + field.min().toPlainString() + " and " + field.max().toPlainString();
    }
    return tooSmall ? label + " must be " + field.min().toPlainString() + " or more"
        : label + " must be " + field.max().toPlainString() + " or less";
  }

  /** form-js writes a date as 2011-03-09, a time as 09:15 (with Z or an offset), a date-time as both joined by T. */
  private static String dateTime(FormField field, String text) {
    String subtype = field.subtype() == null ? "date" : field.subtype();
    try {
      switch (subtype) {
        case "time" -> time(text);
        case "datetime" -> {
          int t = text.indexOf('T');
          if (t < 0) {
            throw new DateTimeException("no time");
          }
          LocalDate.parse(text.substring(0, t), DATE);
          time(text.substring(t + 1));
        }
        default -> LocalDate.parse(text, DATE);
      }
      return null;
    } catch (DateTimeException notReal) {
      String label = sentence(field.label());
      return switch (subtype) {
        case "time" -> label + " must be a real time";
        case "datetime" -> label + " must be a real date and time";
        default -> label + " must be a real date";
      };
    }
  }

  private static void time(String text) {
    if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
      OffsetTime.parse(text, DateTimeFormatter.ISO_OFFSET_TIME);
    } else {
      LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
    }
  }

  /** The values a choice field offers: the form's own, or those of its valuesKey variable. */
  private static Set<Object> offered(FormField field, Map<String, ?> data) {
    if (field.valuesKey() == null) {
      return field.options().stream().map(FormField.Option::value).collect(Collectors.toSet());
    }
    Object options = data.get(field.valuesKey());
    if (!(options instanceof List<?> list)) {
      return Set.of();
    }
    return list.stream().filter(Map.class::isInstance).map(option -> ((Map<?, ?>) option).get("value"))
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
  }

  /** A label that starts a sentence. */
  private static String sentence(String label) {
    return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }

  public static String shown(String key) {
    String printable = key.replaceAll("[^A-Za-z0-9_.-]", "?");
    return printable.length() > MAX_KEY_SHOWN ? printable.substring(0, MAX_KEY_SHOWN) + "..." : printable;
  }
}

package org.preventcase.formcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A deployed Camunda Form (form-js 1.8 schema) read for checking on the server: its value fields in
 * the form's order. Reading refuses, with {@link UncheckableFormException}, anything the server
 * could not check as form-js does, so every deployed form is checkable.
 */
public record FormSchema(String id, List<FormField> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VALUE_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select",
      "radio", "checklist", "taglist", "checkbox");
  private static final Set<String> LAYOUT_TYPES = Set.of("text", "html", "image", "spacer", "separator", "button",
      "group", "iframe", "table");
  private static final Set<String> VALIDATION_TYPES = Set.of("email", "phone");

  public FormSchema {
    fields = List.copyOf(fields);
  }

  public Optional<FormField> field(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).findFirst();
  }

  public static FormSchema parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException notJson) {
      throw new UncheckableFormException("a form is not valid JSON");
    }
    String id = root.path("id").asText(null);
    if (id == null || !root.path("components").isArray()) {
      throw new UncheckableFormException("a form needs an id and components");
    }
    List<FormField> fields = new ArrayList<>();
    try {
      collect(root.path("components"), fields, null);
    } catch (UncheckableFormException unreadable) {
      throw new UncheckableFormException("form " + id + ": " + unreadable.getMessage());
    }
    Map<String, FormField> byKey = new LinkedHashMap<>();
    for (FormField field : fields) {
      if (byKey.put(field.key(), field) != null) {
        throw new UncheckableFormException("form " + id + ": two fields have the key " + field.key());
      }
    }
    return new FormSchema(id, fields);
  }

  private static void collect(JsonNode components, List<FormField> fields, HideCondition around) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if (type.equals("group")) {
        if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
          throw new UncheckableFormException("group " + component.path("id").asText() + " has a path (nested data)");
        }
        String groupHide = text(component.path("conditional"), "hide");
        collect(component.path("components"), fields,
            HideCondition.either(around, groupHide == null ? null : HideCondition.parse(groupHide)));
      } else if (VALUE_TYPES.contains(type)) {
        FormField field = field(component, type);
        fields.add(around == null ? field : field.within(around));
      } else if (!LAYOUT_TYPES.contains(type)) {
        throw new UncheckableFormException("the component type '" + type + "' cannot be checked on the server");
      }
    }
  }

  private static FormField field(JsonNode component, String type) {
    String key = component.path("key").asText("");
    if (key.isEmpty() || key.contains(".")) {
      throw new UncheckableFormException("a " + type + " field needs a plain key (" + key + ")");
    }
    String label = type.equals("datetime") ? dateTimeLabel(component) : component.path("label").asText(key);
    JsonNode validate = component.path("validate");
    String validationType = text(validate, "validationType");
    if (validationType != null && !VALIDATION_TYPES.contains(validationType)) {
      throw new UncheckableFormException("field " + key + ": validationType " + validationType + " is unknown");
    }
    if (component.hasNonNull("valuesExpression")) {
      throw new UncheckableFormException("field " + key + ": options from an expression cannot be checked");
    }
    if (validate.path("min").isTextual() || validate.path("max").isTextual()) {
      throw new UncheckableFormException("field " + key + ": a number range given as an expression cannot be checked");
    }
    List<FormField.Option> options = new ArrayList<>();
    for (JsonNode value : component.path("values")) {
      options.add(new FormField.Option(value.path("value").asText(), value.path("label").asText()));
    }
    String hide = text(component.path("conditional"), "hide");
    JsonNode properties = component.path("properties");
    String errorName = text(properties, "errorName");
    return new FormField(key, type, text(component, "subtype"), label,
        errorName != null ? errorName : lowerFirst(label), text(properties, "requiredMessage"),
        text(properties, "invalidMessage"), text(component, "description"),
        validate.path("required").asBoolean(false), integer(validate, "minLength"), integer(validate, "maxLength"),
        pattern(key, text(validate, "pattern")), validationType, decimal(validate, "min"), decimal(validate, "max"),
        integer(component, "decimalDigits"), options, text(component, "valuesKey"), hide == null ? null : HideCondition.parse(hide),
        component.path("disabled").asBoolean(false));
  }

  private static String dateTimeLabel(JsonNode component) {
    String date = text(component, "dateLabel");
    String time = text(component, "timeLabel");
    String label = text(component, "label");
    if (label != null) {
      return label;
    }
    return date != null ? date : time != null ? time : component.path("key").asText();
  }

  /** "Date of birth" reads "date of birth" inside a sentence; "NHS number" stays as it is. */
  static String lowerFirst(String label) {
    if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && !Character.isUpperCase(label.charAt(1))) {
      return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
    return label;
  }

  private static Pattern pattern(String key, String regex) {
    if (regex == null || regex.isEmpty()) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException unreadable) {
      throw new UncheckableFormException("field " + key + ": the pattern is not a regular expression Java can read");
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
  }

  private static Integer integer(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isNumber() ? value.asInt() : null;
  }

  private static BigDecimal decimal(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isNumber() ? value.decimalValue() : null;
  }
}

package org.preventcase.information;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.preventcase.vocabulary.FormOption;

/**
 * The fields a form submitted, read where a task's complete listener finds them (the engine puts
 * them in the process instance) and removed once they are in the case record. The server-side form
 * check has already refused what the form does not allow; what reaches here another way is refused
 * with the field's name, never its value.
 */
public final class Submitted {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Submitted() {}

  /** A text field: its value stripped, empty if not given. */
  public static Optional<String> text(VariableScope scope, String key) {
    Object value = scope.getVariable(key);
    return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
  }

  /** A choice of one option of {@code options}, by its code. */
  public static <T extends Enum<T> & FormOption> Optional<T> choice(VariableScope scope, String key, Class<T> options) {
    return text(scope, key).map(code -> option(code, key, options));
  }

  /** A list of choices (form-js submits a checklist as a JSON list). */
  public static <T extends Enum<T> & FormOption> List<T> choices(VariableScope scope, String key, Class<T> options) {
    return codes(scope, key).stream().map(code -> option(code, key, options)).distinct().toList();
  }

  public static void remove(VariableScope scope, String... keys) {
    for (String key : keys) {
      scope.removeVariable(key);
    }
  }

  /** A list of codes (a checklist offering a variable's options). */
  public static List<String> codes(VariableScope scope, String key) {
    TypedValue typed = scope.getVariableTyped(key, false);
    if (typed == null) {
      return List.of();
    }
    if (typed instanceof SerializableValue json && typed.getType() != null && "json".equals(typed.getType().getName())) {
      return fromJson(json.getValueSerialized(), key);
    }
    Object value = scope.getVariable(key);
    if (value instanceof List<?> list) {
      return list.stream().map(item -> requireText(item, key)).toList();
    }
    if (value instanceof String text) {
      return text.isBlank() ? List.of() : text.strip().startsWith("[") ? fromJson(text, key) : List.of(text);
    }
    throw new IllegalArgumentException("'" + key + "' must be a list of options");
  }

  private static List<String> fromJson(String text, String key) {
    if (text == null) {
      return List.of();
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isArray()) {
        throw new IllegalArgumentException("'" + key + "' must be a list of options");
      }
      List<String> codes = new ArrayList<>();
      node.forEach(item -> codes.add(requireText(item.isTextual() ? item.asText() : null, key)));
      return codes;
    } catch (JsonProcessingException notJson) {
      throw new IllegalArgumentException("'" + key + "' must be a list of options");
    }
  }

  private static String requireText(Object item, String key) {
    if (item instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("'" + key + "' must be a list of options");
  }

  /** The option of {@code options} with this code (an API's field as a form's), if it is one. */
  public static <T extends Enum<T> & FormOption> Optional<T> option(String code, Class<T> options) {
    return java.util.Arrays.stream(options.getEnumConstants()).filter(option -> option.name().equals(code)).findFirst();
  }

  private static <T extends Enum<T> & FormOption> T option(String code, String key, Class<T> options) {
    return option(code, options).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not one of its options"));
  }
}

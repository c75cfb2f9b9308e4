package org.preventcase.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Choices a form offers from a variable (valuesKey), as form-js reads them: a JSON list of label and value. */
final class Options {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Options() {}

  /** One choice: its words and its value, in that order. */
  static Map<String, String> option(String label, String value) {
    Map<String, String> option = new java.util.LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  /** A JSON variable: a list of {label, value}. */
  static TypedValue json(List<Map<String, String>> options) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

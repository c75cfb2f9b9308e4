package org.preventcase.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model may carry, as plain rules on attribute and element names and expression text, so a
 * model that breaks one fails its deployment. Models are the process owners' files: they may name
 * delegate beans and test variables, nothing more.
 */
public final class ModelSafetyRules {

  /** `${recordReferral}`: a bean name and nothing else. */
  private static final Pattern PLAIN_BEAN = Pattern.compile("\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** Tokens of a variable-only condition: names, literals, comparisons, logic, grouping. */
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:(?<name>[A-Za-z_][A-Za-z0-9_]*)|(?<literal>'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?)"
          + "|(?<op>==|!=|<=|>=|<|>|&&|\\|\\||!|\\(|\\)))");
  private static final Set<String> CONTEXT_NAMES = Set.of("execution", "task", "variableScope",
      "authenticatedUserId", "caseExecution", "externalTask", "processEngine");
  private static final Set<String> FORBIDDEN_CAMUNDA_ATTRIBUTES = Set.of("class", "expression",
      "formHandlerClass", "variableMappingClass", "resource", "scriptFormat");
  private static final Set<String> BEAN_ATTRIBUTES = Set.of("delegateExpression",
      "variableMappingDelegateExpression");
  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script", "connector");
  /** A call activity passes the caller's business key down (camunda:in businessKey): the one allowed reading of execution. */
  private static final Pattern BUSINESS_KEY_PASSED_DOWN = Pattern.compile("[$#]\\{\\s*execution\\.processBusinessKey\\s*}");

  /** FEEL, by name or by the OMG namespaces DMN 1.1 to 1.3 use for it. */
  private static final Pattern FEEL = Pattern.compile(
      "(?i)feel|https?://www\\.omg\\.org/spec/(DMN/\\d{8}/)?FEEL/(\\d{8}/?)?");
  /** A FEEL function definition that calls Java: {@code function(x) external { java: { ... } }}. */
  private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("(?is)\\bexternal\\s*\\{");

  private ModelSafetyRules() {}

  /** DMN: an expression language other than FEEL (script languages, JUEL) is refused; absent means FEEL. */
  public static Optional<String> refuseDecisionExpressionLanguage(String language) {
    if (language == null || FEEL.matcher(language.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of("decisions use FEEL only; expression language '" + shownLanguage(language)
        + "' (scripts, JUEL) is not allowed");
  }

  /** DMN: FEEL text may not define external (Java) functions or use JUEL/EL expressions. */
  public static Optional<String> refuseDecisionText(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (EXTERNAL_FUNCTION.matcher(text).find()) {
      return Optional.of("decisions may not call Java (FEEL external functions are not allowed)");
    }
    if (text.contains("${") || text.contains("#{")) {
      return Optional.of("decisions use FEEL only; ${...} expressions (JUEL) are not allowed");
    }
    return Optional.empty();
  }

  private static String shownLanguage(String language) {
    String stripped = language.strip();
    return stripped.length() > 40 || !stripped.matches("[\\w:/.#-]*") ? "(not shown)" : stripped;
  }

  /** Why this element is refused, if it is: a rule name and the element, never an expression's value. */
  public static Optional<String> refuseElement(String localName) {
    if (FORBIDDEN_ELEMENTS.contains(localName)) {
      return Optional.of("scripts and connectors are not allowed (" + localName + ")");
    }
    return Optional.empty();
  }

  public static Optional<String> refuseAttribute(String localName, boolean camundaNamespace, String value) {
    if (camundaNamespace && FORBIDDEN_CAMUNDA_ATTRIBUTES.contains(localName)) {
      return Optional.of("camunda:" + localName + " is not allowed; use camunda:delegateExpression=\"${beanName}\"");
    }
    if (camundaNamespace && BEAN_ATTRIBUTES.contains(localName)) {
      return PLAIN_BEAN.matcher(value.trim()).matches() ? Optional.empty()
          : Optional.of("camunda:" + localName + " must name a bean only, as ${beanName}");
    }
    if (camundaNamespace && localName.equals("businessKey") && BUSINESS_KEY_PASSED_DOWN.matcher(value.trim()).matches()) {
      return Optional.empty();
    }
    if (!camundaNamespace && localName.equals("language")) {
      return Optional.of("script conditions (language=...) are not allowed");
    }
    return refuseExpressions(value);
  }

  public static Optional<String> refuseText(String text) {
    return refuseExpressions(text);
  }

  /** Every expression in the text must only read variables and compare them with literals. */
  static Optional<String> refuseExpressions(String text) {
    if (text == null || (!text.contains("${") && !text.contains("#{"))) {
      return Optional.empty();
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      if (!isVariableOnly(expression.group(1))) {
        return Optional.of("expressions may only read process variables and compare them with literals");
      }
    }
    return Optional.empty();
  }

  static boolean isVariableOnly(String body) {
    Matcher token = TOKEN.matcher(body);
    int position = 0;
    String previous = null;
    while (position < body.length()) {
      if (body.substring(position).isBlank()) {
        break;
      }
      if (!token.find(position) || token.start() != position) {
        return false;
      }
      String name = token.group("name");
      if (name != null && CONTEXT_NAMES.contains(name)) {
        return false;
      }
      // a name directly followed by "(" is a function call
      if ("(".equals(token.group("op")) && previous != null && previous.matches("[A-Za-z_][A-Za-z0-9_]*")
          && !List.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty").contains(previous)) {
        return false;
      }
      previous = token.group().trim();
      position = token.end();
    }
    return true;
  }
}

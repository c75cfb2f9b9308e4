package org.preventcase.formcheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A form field's {@code conditional.hide} expression, evaluated as form-js 1.8 evaluates it (FEEL
 * through feelin, against the form's data): the field is hidden only when the expression is
 * {@code true}. The small FEEL subset the project's forms use: names and dotted paths, string,
 * number, boolean and null literals, {@code = != < <= > >=}, {@code and}, {@code or}, {@code not(...)}
 * and parentheses. Anything else is refused when the form is read ({@link UncheckableFormException}),
 * so no condition can silently pass.
 */
public final class HideCondition {

  private final String source;
  private final Node root;

  private HideCondition(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /** Parses a form-js condition ("=urgency != \"IMMEDIATE_RISK\""). */
  public static HideCondition parse(String expression) {
    if (expression == null || !expression.startsWith("=")) {
      throw new UncheckableFormException("a condition must be a FEEL expression starting with '=': " + expression);
    }
    Parser parser = new Parser(tokens(expression.substring(1)), expression);
    Node root = parser.expression();
    parser.expectEnd();
    return new HideCondition(expression, root);
  }

  /** Hidden when either hides: a field's own condition and that of the group around it. */
  public static HideCondition either(HideCondition outer, HideCondition inner) {
    if (outer == null || inner == null) {
      return outer == null ? inner : outer;
    }
    return new HideCondition(outer.source + " (group) or " + inner.source,
        data -> outer.hides(data) || inner.hides(data) ? Boolean.TRUE : Boolean.FALSE);
  }

  /** True when the field is hidden for these form data. */
  public boolean hides(Map<String, ?> data) {
    return Boolean.TRUE.equals(root.evaluate(data));
  }

  @Override
  public String toString() {
    return source;
  }

  private interface Node {
    Object evaluate(Map<String, ?> data);
  }

  private record Literal(Object value) implements Node {
    public Object evaluate(Map<String, ?> data) {
      return value;
    }
  }

  private record Path(List<String> names) implements Node {
    public Object evaluate(Map<String, ?> data) {
      Object current = data;
      for (String name : names) {
        if (!(current instanceof Map<?, ?> map)) {
          return null;
        }
        current = map.get(name);
      }
      return normalised(current);
    }
  }

  private record Not(Node operand) implements Node {
    public Object evaluate(Map<String, ?> data) {
      return operand.evaluate(data) instanceof Boolean value ? !value : null;
    }
  }

  private record Junction(boolean and, Node left, Node right) implements Node {
    public Object evaluate(Map<String, ?> data) {
      Object l = left.evaluate(data);
      Object r = right.evaluate(data);
      Boolean a = l instanceof Boolean b ? b : null;
      Boolean b = r instanceof Boolean c ? c : null;
      if (and) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
          return false;
        }
        return a != null && b != null ? Boolean.TRUE : null;
      }
      if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
        return true;
      }
      return a != null && b != null ? Boolean.FALSE : null;
    }
  }

  private record Comparison(String operator, Node left, Node right) implements Node {
    public Object evaluate(Map<String, ?> data) {
      Object l = left.evaluate(data);
      Object r = right.evaluate(data);
      if (operator.equals("=") || operator.equals("!=")) {
        boolean equal = l == null || r == null ? l == r : sameType(l, r) && compare(l, r) == 0;
        return operator.equals("=") == equal;
      }
      if (l == null || r == null || !sameType(l, r) || l instanceof Boolean) {
        return null;
      }
      int order = compare(l, r);
      return switch (operator) {
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }

    private static boolean sameType(Object l, Object r) {
      return l.getClass() == r.getClass();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object l, Object r) {
      return ((Comparable) l).compareTo(r);
    }
  }

  /** Form data as FEEL sees them: every number a decimal, text and booleans as they are. */
  private static Object normalised(Object value) {
    if (value instanceof Number number && !(value instanceof BigDecimal)) {
      return new BigDecimal(number.toString());
    }
    return value;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new UncheckableFormException("unterminated text in condition: " + text);
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else if ("!<>".indexOf(c) >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '=') {
        tokens.add(text.substring(i, i + 2));
        i += 2;
      } else if ("=<>().".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
            || (end == i && text.charAt(end) == '-') || (text.charAt(end) == '.' && Character.isDigit(text.charAt(i))))) {
          end++;
        }
        tokens.add(text.substring(i, end));
        i = end;
      } else {
        throw new UncheckableFormException("the condition uses '" + c + "', which the server cannot evaluate: " + text);
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private final String source;
    private int position;

    Parser(List<String> tokens, String source) {
      this.tokens = tokens;
      this.source = source;
    }

    Node expression() {
      Node left = conjunction();
      while (accept("or")) {
        left = new Junction(false, left, conjunction());
      }
      return left;
    }

    private Node conjunction() {
      Node left = comparison();
      while (accept("and")) {
        left = new Junction(true, left, comparison());
      }
      return left;
    }

    private Node comparison() {
      Node left = unary();
      String next = peek();
      if (next != null && List.of("=", "!=", "<", "<=", ">", ">=").contains(next)) {
        position++;
        return new Comparison(next, left, unary());
      }
      return left;
    }

    private Node unary() {
      if ("not".equals(peek()) && "(".equals(peekAt(1))) {
        position += 2;
        Node operand = expression();
        expect(")");
        return new Not(operand);
      }
      return primary();
    }

    private Node primary() {
      String token = next();
      if (token.equals("(")) {
        Node inner = expression();
        expect(")");
        return inner;
      }
      if (token.startsWith("\"")) {
        return new Literal(token.substring(1, token.length() - 1));
      }
      if (token.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return new Literal(new BigDecimal(token));
      }
      switch (token) {
        case "true" -> {
          return new Literal(Boolean.TRUE);
        }
        case "false" -> {
          return new Literal(Boolean.FALSE);
        }
        case "null" -> {
          return new Literal(null);
        }
        case "and", "or", "not", "in", "between", "instance", "if", "for", "some", "every", "function" ->
            throw unreadable();
        default -> {
          if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw unreadable();
          }
        }
      }
      List<String> names = new ArrayList<>(List.of(token));
      while (accept(".")) {
        String name = next();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw unreadable();
        }
        names.add(name);
      }
      if ("(".equals(peek())) {
        throw unreadable(); // a function call
      }
      return new Path(List.copyOf(names));
    }

    void expectEnd() {
      if (position != tokens.size()) {
        throw unreadable();
      }
    }

    private boolean accept(String token) {
      if (token.equals(peek())) {
        position++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw unreadable();
      }
    }

    private String next() {
      if (position >= tokens.size()) {
        throw unreadable();
      }
      return tokens.get(position++);
    }

    private String peek() {
      return peekAt(0);
    }

    private String peekAt(int offset) {
      return position + offset < tokens.size() ? tokens.get(position + offset) : null;
    }

    private UncheckableFormException unreadable() {
      return new UncheckableFormException("the server cannot evaluate the condition " + source
          + " (supported: names, text, numbers, true, false, null, = != < <= > >=, and, or, not(), parentheses)");
    }
  }
}

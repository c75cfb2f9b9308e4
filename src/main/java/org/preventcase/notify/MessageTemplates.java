package org.preventcase.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The e-mail texts (src/main/resources/notifications/*.txt: a "Subject:" line, a blank line, the
 * body). Placeholders are {{name}}; only the names below exist, all references or non-identifying
 * facts. Every template is read and checked when the application starts.
 */
@Component
public class MessageTemplates {

  static final Set<String> PLACEHOLDERS = Set.of("caseReference", "caseLink", "tasklistLink", "verificationLink", "meetingLink", "taskName", "dueDate",
      "meetingDate", "caseReferences", "authorityName", "auditHeads");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  public record Message(String subject, String body) {}

  private record Template(String subject, String body) {}

  private final Map<MessageType, Template> templates = new EnumMap<>(MessageType.class);

  public MessageTemplates() {
    for (MessageType type : MessageType.values()) {
      templates.put(type, read(type));
    }
  }

  /** The placeholder names a message type's template uses. */
  public Set<String> placeholdersOf(MessageType type) {
    Template template = templates.get(type);
    return namesIn(template.subject() + "\n" + template.body());
  }

  public Message render(MessageType type, Map<String, String> values) {
    Template template = templates.get(type);
    return new Message(fill(template.subject(), values, type), fill(template.body(), values, type));
  }

  private static String fill(String text, Map<String, String> values, MessageType type) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException("Message " + type + " needs the fact '" + placeholder.group(1) + "'");
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(out).toString();
  }

  private static Template read(MessageType type) {
    try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(type.templateResource())) {
      if (in == null) {
        throw new IllegalStateException("Missing message template " + type.templateResource());
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!text.startsWith("Subject: ") || !text.contains("\n\n")) {
        throw new IllegalStateException(type.templateResource() + " must start with 'Subject: ' and a blank line");
      }
      int split = text.indexOf("\n\n");
      Template template = new Template(text.substring("Subject: ".length(), text.indexOf('\n')).trim(),
          text.substring(split + 2).strip() + "\n");
      Set<String> unknown = new java.util.TreeSet<>(namesIn(text));
      unknown.removeAll(PLACEHOLDERS);
      if (!unknown.isEmpty()) {
        throw new IllegalStateException(type.templateResource() + " uses unknown placeholders " + unknown);
      }
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> namesIn(String text) {
    Set<String> names = new java.util.TreeSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      names.add(placeholder.group(1));
    }
    return names;
  }
}

package org.preventcase.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.preventcase.audit.ChainHead;

/**
 * What a message may say beyond its case reference: typed, non-identifying facts only. There is
 * deliberately no free-text field, so no name, date of birth or address can reach a message.
 *
 * @param taskName the name of a task as the model names it (e.g. "Screen referral and deconflict")
 * @param dueDate when a task or review falls due
 * @param meetingDate the date of a panel meeting
 * @param caseReferences the cases listed on a panel agenda
 * @param authorityName the authority a case is transferred to or from
 * @param auditHeads the heads of an authority's audit chains, one {@code ChainHead} line each
 */
public record MessageFacts(String taskName, LocalDate dueDate, LocalDate meetingDate, List<String> caseReferences,
    String authorityName, List<String> auditHeads) {

  static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");
  private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N} ,.'()&:/-]{1,120}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  public static final MessageFacts NONE = new MessageFacts(null, null, null, List.of(), null, List.of());

  public MessageFacts {
    caseReferences = caseReferences == null ? List.of() : List.copyOf(caseReferences);
    requireMatch("taskName", taskName, LABEL);
    requireMatch("authorityName", authorityName, LABEL);
    caseReferences.forEach(reference -> requireMatch("caseReferences", reference, REFERENCE));
    auditHeads = auditHeads == null ? List.of() : List.copyOf(auditHeads);
    auditHeads.forEach(head -> requireMatch("auditHeads", head, ChainHead.LINE));
  }

  public static MessageFacts task(String taskName, LocalDate dueDate) {
    return new MessageFacts(taskName, dueDate, null, List.of(), null, List.of());
  }

  public static MessageFacts dueOn(LocalDate dueDate) {
    return new MessageFacts(null, dueDate, null, List.of(), null, List.of());
  }

  public static MessageFacts agenda(LocalDate meetingDate, List<String> caseReferences) {
    return new MessageFacts(null, null, meetingDate, caseReferences, null, List.of());
  }

  public static MessageFacts authority(String authorityName) {
    return new MessageFacts(null, null, null, List.of(), authorityName, List.of());
  }

  /** The daily audit digest: the heads of the authority's audit chains, which its managers keep. */
  public static MessageFacts auditHeads(List<ChainHead> heads) {
    return new MessageFacts(null, null, null, List.of(), null, heads.stream().map(ChainHead::line).toList());
  }

  /** The template placeholders these facts fill, by name. */
  Map<String, String> placeholders() {
    Map<String, String> values = new LinkedHashMap<>();
    if (taskName != null) values.put("taskName", taskName);
    if (dueDate != null) values.put("dueDate", DATE.format(dueDate));
    if (meetingDate != null) values.put("meetingDate", DATE.format(meetingDate));
    if (!caseReferences.isEmpty()) values.put("caseReferences", String.join("\n", caseReferences));
    if (authorityName != null) values.put("authorityName", authorityName);
    if (!auditHeads.isEmpty()) values.put("auditHeads", String.join("\n", auditHeads));
    return values;
  }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** As stored in the outbox. */
  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Message facts could not be written", e);
    }
  }

  static MessageFacts fromJson(String stored) {
    try {
      return JSON.readValue(stored, MessageFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored message facts could not be read", e);
    }
  }

  static void requireMatch(String field, String value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("Message fact '" + field + "' is not an allowed value");
    }
  }
}

package org.preventcase.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the referral's own rules ({@link ReferralFormRules}) say, in GOV.UK style ("Date of birth must
 * be in the past"): the start form's own words first, each field's custom property
 * {@code invalidMessage} (what Tasklist shows under the field, see docs/tasklist.md), so a
 * practitioner reads the same sentence from the browser and from the server; the schema's own
 * messages (a field left empty, too long) are the form check's (docs/forms.md).
 */
final class ReferralMessages {

  static final String FORM = "forms/referral-intake-start.form";
  private static final Set<String> ACRONYMS = Set.of("NHS", "MASH", "SEN");
  /** Form field key -> custom property -> message. */
  private static final Map<String, Map<String, String>> OF_THE_FORM = read();

  private ReferralMessages() {}

  /** The form's message for a value that breaks the field's rule, if it has one. */
  static java.util.Optional<String> invalid(String key) {
    return ofTheForm(key, "invalidMessage");
  }

  /**
   * What a date's messages are about: its label ("Date of birth must be in the past"), but "The date
   * and time 999 was called" for the question "When 999 was called".
   */
  static String subject(ReferralField field) {
    return field == ReferralField.CALLED_999_AT ? "The date and time 999 was called" : field.label();
  }

  /** A label inside a sentence: "Given names" reads "given names", "NHS number" stays. */
  static String name(String label) {
    String first = label.split(" ", 2)[0];
    return ACRONYMS.contains(first) ? label : label.substring(0, 1).toLowerCase(Locale.UK) + label.substring(1);
  }

  private static java.util.Optional<String> ofTheForm(String key, String property) {
    return java.util.Optional.ofNullable(OF_THE_FORM.getOrDefault(key, Map.of()).get(property));
  }

  private static Map<String, Map<String, String>> read() {
    try (InputStream form = ReferralMessages.class.getClassLoader().getResourceAsStream(FORM)) {
      if (form == null) {
        throw new IllegalStateException("The referral start form is not on the class path: " + FORM);
      }
      Map<String, Map<String, String>> messages = new HashMap<>();
      collect(new ObjectMapper().readTree(form).path("components"), messages);
      return Map.copyOf(messages);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static void collect(JsonNode components, Map<String, Map<String, String>> messages) {
    for (JsonNode component : components) {
      JsonNode properties = component.path("properties");
      if (component.hasNonNull("key") && properties.isObject()) {
        Map<String, String> own = new HashMap<>();
        properties.fields().forEachRemaining(property -> own.put(property.getKey(), property.getValue().asText()));
        messages.put(component.get("key").asText(), Map.copyOf(own));
      }
      collect(component.path("components"), messages);
    }
  }
}

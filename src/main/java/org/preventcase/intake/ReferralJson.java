package org.preventcase.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON of referrals: a body as a map, and the canonical hash an Idempotency-Key is bound to. A key
 * given twice in one object is refused (otherwise the last one would silently win).
 */
final class ReferralJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

  private ReferralJson() {}

  /** The body as a JSON object, or empty if it is not one; refused if it gives a key twice. */
  @SuppressWarnings("unchecked")
  static java.util.Optional<Map<String, Object>> object(String body) {
    Object parsed = value(body, null);
    return parsed instanceof Map<?, ?> map ? java.util.Optional.of((Map<String, Object>) map)
        : java.util.Optional.empty();
  }

  /**
   * A JSON value, null if it is not JSON: the whole body ({@code field} null) or one field's value (a
   * form-js list submitted as a Json variable). A {@link ReferralRefusedException} if an object in it
   * gives a key twice, naming the key of the body or the field.
   */
  static Object value(String json, ReferralField field) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException notJson) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(notJson.getOriginalMessage()));
      if (!duplicate.find()) {
        return null;
      }
      String key = org.preventcase.formcheck.FormChecker.shown(duplicate.group(1));
      throw new ReferralRefusedException(List.of(field == null
          ? new FieldProblem(key, "'" + key + "' is given more than once: send each field once")
          : new FieldProblem(field.key(), field.label() + " gives the key '" + key + "' more than once")));
    }
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A referral value could not be written as JSON", e);
    }
  }

  /** SHA-256 of the body with its keys sorted: the same referral however it is spaced or ordered. */
  static String canonicalHash(Map<String, Object> body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(write(body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

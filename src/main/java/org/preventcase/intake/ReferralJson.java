package org.preventcase.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** JSON of referrals: a body as a map, and the canonical hash an Idempotency-Key is bound to. */
final class ReferralJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ReferralJson() {}

  /** The body as a JSON object, or empty if it is not one. */
  @SuppressWarnings("unchecked")
  static java.util.Optional<Map<String, Object>> object(String body) {
    try {
      Object parsed = JSON.readValue(body, Object.class);
      return parsed instanceof Map<?, ?> map ? java.util.Optional.of((Map<String, Object>) map)
          : java.util.Optional.empty();
    } catch (JsonProcessingException notJson) {
      return java.util.Optional.empty();
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

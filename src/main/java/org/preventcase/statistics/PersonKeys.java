package org.preventcase.statistics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.preventcase.casefile.CaseEvents.PersonIdentity;
import org.springframework.stereotype.Component;

/**
 * The pseudonymous person key of a statistics row: HMAC-SHA256, keyed by the application's secret, of the
 * person's NHS number when the referral gave one, else of their names (case, accents and spacing
 * ignored) and date of birth. The same person referred again gets the same key, so repeat referrals
 * still count after the records are deleted; without the secret, the key cannot be traced back.
 */
@Component
class PersonKeys {

  private static final String HMAC = "HmacSHA256";
  private final SecretKeySpec secret;

  PersonKeys(StatisticsProperties properties) {
    this.secret = new SecretKeySpec(properties.personKey().getBytes(StandardCharsets.UTF_8), HMAC);
  }

  String of(PersonIdentity person) {
    String identity = person.nhsNumber() != null && !person.nhsNumber().isBlank()
        ? "nhs:" + person.nhsNumber().replaceAll("[^0-9]", "")
        : "name:" + normalised(person.givenNames()) + "|" + normalised(person.familyName()) + "|"
            + (person.dateOfBirth() == null ? "" : person.dateOfBirth());
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static String normalised(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}

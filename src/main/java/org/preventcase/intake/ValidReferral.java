package org.preventcase.intake;

import org.preventcase.vocabulary.Urgency;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A referral that passed validation: each present field's value, typed (text as written, a date, a
 * date-time, a choice's code, a list of codes). Absent optional fields have no entry.
 */
public record ValidReferral(Map<ReferralField, Object> values) {

  public ValidReferral {
    values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  public String text(ReferralField field) {
    return (String) values.get(field);
  }

  public LocalDate date(ReferralField field) {
    return (LocalDate) values.get(field);
  }

  public OffsetDateTime dateTime(ReferralField field) {
    return (OffsetDateTime) values.get(field);
  }

  public Integer number(ReferralField field) {
    return (Integer) values.get(field);
  }

  @SuppressWarnings("unchecked")
  public List<String> codes(ReferralField field) {
    return (List<String>) values.getOrDefault(field, List.of());
  }

  public boolean urgent() {
    return Urgency.IMMEDIATE_RISK.name().equals(text(ReferralField.URGENCY));
  }
}

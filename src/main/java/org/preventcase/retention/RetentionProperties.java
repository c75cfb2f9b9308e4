package org.preventcase.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.preventcase.casefile.CaseExpiry;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.retention.* (docs/retention.md): how long a case record is kept after it closes, by default and
 * per authority code; how long the audit trail's rows are kept; when the deletion runs and how many cases
 * one of its transactions deletes at most.
 */
@ConfigurationProperties(prefix = "prevent.retention")
public record RetentionProperties(Period casePeriod, Map<String, Period> casePeriods, Period auditPeriod, String cron,
    int batchSize) implements CaseExpiry {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  public RetentionProperties {
    casePeriods = casePeriods == null ? Map.of() : Map.copyOf(casePeriods);
    require("case-period", casePeriod);
    casePeriods.forEach((code, period) -> require("case-periods." + code, period));
    require("audit-period", auditPeriod);
    if (batchSize < 1) {
      throw new IllegalArgumentException("prevent.retention.batch-size must be at least 1");
    }
  }

  private static void require(String name, Period period) {
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("prevent.retention." + name + " must be a positive period (e.g. P6Y)");
    }
  }

  /** The authority's period after closure: its own, or the default. */
  public Period casePeriodOf(String authorityCode) {
    return casePeriods.getOrDefault(authorityCode, casePeriod);
  }

  /** When a case of the authority closed at {@code closedAt} may be deleted (calendar arithmetic in London). */
  @Override
  public Instant caseExpiry(String authorityCode, Instant closedAt) {
    return closedAt.atZone(LONDON).plus(casePeriodOf(authorityCode)).toInstant();
  }

  /** Cases of the authority closed before this instant have passed their period at {@code now}. */
  public Instant closedBefore(String authorityCode, Instant now) {
    return now.atZone(LONDON).minus(casePeriodOf(authorityCode)).toInstant();
  }

  /** Audit rows stamped before this instant have passed the audit's period at {@code now}. */
  public Instant auditBefore(Instant now) {
    return now.atZone(LONDON).minus(auditPeriod).toInstant();
  }
}

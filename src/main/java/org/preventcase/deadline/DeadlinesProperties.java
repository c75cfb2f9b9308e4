package org.preventcase.deadline;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * prevent.deadlines.*: the bank-holiday calendar, the time zone and the end of a working day, and
 * every named deadline of the models as {@code 5WD} (working days) or an ISO-8601 period or duration
 * ({@code P6M}, {@code P30D}, {@code PT4H}).
 */
@ConfigurationProperties(prefix = "prevent.deadlines")
public record DeadlinesProperties(Resource bankHolidays, ZoneId zone, LocalTime endOfWorkingDay,
    Map<String, String> durations) {

  public DeadlinesProperties {
    zone = zone == null ? ZoneId.of("Europe/London") : zone;
    endOfWorkingDay = endOfWorkingDay == null ? LocalTime.of(17, 0) : endOfWorkingDay;
    durations = durations == null ? Map.of() : Map.copyOf(durations);
  }
}

package org.preventcase.boardreport;

import java.util.Map;
import org.preventcase.casefile.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.board-report.* (docs/board-report.md): the suppression threshold (counts from 1 to one less
 * are withheld; default 5) and each stage's target in calendar days, against which the report sets the
 * median and 90th percentile of the days the stage took.
 */
@ConfigurationProperties(prefix = "prevent.board-report")
public record BoardReportProperties(Integer suppressionThreshold, Map<Stage, Integer> stageTargets) {

  public BoardReportProperties {
    suppressionThreshold = suppressionThreshold == null ? 5 : suppressionThreshold;
    if (suppressionThreshold < 2) {
      throw new IllegalArgumentException("prevent.board-report.suppression-threshold must be at least 2: counts from 1"
          + " to one less than it are withheld");
    }
    stageTargets = stageTargets == null ? Map.of() : Map.copyOf(stageTargets);
    stageTargets.forEach((stage, days) -> {
      if (days == null || days <= 0) {
        throw new IllegalArgumentException("prevent.board-report.stage-targets." + stage + " must be a positive number"
            + " of days");
      }
    });
  }
}

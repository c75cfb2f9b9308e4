package org.preventcase.panel;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * prevent.panel (application.yaml; docs/panel.md): how often each authority's Channel panel meets,
 * how many cases a meeting takes, when its agenda is issued, how far ahead meetings are scheduled,
 * the combined panels, and the multi-agency assessment's dimensions and rating scale.
 *
 * @param cadence the time between routine meetings (P1M monthly; P2M bi-monthly)
 * @param capacity the cases a meeting decides (reviews of adopted cases come on top)
 * @param meetingTime the time of day a meeting starts (London)
 * @param agendaNotice how long before the meeting its agenda is issued
 * @param horizon how many routine meetings are kept scheduled ahead
 * @param authorities per lead authority: its own cadence and capacity, and the authorities whose cases its
 *     panel also hears (a combined panel)
 * @param assessment the dimensions rated (each a pair of form fields &lt;key&gt;Rating and &lt;key&gt;Evidence)
 *     and the scale
 */
@ConfigurationProperties("prevent.panel")
public record PanelProperties(Period cadence, int capacity, LocalTime meetingTime, Duration agendaNotice, int horizon,
    Map<String, AuthorityPanel> authorities, Assessment assessment) {

  public record AuthorityPanel(Period cadence, Integer capacity, List<String> combinedWith) {
    public AuthorityPanel {
      combinedWith = combinedWith == null ? List.of() : List.copyOf(combinedWith);
    }
  }

  public record Assessment(List<Choice> dimensions, List<Choice> scale) {
    public Assessment {
      dimensions = List.copyOf(dimensions);
      scale = List.copyOf(scale);
      if (dimensions.isEmpty() || scale.size() < 2) {
        throw new IllegalArgumentException("prevent.panel.assessment needs dimensions and a scale of two or more points");
      }
    }
  }

  /** A dimension or a point of the scale: its code and the words shown. */
  public record Choice(String key, String label) {}

  public PanelProperties {
    authorities = authorities == null ? Map.of() : Map.copyOf(authorities);
    if (capacity < 1 || horizon < 1 || cadence == null || cadence.isNegative() || cadence.isZero()) {
      throw new IllegalArgumentException("prevent.panel needs a positive cadence, capacity and horizon");
    }
  }

  /** The lead authority of the panel that hears this authority's cases (itself, unless combined). */
  public String panelOf(String authorityCode) {
    return authorities.entrySet().stream().filter(panel -> panel.getValue().combinedWith().contains(authorityCode))
        .map(Map.Entry::getKey).findFirst().orElse(authorityCode);
  }

  /** Every authority whose cases the lead's panel hears, the lead first. */
  public List<String> heardBy(String lead) {
    List<String> heard = new java.util.ArrayList<>(List.of(lead));
    Optional.ofNullable(authorities.get(lead)).ifPresent(panel -> heard.addAll(panel.combinedWith()));
    return List.copyOf(heard);
  }

  public Period cadenceOf(String lead) {
    return Optional.ofNullable(authorities.get(lead)).map(AuthorityPanel::cadence).orElse(cadence);
  }

  public int capacityOf(String lead) {
    return Optional.ofNullable(authorities.get(lead)).map(AuthorityPanel::capacity).orElse(capacity);
  }

  /** Whether the authority hears its own cases (not a member of another's combined panel). */
  public boolean leads(String authorityCode) {
    return panelOf(authorityCode).equals(authorityCode);
  }
}

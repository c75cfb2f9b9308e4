package org.preventcase.riskescalation;

import java.time.Clock;
import org.preventcase.casefile.ListingPurpose;
import org.preventcase.panel.PanelMeetings;
import org.preventcase.security.Actors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The urgent meetings a risk escalation calls, named as the models name them. */
@Configuration
public class RiskEscalationBeans {

  /** panel-case, Task_BringToExtraordinaryMeeting: the case is decided at an extraordinary meeting today. */
  @Bean
  public CallUrgentMeeting bringToExtraordinaryMeeting(PanelMeetings meetings, Actors actors, Clock clock) {
    return new CallUrgentMeeting(meetings, actors, clock, ListingPurpose.DECIDE);
  }

  /** support, Task_ListUrgentReview: the adopted case is reviewed at an extraordinary meeting today. */
  @Bean
  public CallUrgentMeeting listUrgentReview(PanelMeetings meetings, Actors actors, Clock clock) {
    return new CallUrgentMeeting(meetings, actors, clock, ListingPurpose.REVIEW);
  }
}

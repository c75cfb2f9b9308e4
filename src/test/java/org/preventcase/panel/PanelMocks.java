package org.preventcase.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.casefile.CaseService;
import org.preventcase.engine.EngineClock;
import org.preventcase.intake.NameTaskForCase;
import org.preventcase.notify.Notifications;
import org.preventcase.riskescalation.RiskEscalationBeans;
import org.preventcase.riskescalation.TellPoliceOfRiskEscalation;
import org.preventcase.security.Actors;
import org.preventcase.statistics.ReferralStatistics;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Model tests of the panel's processes and of the case process that calls them: the panel's real
 * listeners and delegates, registered by their bean names over a mocked case record, meeting records,
 * calendar, outbox and reference data, with prevent.panel as application.yaml configures it.
 */
public final class PanelMocks {

  private PanelMocks() {}

  /** prevent.panel from src/main/resources/application.yaml, its defaults resolved. */
  public static PanelProperties properties() {
    return configured("prevent.panel", PanelProperties.class);
  }

  /** The properties under {@code prefix} as src/main/resources/application.yaml configures them, defaults resolved. */
  public static <T> T configured(String prefix, Class<T> type) {
    try {
      List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load("application.yaml",
          new ClassPathResource("application.yaml"));
      MutablePropertySources sources = new MutablePropertySources();
      loaded.forEach(sources::addLast);
      return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
          .bind(prefix, type).get();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  public static void register(CaseService cases, Actors actors, PanelMeetings calendar, MeetingRecords meetings,
      Notifications notifications, AuthorityDirectory directory) {
    PanelProperties properties = properties();
    Mocks.register("nameTaskForCase", new NameTaskForCase());
    Mocks.register("listCaseAtNextMeeting", new ListCaseAtNextMeeting(calendar, actors));
    Mocks.register("recordInquorateListing", new RecordInquorateListing(cases, actors));
    Mocks.register("offerRatingScale", new OfferRatingScale(properties));
    Mocks.register("recordPanelAssessment", new RecordPanelAssessment(cases, actors, properties));
    Mocks.register("recommendPanelDecision", new RecommendPanelDecision(cases, actors));
    Mocks.register("recordPanelDecision", new RecordPanelDecision(cases, actors,
        org.mockito.Mockito.mock(ReferralStatistics.class)));
    Mocks.register("recordPanelReview", new RecordPanelReview(cases, actors));
    Mocks.register("takeReviewMeeting", new TakeReviewMeeting());
    Mocks.register("recordInquorateReview", new RecordInquorateReview(cases, actors));
    Mocks.register("callExtraordinaryMeeting", new CallExtraordinaryMeeting(calendar, actors));
    Mocks.register("nameTaskForMeeting", new NameTaskForMeeting());
    Mocks.register("offerPanelMembers", new OfferPanelMembers(meetings));
    Mocks.register("recordInvitations", new RecordInvitations(meetings, actors));
    Mocks.register("issueAgenda", new IssueAgenda(meetings, cases, notifications, actors));
    Mocks.register("offerAttendanceChoices", new OfferAttendanceChoices(meetings, directory));
    Mocks.register("recordAttendance", new RecordAttendance(meetings));
    Mocks.register("openMeeting", new OpenMeeting(meetings, directory));
    Mocks.register("finaliseMinutes", new FinaliseMinutes(meetings));
    RiskEscalationBeans escalation = new RiskEscalationBeans();
    Mocks.register("tellPoliceOfRiskEscalation", new TellPoliceOfRiskEscalation(notifications));
    Mocks.register("bringToExtraordinaryMeeting", escalation.bringToExtraordinaryMeeting(calendar, actors,
        new EngineClock()));
    Mocks.register("listUrgentReview", escalation.listUrgentReview(calendar, actors, new EngineClock()));
  }
}

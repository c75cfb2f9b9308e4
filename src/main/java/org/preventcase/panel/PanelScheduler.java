package org.preventcase.panel;

import org.preventcase.authority.AuthoritiesProperties;
import org.preventcase.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every panel's routine meetings scheduled ahead (prevent.panel.horizon, by its cadence), once a
 * day and at start-up, as the system actor of each lead authority. Several instances of the application
 * may run: a transaction-scoped PostgreSQL advisory lock lets one of them do it at a time.
 */
@Component
class PanelScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(PanelScheduler.class);
  /** The advisory lock's key: "PANEL" in ASCII. */
  static final long LOCK = 0x50414E454CL;
  private final PanelMeetings meetings;
  private final PanelProperties properties;
  private final AuthoritiesProperties authorities;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  PanelScheduler(PanelMeetings meetings, PanelProperties properties, AuthoritiesProperties authorities,
      TransactionTemplate transaction, JdbcClient jdbc) {
    this.meetings = meetings;
    this.properties = properties;
    this.authorities = authorities;
    this.transaction = transaction;
    this.jdbc = jdbc;
  }

  @Scheduled(initialDelayString = "${prevent.panel.schedule-initial-delay}", fixedDelayString = "${prevent.panel.schedule-interval}")
  void onSchedule() {
    int added = scheduleAhead();
    if (added > 0) {
      LOG.info("Scheduled {} panel meeting(s)", added);
    }
  }

  /** Returns how many meetings were added (none when another instance holds the lock). */
  int scheduleAhead() {
    Integer added = transaction.execute(status -> {
      if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single())) {
        return 0;
      }
      return authorities.authorities().stream().map(AuthoritiesProperties.Authority::code).filter(properties::leads)
          .mapToInt(lead -> meetings.keepScheduled(Actor.system(lead), lead)).sum();
    });
    return added == null ? 0 : added;
  }
}

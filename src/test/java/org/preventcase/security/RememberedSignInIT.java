package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.preventcase.database.LoggedStatements;
import org.preventcase.intake.ReferralApiIT;
import org.preventcase.intake.ReferralExamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A partner system's HTTP Basic sign-in is remembered (issue 17 item 4): after its first referral,
 * the next ones check no password and read none of its groups or authorities, until the membership
 * refresh has passed; a changed password, an ended membership and a deleted account take effect on
 * the next request.
 */
class RememberedSignInIT extends ApplicationIT {

  static final String PARTNER = "test-partner-system";
  static final String AUTHORITY = "E06000031";
  /** The engine's statements that check a password and read a user's groups and authorities (tenants). */
  static final List<String> SIGN_IN_STATEMENTS = List.of("UserEntity.selectUser",
      "GroupEntity.selectGroupByQueryCriteria", "TenantEntity.selectTenantByQueryCriteria");

  @Autowired IdentityService identity;
  @Autowired TestClock clock;

  @BeforeEach
  void aPartnerSystemWithItsOwnAccount() {
    if (identity.createUserQuery().userId(PARTNER).count() == 0) {
      newWorkerOf(identity, AUTHORITY, PARTNER);
    }
    if (identity.createGroupQuery().groupMember(PARTNER).groupId(Role.REFERRER.groupId()).count() == 0) {
      identity.createMembership(PARTNER, Role.REFERRER.groupId());
    }
  }

  @Test
  void afterItsFirstReferralAPartnerSystemsSignInReadsNothingUntilTheMembershipRefresh() {
    clock.advance(Duration.ofSeconds(61)); // whatever an earlier test left remembered is past its time
    assertThat(signInReads(() -> refer(DEMO_PASSWORD))).as("the first referral checks the password, reads the groups "
        + "and authorities").hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(signInReads(() -> refer(DEMO_PASSWORD))).isEmpty();
    }
    clock.advance(Duration.ofSeconds(61));
    assertThat(signInReads(() -> refer(DEMO_PASSWORD))).as("checked again after the refresh").hasSize(3);
  }

  @Test
  void aWrongPasswordIsNeverTakenForTheRememberedOne() {
    refer(DEMO_PASSWORD);
    assertThat(post(DEMO_PASSWORD + "x").statusCode()).isEqualTo(401);
    assertThat(refer(DEMO_PASSWORD).statusCode()).isEqualTo(201);
  }

  @Test
  void aChangedPasswordAndAnEndedMembershipTakeEffectOnTheNextRequest() {
    refer(DEMO_PASSWORD);
    User partner = identity.createUserQuery().userId(PARTNER).singleResult();
    partner.setPassword(DEMO_PASSWORD + "-changed");
    identity.saveUser(partner);
    try {
      assertThat(post(DEMO_PASSWORD).statusCode()).isEqualTo(401);
      assertThat(refer(DEMO_PASSWORD + "-changed").statusCode()).isEqualTo(201);
    } finally {
      partner = identity.createUserQuery().userId(PARTNER).singleResult();
      partner.setPassword(DEMO_PASSWORD);
      identity.saveUser(partner);
    }
    refer(DEMO_PASSWORD);
    identity.deleteMembership(PARTNER, Role.REFERRER.groupId());
    assertThat(post(DEMO_PASSWORD).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> refer(String password) {
    HttpResponse<String> created = post(password);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created;
  }

  private HttpResponse<String> post(String password) {
    String marker = "Rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/referrals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", ReferralApiIT.key())
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((PARTNER + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(ReferralExamples.json(ReferralExamples.valid(marker)))).build();
    return send(HttpClient.newHttpClient(), request);
  }

  /**
   * The sign-in statements the engine ran in a transaction of their own while the work was done (MyBatis
   * logs each as it prepares it; the same reads made inside the intake's transaction are the intake's).
   */
  static List<String> signInReads(Supplier<?> work) {
    return LoggedStatements.during("org.camunda.bpm.engine.impl.persistence.entity",
        event -> event.getFormattedMessage().contains("Preparing:")
            && TransactionSynchronizationManager.getCurrentTransactionName() == null
            && SIGN_IN_STATEMENTS.stream().anyMatch(event.getLoggerName()::endsWith), work::get)
        .stream().map(ILoggingEvent::getLoggerName).toList();
  }
}

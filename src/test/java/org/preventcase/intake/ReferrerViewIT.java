package org.preventcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.CaseStatus;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;

/** A referrer sees only a neutral status of their own referrals: received, being considered, closed. */
class ReferrerViewIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CaseService cases;
  @Autowired Actors actors;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  JsonNode mine(String user) throws Exception {
    HttpResponse<String> response = call("GET", "/api/referrals/mine", user, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  JsonNode find(JsonNode list, long referralId) {
    for (JsonNode referral : list) {
      if (referral.path("referralId").asLong() == referralId) {
        return referral;
      }
    }
    return null;
  }

  @Test
  void theReferrerSeesReceivedThenBeingConsideredThenClosedAndNothingElse() throws Exception {
    HttpResponse<String> created = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(ReferralExamples.valid("Rv" + UUID.randomUUID().toString().substring(0, 8))));
    JsonNode answer = JSON.readTree(created.body());
    long referralId = answer.path("referralId").asLong();
    String reference = ReferralApiIT.caseOf(jdbc, created);

    JsonNode mine = find(mine("demo-referrer"), referralId);
    assertThat(mine.path("status").asText()).isEqualTo("received");
    List<String> fields = new ArrayList<>();
    mine.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("referralId", "reference", "receivedAt", "status");
    assertThat(mine.path("reference").asText()).isEqualTo("R-" + referralId);

    cases.changeStage(actors.of("demo-police"), reference, Stage.POLICE_MANAGED, CaseStatus.OPEN, Purpose.of(Purpose.Code.CASE_API));
    assertThat(find(mine("demo-referrer"), referralId).path("status").asText()).isEqualTo("being considered");
    assertThat(call("GET", "/api/referrals/" + referralId, "demo-referrer", null).body())
        .doesNotContain("POLICE_MANAGED").contains("being considered");

    cases.close(actors.of("demo-police"), reference, ClosureReason.NFA_CLOSED, Purpose.of(Purpose.Code.CASE_API));
    assertThat(find(mine("demo-referrer"), referralId).path("status").asText()).isEqualTo("closed");
    HttpResponse<String> page = signIn("demo-referrer").get("/referrals/mine");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("R-" + referralId).contains("closed").doesNotContain("NFA_CLOSED")
        .doesNotContain(reference);

    assertThat(find(mine("demo-coordinator"), referralId)).as("only the referrer's own").isNull();
    assertThat(call("GET", "/api/referrals/" + referralId, "demo-coordinator", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/cases/" + reference, "demo-referrer", null).statusCode())
        .as("the referrer may not open the case").isEqualTo(404);
  }

  @Test
  void aReferralThatJoinedAnOpenCaseFollowsItsOwnCourseNotTheCasesStage() throws Exception {
    java.util.Map<String, Object> person = ReferralExamples.valid("Rj" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> first = ReferralApiIT.post(baseUrl(), "demo-referrer", "test-" + UUID.randomUUID(),
        ReferralExamples.json(person));
    String reference = ReferralApiIT.caseOf(jdbc, first);
    cases.changeStage(actors.of("demo-police"), reference, Stage.POLICE_MANAGED, CaseStatus.OPEN, Purpose.of(Purpose.Code.CASE_API));

    HttpResponse<String> second = ReferralApiIT.post(baseUrl(), "demo-coordinator", "test-" + UUID.randomUUID(),
        ReferralExamples.json(person));
    assertThat(ReferralApiIT.caseOf(jdbc, second)).as("it joined the open case").isEqualTo(reference);

    JsonNode joined = find(mine("demo-coordinator"), JSON.readTree(second.body()).path("referralId").asLong());
    assertThat(joined.path("status").asText()).as("not the older case's 'being considered'").isEqualTo("received");
    assertThat(find(mine("demo-referrer"), JSON.readTree(first.body()).path("referralId").asLong())
        .path("status").asText()).isEqualTo("being considered");

    cases.close(actors.of("demo-police"), reference, ClosureReason.NFA_CLOSED, Purpose.of(Purpose.Code.CASE_API));
    assertThat(find(mine("demo-coordinator"), joined.path("referralId").asLong()).path("status").asText())
        .isEqualTo("closed");
  }
}

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
import org.preventcase.security.Actors;
import org.springframework.beans.factory.annotation.Autowired;

/** A referrer sees only a neutral status of their own referrals: received, being considered, closed. */
class ReferrerViewIT extends ApplicationIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CaseService cases;
  @Autowired Actors actors;

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
    String reference = answer.path("caseReference").asText();

    JsonNode mine = find(mine("demo-referrer"), referralId);
    assertThat(mine.path("status").asText()).isEqualTo("received");
    List<String> fields = new ArrayList<>();
    mine.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("referralId", "receivedAt", "caseReference", "status");

    cases.changeStage(actors.of("demo-police"), reference, "POLICE_MANAGED", "OPEN", Purpose.of(Purpose.Code.CASE_API));
    assertThat(find(mine("demo-referrer"), referralId).path("status").asText()).isEqualTo("being considered");
    assertThat(call("GET", "/api/referrals/" + referralId, "demo-referrer", null).body())
        .doesNotContain("POLICE_MANAGED").contains("being considered");

    cases.changeStage(actors.of("demo-police"), reference, "NFA_CLOSED", "CLOSED", Purpose.of(Purpose.Code.CASE_API));
    assertThat(find(mine("demo-referrer"), referralId).path("status").asText()).isEqualTo("closed");
    HttpResponse<String> page = signIn("demo-referrer").get("/referrals/mine");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(reference).contains("closed").doesNotContain("NFA_CLOSED");

    assertThat(find(mine("demo-coordinator"), referralId)).as("only the referrer's own").isNull();
    assertThat(call("GET", "/api/referrals/" + referralId, "demo-coordinator", null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/cases/" + reference, "demo-referrer", null).statusCode())
        .as("the referrer may not open the case").isEqualTo(404);
  }
}

package org.preventcase.intake;

import static org.preventcase.web.Pages.text;

import java.util.List;
import java.util.stream.Collectors;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ReferralStatus;
import org.preventcase.security.Actors;
import org.preventcase.web.Pages;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referrer's view of their own referrals: GET /api/referrals/mine, GET /api/referrals/{id} and
 * the page /referrals/mine. Only received / being considered / closed, never an outcome.
 */
@RestController
class ReferrerView {

  private final CaseService cases;
  private final Actors actors;

  ReferrerView(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping(value = "/api/referrals/mine", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<ReferralStatus>> mine() {
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(cases.referralsOf(actors.current()));
  }

  @GetMapping(value = "/api/referrals/{referralId:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> one(@PathVariable long referralId) {
    return cases.referralsOf(actors.current()).stream().filter(referral -> referral.referralId() == referralId)
        .findFirst().<ResponseEntity<Object>>map(found -> ResponseEntity.ok().header("Cache-Control", "no-store")
            .body(found))
        .orElseGet(() -> Problems.problem(HttpStatus.NOT_FOUND, "There is no such referral of yours."));
  }

  @GetMapping(value = "/referrals/mine", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page() {
    List<ReferralStatus> mine = cases.referralsOf(actors.current());
    String rows = mine.stream().map(referral -> "<tr><td>" + referral.referralId() + "</td><td>"
        + text(referral.receivedAt()) + "</td><td>" + text(referral.caseReference()) + "</td><td>"
        + text(referral.status().label()) + "</td></tr>").collect(Collectors.joining("\n"));
    return Pages.page(HttpStatus.OK, "Your referrals", """
        <p>The status of the referrals you made: received, being considered, or closed. For the safety of
        everyone involved, the Prevent team may not be able to tell you more.</p>
        <table><thead><tr><th>Referral</th><th>Received</th><th>Reference</th><th>Status</th></tr></thead>
        <tbody>%s</tbody></table>""".formatted(mine.isEmpty() ? "<tr><td colspan=\"4\">None yet.</td></tr>" : rows));
  }
}

package org.preventcase.intake;

import java.util.List;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ReferralStatus;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The referrer's view of their own referrals: GET /api/referrals/mine, GET /api/referrals/{id} and
 * the page /referrals/mine (templates/my-referrals.html). Only received / being considered / closed, never an outcome.
 */
@Controller
class ReferrerView {

  private final CaseService cases;
  private final Actors actors;

  ReferrerView(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping(value = "/api/referrals/mine", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<List<ReferralStatus>> mine() {
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(cases.referralsOf(actors.current()));
  }

  @GetMapping(value = "/api/referrals/{referralId:\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Object> one(@PathVariable long referralId) {
    return cases.referralsOf(actors.current()).stream().filter(referral -> referral.referralId() == referralId)
        .findFirst().<ResponseEntity<Object>>map(found -> ResponseEntity.ok().header("Cache-Control", "no-store")
            .body(found))
        .orElseGet(() -> Problems.problem(HttpStatus.NOT_FOUND, "There is no such referral of yours."));
  }

  @GetMapping(value = "/referrals/mine", produces = MediaType.TEXT_HTML_VALUE)
  String page(Model model) {
    model.addAttribute("referrals", cases.referralsOf(actors.current()));
    return "my-referrals";
  }
}

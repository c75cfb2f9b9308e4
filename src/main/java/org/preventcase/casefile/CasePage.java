package org.preventcase.casefile;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The case page, same origin and sign-in as Tasklist: /cases/{reference} (templates/case.html; read-only but
 * for the risk escalation it offers the case's writers, riskescalation.RiskEscalationPage)
 * and a referral awaiting a possible-match decision: /referrals/{referralId} (templates/referral.html).
 * Tasklist forms link here with ?purpose=TASK (the user's claimed task is recorded) or TASK:&lt;task
 * id&gt;; opened directly it is CASE_PAGE. Every view is audited, refused ones included; the templates
 * escape all text.
 */
@Controller
class CasePage {

  private final CaseService cases;
  private final Actors actors;
  private final ReferralAnswers answers;

  CasePage(CaseService cases, Actors actors, ReferralAnswers answers) {
    this.cases = cases;
    this.actors = actors;
    this.answers = answers;
  }

  @GetMapping(value = "/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView show(@PathVariable String reference, @RequestParam(required = false) String purpose) {
    Actor actor = actors.current();
    return audited(purpose, why -> cases.view(actor, reference, why).map(view -> new ModelAndView("case", Map.of(
        "view", view, "answers", answers, "writes", cases.writesCasesOf(actor, view.authorityCode())))));
  }

  /**
   * /cases/{reference}/support-plan: the case as the intervention provider its plan allocates sees it
   * (templates/provider-case.html; linked from the form intervention-contact).
   */
  @GetMapping(value = "/cases/{reference}/support-plan", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView supportPlan(@PathVariable String reference, @RequestParam(required = false) String purpose) {
    return audited(purpose, why -> cases.viewForProvider(actors.current(), reference, why)
        .map(view -> new ModelAndView("provider-case", Map.of("view", view))));
  }

  /**
   * /referrals/{referralId}: a referral awaiting the screener's decision on a possible match (linked
   * from the form referral-possible-match); once it belongs to a case it is read on the case page.
   */
  @GetMapping(value = "/referrals/{referralId:\\d+}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView referral(@PathVariable long referralId, @RequestParam(required = false) String purpose) {
    return audited(purpose, why -> cases.viewReferral(actors.current(), referralId, why)
        .map(view -> new ModelAndView("referral", Map.of("view", view, "answers", answers))));
  }

  /** The page for the stated purpose (CASE_PAGE by default), "not found" when refused. */
  private static ModelAndView audited(String purpose, Function<Purpose, Optional<ModelAndView>> page) {
    Purpose why;
    try {
      why = Purpose.parse(purpose, Purpose.Code.CASE_PAGE);
    } catch (IllegalArgumentException badPurpose) {
      return new ModelAndView("error", Map.of("status", 400, "problem", badPurpose.getMessage()),
          HttpStatus.BAD_REQUEST);
    }
    return page.apply(why).orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }
}

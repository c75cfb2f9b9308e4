package org.preventcase.riskescalation;

import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseNotFoundException;
import org.preventcase.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Escalate a risk" form of the case page and of the intervention provider's support plan page
 * (templates/case-parts.html): POST /cases/{reference}/risk-escalation with whatChanged. Escalated or refused,
 * the page it came from follows (returnTo) (post, redirect, get): a success banner, or the plain
 * reason at the top of the page and beside the field, what was typed kept. Not one the user may write: not found.
 */
@Controller
class RiskEscalationPage {

  private final RiskEscalations escalations;
  private final Actors actors;

  RiskEscalationPage(RiskEscalations escalations, Actors actors) {
    this.escalations = escalations;
    this.actors = actors;
  }

  @PostMapping(value = "/cases/{reference}/risk-escalation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ModelAndView escalate(@PathVariable String reference, @RequestParam(required = false) String whatChanged,
      @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
    try {
      escalations.escalate(actors.current(), reference, whatChanged, new Purpose(Purpose.Code.CASE_PAGE,
          "risk escalated"));
      redirect.addFlashAttribute("riskEscalated", true);
    } catch (IllegalArgumentException | IllegalStateException refused) {
      redirect.addFlashAttribute("riskEscalationError", refused.getMessage());
      redirect.addFlashAttribute("riskEscalationText", whatChanged);
    } catch (CaseNotFoundException notFound) {
      return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
    }
    // back to the page that offered the form: the case page, or the intervention provider's support plan page
    return new ModelAndView("support-plan".equals(returnTo) ? "redirect:/cases/{reference}/support-plan"
        : "redirect:/cases/{reference}");
  }
}

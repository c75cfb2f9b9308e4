package org.preventcase.information;

import java.util.Map;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * /information-requests/{reference}/{agency} (templates/information-request.html): what a partner
 * agency sees of a case while its information request is open, linked from its Tasklist form. Only
 * members of that agency's group, only while the request is open; every look is audited (VIEW,
 * purpose INFORMATION_REQUEST:&lt;agency&gt;), refused ones included, and a refusal reads "Not found".
 */
@Controller
class InformationRequestPage {

  private final CaseService cases;
  private final Actors actors;

  InformationRequestPage(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping(value = "/information-requests/{reference}/{agency}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView show(@PathVariable String reference, @PathVariable String agency) {
    return PartnerAgency.ofCode(agency)
        .flatMap(asked -> cases.viewInformationRequest(actors.current(), reference, asked))
        .map(request -> new ModelAndView("information-request", Map.of("request", request)))
        .orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }
}

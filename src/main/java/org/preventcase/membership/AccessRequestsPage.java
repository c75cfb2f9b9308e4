package org.preventcase.membership;

import java.util.Map;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Prevent managers' page of access requests (/access-requests, templates/access-requests.html):
 * changes to who may see cases in their authority, waiting for a decision, and the latest decisions.
 * Approve or refuse; the decision and the change are audited.
 */
@Controller
class AccessRequestsPage {

  static final String PATH = "/access-requests";
  private final AccessRequests requests;
  private final Actors actors;

  AccessRequestsPage(AccessRequests requests, Actors actors) {
    this.requests = requests;
    this.actors = actors;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page() {
    return page(HttpStatus.OK, null);
  }

  @PostMapping(value = PATH + "/{id}/approve", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView approve(@PathVariable long id) {
    return decide(id, true);
  }

  @PostMapping(value = PATH + "/{id}/refuse", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView refuse(@PathVariable long id) {
    return decide(id, false);
  }

  private ModelAndView decide(long id, boolean approve) {
    Actor manager = actors.current();
    try {
      AccessRequest decided = approve ? requests.approve(id, manager) : requests.refuse(id, manager);
      return page(HttpStatus.OK, (approve ? "Approved: " : "Refused: ") + decided.description());
    } catch (AccessRequests.NoSuchRequest unknown) {
      return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
    } catch (AccessRequests.DecisionRefused refused) {
      return page(HttpStatus.CONFLICT, "Not decided: " + refused.getMessage());
    }
  }

  private ModelAndView page(HttpStatus status, String notice) {
    ModelAndView page = new ModelAndView("access-requests", Map.of("requests", requests.visibleTo(actors.current()),
        "notice", notice == null ? "" : notice, "path", PATH));
    page.setStatus(status);
    return page;
  }
}

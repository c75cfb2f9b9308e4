package org.preventcase.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages /audit (where a manager asks), /audit/cases/{reference} and /audit/users/{userId}
 * (templates/audit-*.html), and the same as JSON under /api/audit/, for Prevent managers. Anyone
 * else, or another authority's case, gets 404; the attempt is audited.
 */
@Controller
class AuditViews {

  private final AuditReview review;
  private final Actors actors;

  AuditViews(AuditReview review, Actors actors) {
    this.review = review;
    this.actors = actors;
  }

  /** The managers' audit page: a case's trail by reference, or a user's reads by user id. */
  @GetMapping(value = "/audit", produces = MediaType.TEXT_HTML_VALUE)
  String ask(@RequestParam(required = false) String reference, @RequestParam(required = false) String user) {
    if (reference != null && !reference.isBlank()) {
      return "redirect:" + UriComponentsBuilder.fromPath("/audit/cases/{reference}").build(reference.strip());
    }
    if (user != null && !user.isBlank()) {
      return "redirect:" + UriComponentsBuilder.fromPath("/audit/users/{user}").build(user.strip());
    }
    return "audit";
  }

  @GetMapping(value = "/audit/cases/{reference}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView casePage(@PathVariable String reference) {
    return page("Audit trail of case " + reference, review.caseTrail(actors.current(), reference));
  }

  @GetMapping(value = "/audit/users/{userId}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView userPage(@PathVariable String userId) {
    return page("Case data accessed by " + userId, review.userTrail(actors.current(), userId));
  }

  @GetMapping("/api/audit/cases/{reference}")
  @ResponseBody
  ResponseEntity<Object> caseApi(@PathVariable String reference) {
    return json(review.caseTrail(actors.current(), reference));
  }

  @GetMapping("/api/audit/users/{userId}")
  @ResponseBody
  ResponseEntity<Object> userApi(@PathVariable String userId) {
    return json(review.userTrail(actors.current(), userId));
  }

  private static ResponseEntity<Object> json(Optional<List<AuditEvent>> events) {
    return events.<ResponseEntity<Object>>map(list -> ResponseEntity.ok().header("Cache-Control", "no-store").body(list))
        .orElseGet(Problems::notFound);
  }

  private static ModelAndView page(String title, Optional<List<AuditEvent>> events) {
    return events.map(list -> new ModelAndView("audit-trail", Map.of("title", title, "events", list,
            "limit", AuditTrail.PAGE)))
        .orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }
}

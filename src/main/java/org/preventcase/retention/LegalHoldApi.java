package org.preventcase.retention;

import java.util.Map;
import java.util.function.BiFunction;
import org.preventcase.casefile.CaseNotFoundException;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.LegalHold;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A legal hold on a case (docs/retention.md), for Prevent managers of its authority:
 * POST /api/cases/{reference}/legal-hold {"reason": "..."} places it, POST .../legal-hold/lift
 * {"reason": "..."} lifts it; both answer the hold as it now stands. A missing reason is a 400 naming
 * the field; a hold already in force (or none to lift) a 409; not found, another authority's case and
 * a refused role all a 404. Every attempt is audited by the case service.
 */
@RestController
class LegalHoldApi {

  record Reason(String reason) {}

  private final CaseService cases;
  private final Actors actors;

  LegalHoldApi(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @PostMapping("/api/cases/{reference}/legal-hold")
  ResponseEntity<Object> place(@PathVariable String reference, @RequestBody(required = false) Reason body) {
    return change(reference, body, (actor, reason) -> cases.placeLegalHold(actor, reference, reason));
  }

  @PostMapping("/api/cases/{reference}/legal-hold/lift")
  ResponseEntity<Object> lift(@PathVariable String reference, @RequestBody(required = false) Reason body) {
    return change(reference, body, (actor, reason) -> cases.liftLegalHold(actor, reference, reason));
  }

  private ResponseEntity<Object> change(String reference, Reason body,
      BiFunction<org.preventcase.security.Actor, String, LegalHold> change) {
    try {
      LegalHold hold = change.apply(actors.current(), body == null ? null : body.reason());
      return ResponseEntity.ok().header("Cache-Control", "no-store")
          .body(Map.of("reference", hold.reference(), "legalHold", hold.inForce()));
    } catch (IllegalArgumentException badReason) {
      return Problems.problem(HttpStatus.BAD_REQUEST, badReason.getMessage());
    } catch (IllegalStateException conflict) {
      return Problems.problem(HttpStatus.CONFLICT, conflict.getMessage());
    } catch (CaseNotFoundException notFound) {
      return Problems.notFound();
    }
  }
}

package org.preventcase.riskescalation;

import java.util.Map;
import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseNotFoundException;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/cases/{reference}/risk-escalation with {"whatChanged": "..."} (docs/support.md): the risk escalated,
 * 202. What changed missing or too long, a 400; a closed case, or one neither in support nor before the panel,
 * a 409 saying to tell the police directly; not found, another authority's case and a refused role all a 404.
 */
@RestController
class RiskEscalationApi {

  record Escalation(String whatChanged) {}

  private final RiskEscalations escalations;
  private final Actors actors;

  RiskEscalationApi(RiskEscalations escalations, Actors actors) {
    this.escalations = escalations;
    this.actors = actors;
  }

  @PostMapping("/api/cases/{reference}/risk-escalation")
  ResponseEntity<Object> escalate(@PathVariable String reference, @RequestBody Escalation escalation) {
    try {
      escalations.escalate(actors.current(), reference, escalation.whatChanged(),
          new Purpose(Purpose.Code.CASE_API, "risk escalated"));
      return ResponseEntity.accepted().header("Cache-Control", "no-store").body(Map.of("reference", reference));
    } catch (IllegalArgumentException badInput) {
      return Problems.problem(HttpStatus.BAD_REQUEST, badInput.getMessage());
    } catch (IllegalStateException conflict) {
      return Problems.problem(HttpStatus.CONFLICT, conflict.getMessage());
    } catch (CaseNotFoundException notFound) {
      return Problems.notFound();
    }
  }
}

package org.preventcase.casefile;

import org.preventcase.audit.Purpose;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/cases/{reference}: the case as JSON, to roles allowed to see it; every call audited
 * (purpose CASE_API unless the client says why, e.g. ?purpose=TASK:&lt;task id&gt; or REPORT:&lt;report&gt;).
 * Not found, another authority's case and a refused role all answer 404 (problem+json).
 */
@RestController
class CaseApi {

  private final CaseService cases;
  private final Actors actors;

  CaseApi(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping("/api/cases/{reference}")
  ResponseEntity<Object> view(@PathVariable String reference, @RequestParam(required = false) String purpose) {
    Purpose why;
    try {
      why = Purpose.parse(purpose, Purpose.Code.CASE_API);
    } catch (IllegalArgumentException badPurpose) {
      return Problems.problem(HttpStatus.BAD_REQUEST, badPurpose.getMessage());
    }
    return cases.view(actors.current(), reference, why)
        .<ResponseEntity<Object>>map(view -> ResponseEntity.ok().header("Cache-Control", "no-store").body(view))
        .orElseGet(Problems::notFound);
  }
}

package org.preventcase.intake;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preventcase.casefile.ReferralReference;
import org.preventcase.engine.AuthorityNotChosenException;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/referrals: the partner systems' way in (docs/referrals.md, /api/openapi.yaml). The body
 * mirrors the start form (one JSON property per form field, a date as ISO text) and is checked by the
 * intake's start listener against the start form of the very definition started (its schema and
 * rules, as Tasklist's start is), in the transaction that holds the key's lock; the Idempotency-Key header is
 * required. 201 with the referral's id and reference only, the same whether or not the person is
 * already known (nothing tells the referrer of an earlier or open case); 400 problem+json naming every bad field; 422 for a key
 * reused with another body; 403 for a role that may not refer. Nothing is stored unless 201.
 */
@RestController
class ReferralApi {

  static final int MAX_BODY = 200_000;
  static final int MAX_KEY = 200;
  private final PartnerSubmissions submissions;
  private final Actors actors;

  ReferralApi(PartnerSubmissions submissions, Actors actors) {
    this.submissions = submissions;
    this.actors = actors;
  }

  @PostMapping(value = "/api/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> refer(@RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) String body) {
    Actor actor = actors.current();
    if (Role.working(Role.Workspace.TASKLIST).stream().noneMatch(actor::hasRole)) {
      return Problems.problem(HttpStatus.FORBIDDEN, "Your role may not make referrals.");
    }
    if (key == null || key.isBlank() || key.length() > MAX_KEY || !key.matches("[\\x21-\\x7e]+")) {
      return invalid(List.of(new FieldProblem("Idempotency-Key",
          "The Idempotency-Key header is required: 1 to " + MAX_KEY + " printable characters, unique per referral")));
    }
    if (body != null && body.length() > MAX_BODY) {
      return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "A referral is at most " + MAX_BODY + " characters of JSON.");
    }
    PartnerSubmissions.Outcome outcome;
    try {
      Map<String, Object> referral = ReferralJson.object(body == null ? "" : body).orElse(null);
      if (referral == null) {
        return invalid(List.of(new FieldProblem("", "The body must be a JSON object with the referral form's fields")));
      }
      outcome = submissions.submit(actor, key, referral);
    } catch (ReferralRefusedException refused) {
      return invalid(refused.problems());
    } catch (AuthorityNotChosenException notYours) {
      return invalid(List.of(new FieldProblem(AuthorityNotChosenException.FIELD, notYours.getMessage())));
    }
    if (outcome instanceof PartnerSubmissions.Outcome.KeyReused) {
      return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
          "This Idempotency-Key was used for a different referral; use a new key for a new referral.");
    }
    PartnerSubmissions.Outcome.Received received = (PartnerSubmissions.Outcome.Received) outcome;
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("referralId", received.referralId());
    answer.put("referralReference", ReferralReference.of(received.referralId()));
    answer.put("status", "received");
    return ResponseEntity.created(URI.create("/api/referrals/" + received.referralId()))
        .header("Cache-Control", "no-store").header("Idempotent-Replayed", String.valueOf(received.replayed()))
        .body(answer);
  }

  private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
    ResponseEntity<Object> response = Problems.problem(HttpStatus.BAD_REQUEST,
        "The referral was not accepted: correct the fields listed in errors.");
    ProblemDetail problem = (ProblemDetail) response.getBody();
    problem.setTitle("Invalid referral");
    problem.setProperty("errors", problems);
    return response;
  }
}

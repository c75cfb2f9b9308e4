package org.preventcase.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.security.Role;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit trail's verification, for Prevent managers of the authorities they work for: the page
 * /audit/verification (the latest result, the current chain heads, "verify now" with the heads from a
 * digest) and the same as JSON at /api/audit/verification. Anyone else gets 404.
 */
@Controller
class AuditVerificationViews {

  static final String HEADS_FIELD = "Chain heads from your digest";

  private final AuditVerification verification;
  private final Actors actors;
  AuditVerificationViews(AuditVerification verification, Actors actors) {
    this.verification = verification;
    this.actors = actors;
  }

  record Status(List<AuditVerification.Result> results, List<ChainHead> heads) {}

  record HandedIn(List<String> heads) {}

  @GetMapping(value = "/audit/verification", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page() {
    return manager().map(manager -> render(status(manager), null, ""))
        .orElseGet(AuditVerificationViews::notFound);
  }

  @PostMapping(value = "/audit/verification", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView verifyNow(@RequestParam(defaultValue = "") String heads) {
    Optional<Actor> manager = manager();
    if (manager.isEmpty()) {
      return notFound();
    }
    List<String> lines = heads.lines().filter(line -> !line.isBlank()).toList();
    Optional<String> problem = problemWith(lines);
    if (problem.isPresent()) {
      return render(status(manager.get()), problem.get(), heads);
    }
    verifyAll(manager.get(), lines);
    return render(status(manager.get()), null, heads);
  }

  @GetMapping("/api/audit/verification")
  @ResponseBody
  ResponseEntity<Object> latest() {
    return manager().<ResponseEntity<Object>>map(manager -> json(status(manager))).orElseGet(Problems::notFound);
  }

  @PostMapping("/api/audit/verification")
  @ResponseBody
  ResponseEntity<Object> verifyNowApi(@RequestBody(required = false) HandedIn handedIn) {
    Optional<Actor> manager = manager();
    if (manager.isEmpty()) {
      return Problems.notFound();
    }
    List<String> lines = handedIn == null || handedIn.heads() == null ? List.of() : handedIn.heads();
    Optional<String> problem = problemWith(lines);
    if (problem.isPresent()) {
      return Problems.problem(HttpStatus.BAD_REQUEST, problem.get().replace(HEADS_FIELD, "heads"));
    }
    verifyAll(manager.get(), lines);
    return json(status(manager.get()));
  }

  private Optional<Actor> manager() {
    Actor actor = actors.current();
    return actor.hasRole(Role.PREVENT_MANAGER) && !actor.authorities().isEmpty() ? Optional.of(actor) : Optional.empty();
  }

  /** The first line that is not a head as the digest writes it, or of an authority the manager does not work for. */
  private Optional<String> problemWith(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Optional<ChainHead> head = ChainHead.parse(lines.get(i));
      if (head.isEmpty()) {
        return Optional.of(HEADS_FIELD + ": line " + (i + 1) + " is not a chain head as the digest writes it "
            + "(authority, month, rows, hash)");
      }
    }
    return Optional.empty();
  }

  private void verifyAll(Actor manager, List<String> lines) {
    List<ChainHead> handedIn = lines.stream().map(ChainHead::parse).flatMap(Optional::stream).toList();
    for (String authority : new TreeSet<>(manager.authorities())) {
      verification.verify(authority, manager.userId(), handedIn);
    }
  }

  private Status status(Actor manager) {
    List<ChainHead> heads = new ArrayList<>();
    new TreeSet<>(manager.authorities()).forEach(authority -> heads.addAll(verification.heads(authority)));
    return new Status(verification.latest(manager.authorities()), heads);
  }

  private static ResponseEntity<Object> json(Status status) {
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(status);
  }

  private static ModelAndView render(Status status, String problem, String heads) {
    ModelAndView page = new ModelAndView("audit/verification", Map.of("results", status.results(),
        "heads", status.heads(), "problem", problem == null ? "" : problem, "handedIn", heads,
        "headsField", HEADS_FIELD));
    page.setStatus(problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    return page;
  }

  private static ModelAndView notFound() {
    return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
  }
}

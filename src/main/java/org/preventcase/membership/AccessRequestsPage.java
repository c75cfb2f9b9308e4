package org.preventcase.membership;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prevent managers' page of access requests (/access-requests): changes to who may see cases
 * in their authority, waiting for a decision, and the latest decisions. Approve or refuse; the
 * decision and the change are audited.
 */
@RestController
class AccessRequestsPage {

  static final String PATH = "/access-requests";
  private final AccessRequests requests;
  private final Actors actors;

  AccessRequestsPage(AccessRequests requests, Actors actors) {
    this.requests = requests;
    this.actors = actors;
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(CsrfToken csrf) {
    return page(HttpStatus.OK, null, csrf);
  }

  @PostMapping(value = PATH + "/{id}/approve", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> approve(@PathVariable long id, CsrfToken csrf) {
    return decide(id, true, csrf);
  }

  @PostMapping(value = PATH + "/{id}/refuse", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> refuse(@PathVariable long id, CsrfToken csrf) {
    return decide(id, false, csrf);
  }

  private ResponseEntity<String> decide(long id, boolean approve, CsrfToken csrf) {
    Actor manager = actors.current();
    try {
      AccessRequest decided = approve ? requests.approve(id, manager) : requests.refuse(id, manager);
      return page(HttpStatus.OK, (approve ? "Approved: " : "Refused: ") + decided.description(), csrf);
    } catch (AccessRequests.NoSuchRequest unknown) {
      return Pages.page(HttpStatus.NOT_FOUND, "Not found", "<p>" + Pages.text(unknown.getMessage()) + ".</p>");
    } catch (AccessRequests.DecisionRefused refused) {
      return page(HttpStatus.CONFLICT, "Not decided: " + refused.getMessage(), csrf);
    }
  }

  private ResponseEntity<String> page(HttpStatus status, String notice, CsrfToken csrf) {
    List<AccessRequest> visible = requests.visibleTo(actors.current());
    String rows = visible.stream().map(request -> "<tr>" + cells(request.id(), request.authorityCode(),
        request.description(), request.requestedBy(), request.requestedAt(), request.status(), request.decidedBy(),
        request.decidedAt()) + "<td>" + (request.status() == AccessRequest.Status.PENDING ? buttons(request, csrf) : "")
        + "</td></tr>").collect(Collectors.joining("\n"));
    return Pages.page(status, "Access requests", (notice == null ? "" : "<p role=\"status\">" + Pages.text(notice)
        + "</p>") + """
        <p>Changes to who may see cases in your authority take effect only when a Prevent manager approves them.
        You cannot decide a change you asked for or one that gives you access.</p>
        <table><thead><tr><th>Request</th><th>Authority</th><th>Change</th><th>Asked by</th><th>Asked at</th>
        <th>Status</th><th>Decided by</th><th>Decided at</th><th>Decision</th></tr></thead>
        <tbody>%s</tbody></table>%s""".formatted(rows, rows.isEmpty() ? "<p>None.</p>" : ""));
  }

  private static String buttons(AccessRequest request, CsrfToken csrf) {
    String token = "<input type=\"hidden\" name=\"" + Pages.text(csrf.getParameterName()) + "\" value=\""
        + Pages.text(csrf.getToken()) + "\">";
    return "<form method=\"post\" action=\"" + PATH + "/" + request.id() + "/approve\">" + token
        + "<button type=\"submit\">Approve</button></form><form method=\"post\" action=\"" + PATH + "/" + request.id()
        + "/refuse\">" + token + "<button type=\"submit\">Refuse</button></form>";
  }

  private static String cells(Object... values) {
    return Arrays.stream(values).map(value -> "<td>" + Pages.text(value) + "</td>").collect(Collectors.joining());
  }
}

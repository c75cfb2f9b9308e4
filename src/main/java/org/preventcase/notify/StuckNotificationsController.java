package org.preventcase.notify;

import java.util.List;
import java.util.stream.Collectors;
import org.preventcase.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The managers' list of messages that keep failing: a page and its JSON. */
@RestController
public class StuckNotificationsController {

  private final StuckNotifications stuck;

  public StuckNotificationsController(StuckNotifications stuck) {
    this.stuck = stuck;
  }

  @GetMapping(value = "/api/notifications/stuck", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<StuckNotifications.Stuck> list() {
    return stuck.list();
  }

  @GetMapping(value = "/notifications/stuck", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page() {
    String rows = stuck.list().stream().map(message -> "<tr>" + cells(message.caseReference(), message.messageType(),
        message.recipientKind() + (message.recipientGroup() == null ? "" : " (" + message.recipientGroup() + ")"),
        message.recipient(), message.attempts(), message.lastFailure(), message.queuedAt(), message.nextAttemptAt())
        + "</tr>").collect(Collectors.joining("\n"));
    return Pages.page(HttpStatus.OK, "Messages that keep failing", """
        <p>These messages are still queued and are retried; fix the address or the mail service and they go.</p>
        <table><thead><tr><th>Case</th><th>Message</th><th>Recipient</th><th>Address</th><th>Attempts</th>
        <th>Last failure</th><th>Queued</th><th>Next attempt</th></tr></thead>
        <tbody>%s</tbody></table>%s""".formatted(rows, rows.isEmpty() ? "<p>None.</p>" : ""));
  }

  private static String cells(Object... values) {
    StringBuilder cells = new StringBuilder();
    for (Object value : values) {
      cells.append("<td>").append(Pages.text(value)).append("</td>");
    }
    return cells.toString();
  }
}

package org.preventcase.notify;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
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
  public String page() {
    String rows = stuck.list().stream().map(message -> "<tr>" + cells(message.caseReference(), message.messageType(),
        message.recipientKind() + (message.recipientGroup() == null ? "" : " (" + message.recipientGroup() + ")"),
        message.recipient(), String.valueOf(message.attempts()), message.lastFailure(), message.queuedAt().toString(),
        message.nextAttemptAt().toString()) + "</tr>").collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Messages that keep failing - Prevent Case Engine</title>
        <link rel="stylesheet" href="/assets/site.css"></head>
        <body><main class="page"><h1>Messages that keep failing</h1>
        <p>These messages are still queued and are retried; fix the address or the mail service and they go.</p>
        <table><thead><tr><th>Case</th><th>Message</th><th>Recipient</th><th>Address</th><th>Attempts</th>
        <th>Last failure</th><th>Queued</th><th>Next attempt</th></tr></thead>
        <tbody>%s</tbody></table>%s</main></body></html>
        """.formatted(rows, rows.isEmpty() ? "<p>None.</p>" : "");
  }

  private static String cells(String... values) {
    StringBuilder cells = new StringBuilder();
    for (String value : values) {
      cells.append("<td>").append(htmlEscape(value == null ? "" : value)).append("</td>");
    }
    return cells.toString();
  }
}

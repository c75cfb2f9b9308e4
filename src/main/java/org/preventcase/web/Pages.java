package org.preventcase.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.temporal.TemporalAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The frame of the application's own server-rendered pages (case page, audit view). Every value
 * goes through {@link #text}: text is stored as written and escaped wherever it is shown.
 */
public final class Pages {

  private Pages() {}

  /** A value as HTML text; null shows as a dash. */
  public static String text(Object value) {
    if (value == null) {
      return "&mdash;";
    }
    return htmlEscape(value instanceof TemporalAccessor ? value.toString() : String.valueOf(value));
  }

  /** The document's start, up to and including its head: shared by every page of the application. */
  public static String head(String title) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>%s - Prevent Case Engine</title>
          <link rel="stylesheet" href="/assets/site.css">
        </head>
        """.formatted(text(title));
  }

  public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html = head(title) + """
        <body>
          <header class="banner">Official-Sensitive &middot; Prevent Case Engine &middot;
            <a href="/camunda/app/tasklist/">Tasklist</a></header>
          <main>
            <h1>%s</h1>
        %s
          </main>
        </body>
        </html>
        """.formatted(text(title), body);
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
        .header("Cache-Control", "no-store").body(html);
  }

  public static ResponseEntity<String> notFound() {
    return page(HttpStatus.NOT_FOUND, "Not found",
        "<p>There is no such case, or you may not see it. Check the reference, or ask your Prevent manager.</p>");
  }

  public static ResponseEntity<String> badRequest(String message) {
    return page(HttpStatus.BAD_REQUEST, "Cannot show this", "<p>" + text(message) + "</p>");
  }
}

package org.preventcase.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The one sign-in page, for Tasklist, Cockpit, Admin and the case pages alike. */
@Controller
public class SignInPage {

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> signIn(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String notice = request.getParameter("error") != null
        ? "<p class=\"notice error\" role=\"alert\">Sign-in failed: check your username and password. "
            + "After several failed attempts you must wait a little longer each time before trying again.</p>"
        : request.getParameter("logout") != null ? "<p class=\"notice\" role=\"status\">You have signed out.</p>" : "";
    String html = Pages.head("Sign in") + """
        <body>
          <main class="sign-in">
            <h1>Prevent Case Engine</h1>
            <p>Official-Sensitive. Sign in to work on Prevent referrals and Channel cases.</p>
            %s
            <form method="post" action="/login">
              <label for="username">Username</label>
              <input id="username" name="username" placeholder="Username" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" placeholder="Password" autocomplete="current-password" required>
              <input type="hidden" name="%s" value="%s">
              <button type="submit">Sign in</button>
            </form>
          </main>
        </body>
        </html>
        """.formatted(notice, htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken()));
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
  }
}

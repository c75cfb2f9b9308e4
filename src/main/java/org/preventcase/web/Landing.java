package org.preventcase.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where a user arrives (docs/pages.md): after signing in, and at "/", each role lands where its work
 * is ({@link Place#landing}): administrators in Admin, Prevent managers on the managers' home,
 * practitioners in Tasklist, process owners in Cockpit. A link into the case pages (say from an
 * e-mail) that sent the user to sign in is followed after sign-in; the entry pages of the webapps
 * are not, so a manager who opened Tasklist's address lands on the managers' home, not on a refusal.
 */
@Controller
public class Landing implements AuthenticationSuccessHandler {

  private static final Pattern WEBAPP_ENTRY = Pattern.compile("/(camunda(/app(/[a-z]+(/[a-z0-9-]+)?)?)?/?)?");
  private final Actors actors;
  private final RequestCache requests = new HttpSessionRequestCache();

  public Landing(Actors actors) {
    this.actors = actors;
  }

  @GetMapping("/")
  ModelAndView home() {
    return landing(actors.current())
        .map(href -> new ModelAndView("redirect:" + href))
        .orElseGet(() -> new ModelAndView("error", Map.of("status", 403), HttpStatus.FORBIDDEN));
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    SavedRequest saved = requests.getRequest(request, response);
    requests.removeRequest(request, response);
    if (request.getSession(false) != null) {
      request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
    String target = saved != null && !WEBAPP_ENTRY.matcher(URI.create(saved.getRedirectUrl()).getPath()).matches()
        ? saved.getRedirectUrl()
        : landing(actors.of(authentication.getName())).orElse("/");
    response.sendRedirect(target);
  }

  private static java.util.Optional<String> landing(Actor actor) {
    return Place.landing(actor).map(Place::href);
  }
}

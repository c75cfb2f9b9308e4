package org.preventcase.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Marks a sign-in as coming from the sign-in form (not HTTP Basic), where single sign-on may forbid it. */
class FormSignInDetails extends WebAuthenticationDetails {

  FormSignInDetails(HttpServletRequest request) {
    super(request);
  }
}

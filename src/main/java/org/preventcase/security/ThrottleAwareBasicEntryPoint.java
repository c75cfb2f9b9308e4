package org.preventcase.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * HTTP Basic's answer to a refused sign-in: 429 with Retry-After while the account and address must
 * wait (SignInThrottle), otherwise 401 asking for credentials. The same for any account id.
 */
class ThrottleAwareBasicEntryPoint implements AuthenticationEntryPoint {

  private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

  ThrottleAwareBasicEntryPoint() {
    basic.setRealmName("Prevent Case Engine");
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
      throws IOException {
    if (refusal instanceof SignInThrottledException throttled) {
      response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
    } else {
      basic.commence(request, response, refusal);
    }
  }
}

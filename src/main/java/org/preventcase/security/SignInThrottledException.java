package org.preventcase.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many sign-in attempts for this account from this address: try again after the wait. */
public class SignInThrottledException extends AuthenticationException {

  private final transient Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("Too many sign-in attempts: try again later");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}

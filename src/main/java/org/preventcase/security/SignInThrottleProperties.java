package org.preventcase.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling (prevent.security.sign-in-throttle): attempts per account and address that
 * need no wait, the first wait after them (doubling with each further attempt up to the longest),
 * how long after its last wait an account and address are forgotten, and how many are remembered.
 */
@ConfigurationProperties(prefix = "prevent.security.sign-in-throttle")
public record SignInThrottleProperties(int freeAttempts, Duration firstDelay, Duration longestDelay,
    Duration forgetAfter, int mostTracked) {}

package org.preventcase.engine;

/**
 * A Spring event: a user (their password included), a group membership or a tenant membership was
 * created, changed or deleted through this instance's engine, or a group or tenant deleted
 * ({@link IdentityChangePlugin}). Whatever remembers who a user is and what they belong to forgets it.
 */
public record IdentityChanged() {}

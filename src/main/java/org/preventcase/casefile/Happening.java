package org.preventcase.casefile;

import java.time.Instant;

/**
 * One line of a case's chronology, in words: when (shown in London time), what happened, a detail
 * (labels, never codes), who did it (a user id, or the case engine) and, where the case page shows
 * more, the anchor there ({@code #entry-4}).
 */
public record Happening(Instant at, String what, String detail, String by, String link) {}

package org.preventcase.audit;

import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of one audit chain: its authority, its UTC month, how many rows it holds and the hash of
 * the last one. Written as one line, {@code E06000031 2026-12 57 3fa2...}: the daily digest carries
 * these lines, and a manager may hand them back to the verification. No personal data.
 */
public record ChainHead(String authorityCode, YearMonth month, long position, String hash) {

  public static final Pattern LINE = Pattern.compile("([A-Z][0-9]{8}) ([0-9]{4}-[0-9]{2}) ([1-9][0-9]{0,17}) ([0-9a-fA-F]{64})");

  public ChainHead {
    hash = hash.toLowerCase(Locale.ROOT);
  }

  static ChainHead of(String authorityCode, YearMonth month, long position, byte[] hash) {
    return new ChainHead(authorityCode, month, position, HexFormat.of().formatHex(hash));
  }

  public String line() {
    return authorityCode + " " + month + " " + position + " " + hash;
  }

  /** A line as the digest writes it; anything else is empty. */
  public static Optional<ChainHead> parse(String line) {
    String text = line.strip();
    Matcher matcher = LINE.matcher(text.length() > 200 ? "" : text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ChainHead(matcher.group(1), YearMonth.parse(matcher.group(2)),
        Long.parseLong(matcher.group(3)), matcher.group(4)));
  }
}

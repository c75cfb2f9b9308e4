package org.preventcase.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * Why case data is accessed, taken from what is being served (a task, the case page, a report) or
 * stated by the user (an ad-hoc search). Written as CODE or CODE:detail, e.g. TASK:&lt;task id&gt;.
 */
public record Purpose(Code code, String detail) {

  public static final int MAX_DETAIL = 500;

  public enum Code {
    /** A Tasklist task about the case; detail = task id (filled in from the user's claimed tasks if absent). */
    TASK(false),
    /** The case page opened directly. */
    CASE_PAGE(false),
    /** The case API called by a client. */
    CASE_API(false),
    /** The list of an authority's open cases (the Cases page). */
    CASE_LIST(false),
    /** A report; detail = the report. */
    REPORT(true),
    /** An ad-hoc search; detail = the user's stated reason. */
    SEARCH(true),
    /** The intake of a referral. */
    INTAKE(false),
    /** A Prevent manager reviewing the audit trail. */
    AUDIT_REVIEW(false),
    /** A message about the case delivered by the notifications outbox; detail = the message type. */
    NOTIFICATION(true),
    /** A change to who may see cases (a role, an authority, an authorization); detail = the change. */
    ACCESS_CHANGE(true),
    /** A step of the case's process with no one signed in (a timer, a continuation); detail = the step. */
    PROCESS(true),
    /** A partner agency's information request about the case (its page, its answer); detail = the agency. */
    INFORMATION_REQUEST(true),
    /** A legal hold on the case placed or lifted (docs/retention.md); detail = placed or lifted. */
    LEGAL_HOLD(true),
    /** The deletion of expired case records or audit months (docs/retention.md); detail = what went, as counts. */
    RETENTION(true),
    /** A Channel panel meeting: its page, or a case read for it by an invited member; detail = the meeting id. */
    PANEL_MEETING(true),
    /** A case moving to another authority (docs/transfers.md); detail = the other authority and the step. */
    TRANSFER(true);

    private final boolean needsDetail;

    Code(boolean needsDetail) {
      this.needsDetail = needsDetail;
    }
  }

  public Purpose {
    if (code == null) {
      throw new IllegalArgumentException("A purpose is required");
    }
    detail = detail == null || detail.isBlank() ? null : detail.strip();
    if (code.needsDetail && detail == null) {
      throw new IllegalArgumentException("The purpose " + code + " needs a detail (" + code + ":...)");
    }
    if (detail != null && detail.length() > MAX_DETAIL) {
      throw new IllegalArgumentException("A purpose's detail is at most " + MAX_DETAIL + " characters");
    }
  }

  public static Purpose of(Code code) {
    return new Purpose(code, null);
  }

  /** Reads CODE or CODE:detail; an absent value is the given default; an unknown code is refused. */
  public static Purpose parse(String value, Code absent) {
    if (value == null || value.isBlank()) {
      return of(absent);
    }
    int colon = value.indexOf(':');
    String code = (colon < 0 ? value : value.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
    String detail = colon < 0 ? null : value.substring(colon + 1);
    Code parsed = Optional.of(code).filter(Purpose::isCode).map(Code::valueOf)
        .orElseThrow(() -> new IllegalArgumentException("Unknown purpose; use one of TASK:<task id>, CASE_PAGE, "
            + "CASE_API, REPORT:<report>, SEARCH:<reason>"));
    return new Purpose(parsed, detail);
  }

  private static boolean isCode(String code) {
    for (Code known : Code.values()) {
      if (known.name().equals(code)) {
        return true;
      }
    }
    return false;
  }
}

package org.preventcase.deadline;

/** A working-day deadline that would fall outside the bank-holiday calendar: the calendar needs updating. */
public class DeadlineBeyondCalendarException extends IllegalStateException {

  public DeadlineBeyondCalendarException(String message) {
    super(message);
  }
}

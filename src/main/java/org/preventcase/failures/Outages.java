package org.preventcase.failures;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure is the database being out of reach (a connection that cannot be had or was lost). */
public final class Outages {

  /** Seconds a client is asked to wait before trying again. */
  public static final String RETRY_AFTER_SECONDS = "30";
  public static final String MESSAGE = "Sorry, the service is unavailable for a moment: try again in a few minutes.";

  private Outages() {}

  public static boolean isDatabaseOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof DataAccessResourceFailureException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true; // connection exception; the server shutting down or not accepting connections
      }
      if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
        return true; // the rollback itself failed: the connection is gone
      }
    }
    return false;
  }
}

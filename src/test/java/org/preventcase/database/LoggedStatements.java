package org.preventcase.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The statements run while some work is done, as those that run them log them at DEBUG: the engine's
 * (MyBatis logs each mapped statement as it prepares it) and the application's own (Spring's JdbcTemplate,
 * which JdbcClient uses, logs each SQL statement it executes).
 */
public final class LoggedStatements {

  private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_][a-z0-9_]*)");

  private LoggedStatements() {}

  /**
   * What the logger (and those below it) logged while the work ran, at DEBUG meanwhile, of the events kept
   * (the filter runs on the logging thread, as the event is logged).
   */
  public static List<ILoggingEvent> during(String loggerName, Predicate<ILoggingEvent> kept, Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
    List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> log = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        if (kept.test(event)) {
          logged.add(event);
        }
      }
    };
    log.start();
    logger.addAppender(log);
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try {
      work.run();
    } finally {
      logger.setLevel(before);
      logger.detachAppender(log);
    }
    return List.copyOf(logged);
  }

  /** The SQL the work ran through JdbcTemplate or JdbcClient on the calling thread, in order. */
  public static List<String> sql(Runnable work) {
    return sql(Thread.currentThread().getName()::equals, work);
  }

  /**
   * The SQL run through JdbcTemplate or JdbcClient on the threads named while the work ran (a request's thread
   * is the server's), in order.
   */
  public static List<String> sql(Predicate<String> threads, Runnable work) {
    return during(JDBC_TEMPLATE, event -> threads.test(event.getThreadName())
        && event.getFormattedMessage().matches("(?s)Executing .*SQL [a-z ]*\\[.*\\]"), work).stream()
        .map(event -> event.getFormattedMessage().replaceFirst("(?s)^[^\\[]*\\[(.*)\\]$", "$1")).toList();
  }

  /** The tables the statements name (after FROM, JOIN, INTO or UPDATE). */
  public static Set<String> tables(List<String> statements) {
    Set<String> named = new TreeSet<>();
    statements.forEach(statement -> {
      Matcher table = TABLE.matcher(statement);
      while (table.find()) {
        named.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    });
    return named;
  }
}

package org.preventcase.engine;

import java.sql.Connection;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGStatement;

/**
 * The engine statements marked {@value #MARK} are planned by PostgreSQL for the values of each call, never by a
 * generic plan saved for the statement (issue 17 item 1, docs/performance.md). The driver turns a statement run
 * five times on a connection into a named server statement, and PostgreSQL may then plan it once for any values:
 * for the task list, a plan that knows neither the page's size nor how many tasks the user's groups hold sorts every
 * task the user may see (175 ms at 30,000 open tasks) where the values' own plan reads the page from the task list's
 * index (V260) for a group with many tasks, or the group's few tasks from its identity links. Planning it anew takes
 * under a millisecond. A MyBatis interceptor of the engine's session factory ({@link TaskQueryAuthorizationPlugin}
 * registers it); every other statement is prepared as before.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public class PlannedPerCall implements Interceptor {

  /** The comment that marks a statement of a mapper to be planned for each call's values. */
  public static final String MARK = "/* planned per call */";

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Statement statement = (Statement) invocation.proceed();
    if (((StatementHandler) invocation.getTarget()).getBoundSql().getSql().contains(MARK)) {
      // never a server-side prepared statement: PostgreSQL plans each call with its values
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
    return statement;
  }
}

package org.preventcase.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.parsing.XNode;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The task query (Tasklist's lists and counts, the engine REST API's task list) checks authorizations
 * by subqueries instead of Camunda's join of every task to every authorization row the user holds,
 * which is quadratic in open tasks, as each open task has one row per candidate group (issue 17
 * item 1, docs/performance.md). The statements are the engine's; their criteria are the engine's
 * fragment less its authorization join, and the check is {@code task-query-authorization.xml}'s,
 * which grants exactly what the join granted and falls back to the engine's own check while a
 * revoke is in force. Operaton has the same change in its engine (an {@code EXISTS}, PR #3152).
 * The candidate criteria are an {@code EXISTS}, so a task comes once and the list needs no {@code DISTINCT}, and the
 * list and count are planned for each call's values ({@link PlannedPerCall}): the first page is then read from the
 * task list's index in the filters' order (V260). Also, the groups holding any authorization, which the engine reads
 * in every command that checks authorizations, are found by walking the group index instead of reading every
 * authorization row.
 *
 * <p>The engine's fragment is changed in places found by content; if a Camunda release no
 * longer has them, the application does not start.
 */
@Component
public class TaskQueryAuthorizationPlugin extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.preventcase.engine.TaskQueryAuthorization";
  static final String MAPPER = "org/preventcase/engine/task-query-authorization.xml";
  private static final String ENGINE_CRITERIA = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteriaSql";
  private static final String CANDIDATE = "and I.TYPE_ = 'candidate'";
  /** The one criterion for which a query still joins the identity links. */
  private static final String JOINED = "query.involvedUser != null";
  private static final String ENGINE_CHECK = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck";
  /** The engine's statement names, which the engine asks its session factory to map. */
  static final List<String> STATEMENTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria",
      "selectAuthorizedGroupIds");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    XNode engineCriteria = mybatis.getSqlFragments().get(ENGINE_CRITERIA);
    Node criteria = engineCriteria.getNode().cloneNode(true);
    removeTheAuthorizationJoin(criteria);
    checkBySubqueries(criteria);
    candidatesByExists(criteria);
    mybatis.getSqlFragments().put(NAMESPACE + ".criteria", engineCriteria.newXNode(criteria));
    try (InputStream mapper = TaskQueryAuthorizationPlugin.class.getClassLoader().getResourceAsStream(MAPPER)) {
      new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mybatis.addInterceptor(new PlannedPerCall());
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    STATEMENTS.forEach(statement -> mappings.put(statement, NAMESPACE + "." + statement));
    sessions.setStatementMappings(mappings);
  }

  /** The {@code <if>} that joins the authorization rows ({@code ... AUTH ON (AUTH.RESOURCE_ID_ IN ...)}). */
  private static void removeTheAuthorizationJoin(Node criteria) {
    List<Element> joins = new ArrayList<>();
    NodeList children = criteria.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals("if")
          && element.getTextContent().contains("AUTH ON")) {
        joins.add(element);
      }
    }
    the(joins, "authorization join").getParentNode().removeChild(joins.get(0));
  }

  /** The engine's contextual check, which reads the joined rows, becomes this mapper's. */
  private static void checkBySubqueries(Node criteria) {
    List<Element> checks = new ArrayList<>();
    NodeList includes = ((Element) criteria).getElementsByTagName("include");
    for (int i = 0; i < includes.getLength(); i++) {
      Element include = (Element) includes.item(i);
      if (include.getAttribute("refid").equals(ENGINE_CHECK)) {
        checks.add(include);
      }
    }
    the(checks, "contextual authorization check").setAttribute("refid", NAMESPACE + ".authorizationCheck");
  }

  /**
   * The candidate criteria as an {@code EXISTS} on the task's candidate links instead of a join, which repeated a
   * task once per link and so needed {@code DISTINCT} over every matching task before the first page (and so kept
   * PostgreSQL from reading the first page from an index in the list's order). The join stays for the one
   * criterion that reads the joined row ({@code involvedUser}), and a query that has it keeps the engine's
   * candidate criteria on the joined row, exactly as the engine wrote them; the mapper selects distinct rows only
   * when that join, or a join for ordering by a variable, can repeat a task.
   */
  private static void candidatesByExists(Node criteria) {
    List<Element> joinSwitches = new ArrayList<>();
    NodeList binds = ((Element) criteria).getElementsByTagName("bind");
    for (int i = 0; i < binds.getLength(); i++) {
      Element bind = (Element) binds.item(i);
      if (bind.getAttribute("name").equals("I_JOIN") && bind.getAttribute("value").equals("true")) {
        joinSwitches.add((Element) bind.getParentNode());
      }
    }
    the(joinSwitches, "identity link join switch").setAttribute("test", "query != null && " + JOINED);
    List<Node> candidateTexts = new ArrayList<>();
    NodeList trims = ((Element) criteria).getElementsByTagName("trim");
    for (int i = 0; i < trims.getLength(); i++) {
      NodeList children = trims.item(i).getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j).getNodeType() == Node.TEXT_NODE && children.item(j).getNodeValue().contains(CANDIDATE)) {
          candidateTexts.add(children.item(j));
        }
      }
    }
    if (candidateTexts.size() != 1) {
      throw new IllegalStateException("The engine's task query criteria (" + ENGINE_CRITERIA + ") hold "
          + candidateTexts.size() + " candidate blocks this plugin rewrites, not one: review TaskQueryAuthorizationPlugin "
          + "for this Camunda release");
    }
    Node candidate = candidateTexts.get(0);
    Node block = candidate.getParentNode();
    block.insertBefore(unlessJoined(block,
        "and EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_"), candidate);
    block.appendChild(unlessJoined(block, ")"));
  }

  /** SQL text written only when the query does not join the identity links. */
  private static Element unlessJoined(Node block, String sql) {
    Element unless = block.getOwnerDocument().createElement("if");
    unless.setAttribute("test", "!(" + JOINED + ")");
    unless.appendChild(block.getOwnerDocument().createTextNode(sql));
    return unless;
  }

  private static Element the(List<Element> found, String what) {
    if (found.size() != 1) {
      throw new IllegalStateException("The engine's task query criteria (" + ENGINE_CRITERIA + ") hold " + found.size()
          + " of the " + what + " this plugin replaces, not one: review TaskQueryAuthorizationPlugin for this Camunda release");
    }
    return found.get(0);
  }
}

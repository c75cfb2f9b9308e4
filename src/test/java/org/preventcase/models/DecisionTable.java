package org.preventcase.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table of processes/ on the standalone DMN engine, for its table-driven test: evaluates it
 * and says which rules matched, and lists its rules, so that a rule added without a test case fails.
 */
public final class DecisionTable {

  private final List<String> matched = new ArrayList<>();
  private final DmnEngine dmn;
  private final DmnDecision decision;
  private final DmnModelInstance model;

  public DecisionTable(String resource, String decisionKey) {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().forEach(rule -> matched.add(rule.getId()));
      }
    }));
    dmn = configuration.buildEngine();
    try (InputStream in = DecisionTable.class.getClassLoader().getResourceAsStream(resource)) {
      model = Dmn.readModelFromStream(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    decision = dmn.parseDecision(decisionKey, model);
  }

  /** The single output for these inputs; {@link #matched()} then holds the rules that matched. */
  public String evaluate(Map<String, Object> inputs) {
    matched.clear();
    return dmn.evaluateDecisionTable(decision, inputs).getSingleResult().getSingleEntry();
  }

  public List<String> matched() {
    return List.copyOf(matched);
  }

  public List<String> rules() {
    return model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
  }
}

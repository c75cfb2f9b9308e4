package org.preventcase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Models change only through the repository and may only name delegate beans and test variables:
 * the parse listener refuses every other way of running code, in the real Spring context.
 */
class EngineSafetyIT extends ApplicationIT {

  static final String MODEL = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   targetNamespace="test">
        <process id="%s" isExecutable="true">
          <startEvent id="Start" />
          <sequenceFlow id="ToStep" sourceRef="Start" targetRef="Step" />
          %s
          <sequenceFlow id="ToEnd" sourceRef="Step" targetRef="End" %s
          <endEvent id="End" />
        </process>
      </definitions>
      """;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired DelegateBeans delegateBeans;

  static String model(String key, String step, String toEnd) {
    return MODEL.formatted(key, step, toEnd);
  }

  void deploy(String key, String xml) {
    repository.createDeployment().name("engine-safety-test").addString(key + ".bpmn", xml).deploy();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      script task                | <scriptTask id="Step" scriptFormat="javascript"><script>1</script></scriptTask> | />
      script execution listener  | <task id="Step"><extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener></extensionElements></task> | />
      script input mapping       | <task id="Step"><extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements></task> | />
      script condition           | <task id="Step" /> | ><conditionExpression xsi:type="tFormalExpression" language="javascript">true</conditionExpression></sequenceFlow>
      java class service task    | <serviceTask id="Step" camunda:class="java.lang.Object" /> | />
      java class listener        | <task id="Step"><extensionElements><camunda:executionListener event="start" class="java.lang.Object" /></extensionElements></task> | />
      method expression task     | <serviceTask id="Step" camunda:expression="${accessPolicy.apply()}" /> | />
      delegate with method call  | <serviceTask id="Step" camunda:delegateExpression="${beans.lookup()}" /> | />
      method call condition      | <task id="Step" /> | ><conditionExpression>${execution.getProcessEngine() != null}</conditionExpression></sequenceFlow>
      function in mapping        | <task id="Step"><extensionElements><camunda:inputOutput><camunda:inputParameter name="x">${System.exit(1)}</camunda:inputParameter></camunda:inputOutput></extensionElements></task> | />
      variable mapping class     | <callActivity id="Step" calledElement="x" camunda:variableMappingClass="java.lang.Object" /> | />
      """)
  void aModelThatTriesToRunCodeIsRefusedAtDeployment(String attempt, String step, String toEnd) {
    String key = "refused-" + attempt.trim().replace(' ', '-');
    assertThatThrownBy(() -> deploy(key, model(key, step.trim(), toEnd.trim())))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Model refused at");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  void delegateBeansAndVariableConditionsAreAllowed() {
    String step = "<serviceTask id=\"Step\" camunda:delegateExpression=\"${recordReferral}\" />";
    String condition = "><conditionExpression>${urgency == 'IMMEDIATE_RISK' &amp;&amp; !empty concernType}</conditionExpression></sequenceFlow>";
    assertThatCode(() -> deploy("allowed-delegate", model("allowed-delegate", step, condition))).doesNotThrowAnyException();
  }

  @Test
  void expressionsSeeOnlyDelegateBeansNotTheApplicationContext() {
    String step = "<serviceTask id=\"Step\" camunda:delegateExpression=\"${accessPolicy}\" />";
    deploy("bean-outside-map", model("bean-outside-map", step, "/>"));
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("bean-outside-map"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("accessPolicy");
    assertThat(delegateBeans.names()).doesNotContain("accessPolicy", "dataSource", "processEngine");
  }

  static final String DECISION = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="test"
                   namespace="test"%2$s>
        <decision id="%1$s" name="Test decision">
          <decisionTable id="Table_%1$s">
            <input id="Input_Urgency"><inputExpression id="Expression_Urgency" typeRef="string"%3$s><text>%4$s</text></inputExpression></input>
            <output id="Output_Route" name="route" typeRef="string" />
            <rule id="Rule_Any">
              <inputEntry id="Entry_Any"%5$s><text>%6$s</text></inputEntry>
              <outputEntry id="Entry_Route"%7$s><text>%8$s</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Autowired org.camunda.bpm.engine.DecisionService decisions;

  void deployDecision(String key, String... parts) {
    repository.createDeployment().name("engine-safety-test").addString(key + ".dmn",
        DECISION.formatted((Object[]) java.util.stream.Stream.concat(java.util.stream.Stream.of(key),
            java.util.Arrays.stream(parts)).toArray(String[]::new))).deploy();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      javascript input expression | ` expressionLanguage="javascript"` | urgency | `` | - | `` | "PANEL"
      groovy output entry         | `` | urgency | `` | - | ` expressionLanguage="groovy"` | 'PANEL'
      JUEL input entry            | `` | urgency | ` expressionLanguage="juel"` | ${urgency == 'X'} | `` | "PANEL"
      JUEL text in a FEEL entry   | `` | urgency | `` | - | `` | ${execution.getProcessEngine()}
      script as the default       | `` | urgency | `` | - | `` | "PANEL"
      Java external function      | `` | urgency | `` | - | `` | (function(x) external { java: { class: "java.lang.System", method signature: "exit(int)" } })(1)
      """)
  void aDecisionWithAScriptOrJavaIsRefusedAtDeployment(String attempt, String inputLanguage, String input,
      String entryLanguage, String entry, String outputLanguage, String output) {
    String key = "refused-" + attempt.trim().replace(' ', '-');
    String definitionsLanguage = attempt.startsWith("script as the default") ? " expressionLanguage=\"python\"" : "";
    assertThatThrownBy(() -> deployDecision(key, definitionsLanguage, inputLanguage, input, entryLanguage,
        entry.replace("&", "&amp;").replace("<", "&lt;"), outputLanguage, output))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Decision refused at");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
  }

  @Test
  void aCaseModelIsRefusedAtDeployment() {
    String caseModel = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" id="Definitions_RefusedCase"
                     targetNamespace="https://preventcase.org/test">
          <case id="refused-case">
            <casePlanModel id="CasePlanModel_RefusedCase" />
          </case>
        </definitions>
        """;
    assertThatThrownBy(() -> repository.createDeployment().name("engine-safety-test")
        .addString("refused-case.cmmn", caseModel).deploy())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("CMMN is not used here");
    assertThat(repository.createCaseDefinitionQuery().caseDefinitionKey("refused-case").count()).isZero();
  }

  @Test
  void aFeelDecisionIsDeployedAndEvaluated() {
    deployDecision("allowed-feel", " expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"", "",
        "urgency", " expressionLanguage=\"feel\"", "\"IMMEDIATE_RISK\",\"URGENT\"", "", "\"POLICE_FIRST\"");
    assertThat(decisions.evaluateDecisionTableByKey("allowed-feel",
        java.util.Map.of("urgency", "URGENT")).getSingleResult().<String>getSingleEntry()).isEqualTo("POLICE_FIRST");
  }
}

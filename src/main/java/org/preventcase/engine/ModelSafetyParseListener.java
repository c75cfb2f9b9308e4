package org.preventcase.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Refuses, at deployment, any BPMN element or attribute that {@link ModelSafetyRules} does not allow. */
class ModelSafetyParseListener extends AbstractBpmnParseListener {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
    check(rootElement);
  }

  private void check(Element element) {
    ModelSafetyRules.refuseElement(element.getTagName()).ifPresent(reason -> refuse(element, reason));
    for (String key : element.attributes()) {
      int split = key.lastIndexOf(':');
      String localName = split < 0 ? key : key.substring(split + 1);
      // camunda:x on any element, or a plain attribute of a camunda extension element
      boolean camundaAttribute = split > 0 ? key.substring(0, split).equals(CAMUNDA_NS) : CAMUNDA_NS.equals(element.getUri());
      ModelSafetyRules.refuseAttribute(localName, camundaAttribute, element.attribute(key))
          .ifPresent(reason -> refuse(element, reason));
    }
    ModelSafetyRules.refuseText(element.getText()).ifPresent(reason -> refuse(element, reason));
    element.elements().forEach(this::check);
  }

  private static void refuse(Element element, String reason) {
    String id = Optional.ofNullable(element.attribute("id")).orElse(element.getTagName());
    throw new ProcessEngineException("Model refused at '" + id + "' (line " + element.getLine() + "): " + reason);
  }
}

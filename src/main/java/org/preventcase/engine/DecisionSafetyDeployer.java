package org.preventcase.engine;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decision tables are as safe as process models: before the engine parses a deployment, every DMN
 * resource is checked against {@link ModelSafetyRules#refuseDecisionExpressionLanguage} (FEEL only: no
 * script or JUEL expression languages) and {@link ModelSafetyRules#refuseDecisionText} (no Java calls),
 * and the whole deployment is refused otherwise.
 */
class DecisionSafetyDeployer implements Deployer {

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.getResources() == null) {
      return;
    }
    deployment.getResources().values().stream()
        .filter(resource -> resource.getName().endsWith(".dmn") || resource.getName().endsWith(".dmn11.xml"))
        .forEach(DecisionSafetyDeployer::check);
  }

  private static void check(ResourceEntity resource) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(resource.getBytes())).getDocumentElement();
    } catch (Exception unreadable) {
      throw new ProcessEngineException("Decision refused (" + resource.getName() + "): not a readable DMN file");
    }
    check(resource.getName(), root);
  }

  private static void check(String resource, Element element) {
    String language = element.getAttribute("expressionLanguage");
    ModelSafetyRules.refuseDecisionExpressionLanguage(language.isEmpty() ? null : language)
        .ifPresent(reason -> refuse(resource, element, reason));
    if ("text".equals(element.getLocalName())) {
      ModelSafetyRules.refuseDecisionText(element.getTextContent()).ifPresent(reason -> refuse(resource, element, reason));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        check(resource, childElement);
      }
    }
  }

  private static void refuse(String resource, Element element, String reason) {
    Node named = element;
    while (named instanceof Element candidate && candidate.getAttribute("id").isEmpty()) {
      named = candidate.getParentNode();
    }
    String at = Optional.ofNullable(named instanceof Element withId ? withId.getAttribute("id") : null)
        .orElse(element.getLocalName());
    throw new ProcessEngineException("Decision refused at '" + at + "' (" + resource + "): " + reason);
  }
}

package org.preventcase.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The checks the team's check-models tool makes, in the project's own code: every executable BPMN
 * process has full DI without overlapping shapes, sentence-like ids, a deployment-bound Camunda
 * Form for every user task and form start event, conditional flows labelled in words (not codes),
 * no model-level history time-to-live; every form
 * parses and is named after its id; every DMN parses.
 */
class ModelConventionsTest {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "scriptTask", "businessRuleTask",
      "sendTask", "receiveTask", "manualTask", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway");
  /** A value's code (REFER_TO_PANEL, NFA_CLOSED) where a label should say it in words. */
  static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
  static final Pattern MODELER_DEFAULT_ID = Pattern.compile("^(Activity|Gateway|Event|StartEvent|EndEvent|Task|Flow)_[0-9a-z]{7}$");

  record Box(String id, double x1, double y1, double x2, double y2) {
    boolean overlaps(Box other) {
      return x1 < other.x2 && other.x1 < x2 && y1 < other.y2 && other.y1 < y2;
    }
  }

  @Test
  void everyFormParsesAndIsNamedAfterItsId() {
    List<String> problems = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      String id = ProjectFiles.form(form).path("id").asText("");
      if (!id.equals(ProjectFiles.formId(form))) {
        problems.add(form + ": form id '" + id + "' differs from its file name");
      } else if (ids.put(id, form) != null) {
        problems.add(form + ": form id '" + id + "' is used twice");
      }
      int schemaVersion = ProjectFiles.form(form).path("schemaVersion").asInt(99);
      if (schemaVersion > 16) {
        problems.add(form + ": schemaVersion " + schemaVersion + " is newer than Tasklist 7.24's form-js 1.8 renders");
      }
    }
    assertThat(ids).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void everyProcessHasAReadableDiagramAndDeploymentBoundForms() {
    List<String> problems = new ArrayList<>();
    List<Path> models = ProjectFiles.under(ProjectFiles.PROCESSES, ".bpmn");
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      problems.addAll(problemsOf(model, ProjectFiles.xml(model)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionTableParses() {
    ProjectFiles.under(ProjectFiles.PROCESSES, ".dmn").forEach(ProjectFiles::xml);
  }

  static List<String> problemsOf(Path model, Document document) {
    List<String> problems = new ArrayList<>();
    Set<String> shapes = new java.util.HashSet<>();
    Set<String> edges = new java.util.HashSet<>();
    Map<String, String> kinds = new HashMap<>();
    forEach(document.getElementsByTagNameNS("*", "*"), element -> {
      if (!element.getAttribute("id").isEmpty()) {
        kinds.put(element.getAttribute("id"), element.getLocalName());
      }
    });
    List<Box> boxes = new ArrayList<>();
    forEach(document.getElementsByTagNameNS(BPMNDI, "BPMNShape"), shape -> {
      String element = shape.getAttribute("bpmnElement");
      shapes.add(element);
      String kind = kinds.get(element);
      NodeList bounds = shape.getElementsByTagNameNS(DC, "Bounds");
      if (bounds.getLength() > 0 && FLOW_NODES.contains(kind) && !kind.equals("subProcess") && !kind.equals("boundaryEvent")) {
        Element b = (Element) bounds.item(0);
        double x = num(b, "x"), y = num(b, "y");
        boxes.add(new Box(element, x, y, x + num(b, "width"), y + num(b, "height")));
      }
    });
    for (int i = 0; i < boxes.size(); i++) {
      for (Box other : boxes.subList(i + 1, boxes.size())) {
        if (boxes.get(i).overlaps(other)) {
          problems.add(model + ": shapes of '" + boxes.get(i).id() + "' and '" + other.id() + "' overlap");
        }
      }
    }
    forEach(document.getElementsByTagNameNS(BPMNDI, "BPMNEdge"), edge -> {
      edges.add(edge.getAttribute("bpmnElement"));
      if (edge.getElementsByTagNameNS(DI, "waypoint").getLength() < 2) {
        problems.add(model + ": edge of '" + edge.getAttribute("bpmnElement") + "' has fewer than two waypoints");
      }
    });
    forEach(document.getElementsByTagNameNS(BPMN, "process"), process -> {
      if (!"true".equals(process.getAttribute("isExecutable"))) {
        return;
      }
      if (process.hasAttributeNS(CAMUNDA, "historyTimeToLive")) {
        problems.add(model + ": process sets camunda:historyTimeToLive; it comes from configuration");
      }
      forEach(process.getElementsByTagNameNS(BPMN, "*"), element -> {
        String kind = element.getLocalName();
        String id = element.getAttribute("id");
        if (FLOW_NODES.contains(kind)) {
          if (MODELER_DEFAULT_ID.matcher(id).matches()) {
            problems.add(model + ": '" + id + "' keeps a Modeler default id");
          }
          if (!shapes.contains(id)) {
            problems.add(model + ": '" + id + "' has no diagram shape");
          }
        }
        if (kind.equals("sequenceFlow") && !edges.contains(id)) {
          problems.add(model + ": sequence flow '" + id + "' has no diagram edge");
        }
        String name = element.getAttribute("name");
        if (kind.equals("sequenceFlow") && name.isBlank()
            && element.getElementsByTagNameNS(BPMN, "conditionExpression").getLength() > 0) {
          problems.add(model + ": conditional sequence flow '" + id + "' has no label saying when it is taken");
        }
        if (CODE.matcher(name).find()) {
          problems.add(model + ": '" + id + "' is labelled with a code ('" + name + "'): say it in words");
        }
        boolean topLevelStart = kind.equals("startEvent") && element.getParentNode() == process;
        String formRef = element.getAttributeNS(CAMUNDA, "formRef");
        if (kind.equals("userTask") && formRef.isEmpty()) {
          problems.add(model + ": user task '" + id + "' has no camunda:formRef");
        }
        if ((kind.equals("userTask") || topLevelStart) && !formRef.isEmpty()) {
          if (!"deployment".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"))) {
            problems.add(model + ": '" + id + "' binds its form other than camunda:formRefBinding=\"deployment\"");
          } else if (!formRef.contains("$") && !ProjectFiles.FORMS.resolve(formRef + ".form").toFile().isFile()) {
            problems.add(model + ": '" + id + "' refers to form '" + formRef + "', which is not in forms/");
          }
        }
      });
    });
    return problems;
  }

  private static double num(Element element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute).isEmpty() ? "0" : element.getAttribute(attribute));
  }

  private static void forEach(NodeList nodes, java.util.function.Consumer<Element> action) {
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element) {
        action.accept(element);
      }
    }
  }
}

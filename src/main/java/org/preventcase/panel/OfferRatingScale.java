package org.preventcase.panel;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * `${offerRatingScale}`, a create listener of the assessment task: the configured rating scale
 * (prevent.panel.assessment.scale) as the form's options for every dimension (valuesKey ratingScale).
 */
@Component("offerRatingScale")
public class OfferRatingScale implements TaskListener {

  private final PanelProperties properties;

  public OfferRatingScale(PanelProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(Panel.RATING_SCALE, Options.json(properties.assessment().scale().stream()
        .map(point -> Options.option(point.label(), point.key())).toList()));
  }

  static List<String> scaleValues(PanelProperties properties) {
    return properties.assessment().scale().stream().map(PanelProperties.Choice::key).toList();
  }
}

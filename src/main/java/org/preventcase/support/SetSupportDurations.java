package org.preventcase.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.preventcase.vocabulary.SupportVariables;
import org.springframework.stereotype.Component;

/** `${setSupportDurations}` (support, its start): the contact-lapse timer's duration from prevent.support. */
@Component("setSupportDurations")
public class SetSupportDurations implements ExecutionListener {

  private final SupportProperties properties;

  public SetSupportDurations(SupportProperties properties) {
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(SupportVariables.CONTACT_LAPSE, properties.contactLapse().toString());
  }
}

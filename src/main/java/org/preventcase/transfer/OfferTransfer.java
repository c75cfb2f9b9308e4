package org.preventcase.transfer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.preventcase.caseprocess.DeliveryModels;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseTransfer;
import org.preventcase.engine.AuthorityNotChosenException;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.GatewayVariables;
import org.preventcase.vocabulary.IntakeVariables;
import org.preventcase.vocabulary.TransferReason;
import org.preventcase.vocabulary.TransferVariables;
import org.springframework.stereotype.Component;

/**
 * `${offerTransfer}`, the sending case's step after TransferRequested (asyncBefore: the system actor of
 * the sending authority): the receiving authority's own case record (the person, the plan and the
 * remaining due dates: the sending case's open tasks with a due date), and the transfer-in process in
 * the receiving authority's tenant holding its acceptance task. The sending case goes on meanwhile.
 */
@Component("offerTransfer")
public class OfferTransfer implements JavaDelegate {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private final CaseService cases;
  private final Actors actors;
  private final ServedAuthorities served;
  private final DeliveryModels deliveryModels;

  public OfferTransfer(CaseService cases, Actors actors, ServedAuthorities served, DeliveryModels deliveryModels) {
    this.cases = cases;
    this.actors = actors;
    this.served = served;
    this.deliveryModels = deliveryModels;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sending = (String) execution.getVariable(IntakeVariables.CASE_REF);
    String receiving = (String) execution.getVariable(TransferVariables.RECEIVING_AUTHORITY_CODE);
    TransferReason reason = TransferReason.valueOf((String) execution.getVariable(TransferVariables.TRANSFER_REASON));
    String reference = cases.openTransferredCase(actors.acting(execution), sending, new CaseTransfer(receiving,
        served.nameOf(receiving), reason.label(), remainingDueDates(execution)));
    execution.setVariable(TransferVariables.RECEIVING_CASE_REF, reference);
    var transferIn = execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(Transfers.PROCESS_KEY).businessKey(reference)
        .setVariable(AuthorityNotChosenException.FIELD, receiving)
        .setVariable(IntakeVariables.CASE_REF, reference)
        .setVariable(TransferVariables.SENDING_CASE_REF, sending)
        .setVariable(TransferVariables.SENDING_AUTHORITY_CODE, execution.getTenantId())
        .setVariable(TransferVariables.SENDING_AUTHORITY_NAME, served.nameOf(execution.getTenantId()))
        .setVariable(TransferVariables.TRANSFER_REASON_LABEL, reason.label())
        .setVariable(GatewayVariables.CASE_OWNER_GROUP, deliveryModels.of(receiving).caseOwnerGroup());
    for (String fact : CaseFacts.CARRIED) {
      transferIn.setVariable(fact, execution.getVariable(fact));
    }
    transferIn.execute();
  }

  /** The sending case's open tasks with a due date (its own and its stages'), in words. */
  private static List<String> remainingDueDates(DelegateExecution execution) {
    List<String> due = new ArrayList<>();
    for (Task task : execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceBusinessKey(execution.getProcessBusinessKey()).tenantIdIn(execution.getTenantId())
        .dueAfter(new java.util.Date(0)).orderByDueDate().asc().list()) {
      due.add(task.getName().split(": ", 2)[0] + ": "
          + UK_DATE.format(LocalDate.ofInstant(task.getDueDate().toInstant(), LONDON)));
    }
    return due;
  }
}

package org.preventcase.riskescalation;

import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.audit.Purpose;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A risk escalated on a case (process.md §2.8, docs/support.md), from the case page or the API: in one
 * transaction what changed goes into the case record (audited) and the case's support or panel stage is sent
 * {@value RiskEscalation#MESSAGE}, which tells the police at once through the outbox and has the panel hear
 * the case urgently. What changed never enters the engine. Refusals store nothing.
 */
@Service
public class RiskEscalations {

  /** Said when the case is open but neither in support nor before the panel. */
  static final String NOT_NOW = "The case is not in Channel support or before the panel, so the panel cannot "
      + "review it urgently: tell the police Prevent team directly (call 999 if anyone is in immediate danger)";

  private final CaseService cases;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;

  public RiskEscalations(CaseService cases, RuntimeService runtime, PlatformTransactionManager transactions) {
    this.cases = cases;
    this.runtime = runtime;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * Escalates the risk. IllegalArgumentException for what changed missing or too long (before anything is
   * read), CaseNotFoundException when the case is not one the actor may write, IllegalStateException when it is
   * closed or its process cannot take an escalation now (then the case record is left as it was).
   */
  public void escalate(Actor actor, String reference, String whatChanged, Purpose purpose) {
    String text = whatChanged == null ? "" : whatChanged.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Enter what has changed");
    }
    if (text.length() > RiskEscalation.WHAT_CHANGED_MAX) {
      throw new IllegalArgumentException("What has changed must be " + RiskEscalation.WHAT_CHANGED_MAX
          + " characters or fewer");
    }
    transactions.executeWithoutResult(status -> {
      String authority = cases.escalateRisk(actor, reference, text, purpose);
      boolean hearingNow = PreventCase.waitsAt(runtime, reference, authority, RiskEscalation.HEARINGS);
      boolean taken = !runtime.createMessageCorrelation(RiskEscalation.MESSAGE).processInstanceBusinessKey(reference)
          .tenantId(authority).setVariableLocal(RiskEscalation.PANEL_HEARING_NOW, hearingNow)
          .correlateAllWithResult().isEmpty();
      if (!taken) {
        throw new IllegalStateException(NOT_NOW);
      }
    });
  }
}

package org.preventcase.custody;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.caseprocess.PreventCase;
import org.preventcase.casefile.CaseNotFoundException;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.transfer.Transfers;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case owner reports that the person is in custody (docs/custody.md): POST /api/cases/{reference}/custody
 * records it in the case and, in the same transaction, sends the case's process the message PersonInCustody,
 * which ends the work in hand and asks the case owner to record the hand-off to prison and probation; 202.
 * A closed case, one already in custody, one being transferred, or one whose new information the police are
 * deconflicting (which the hand-off would end), a 409; not found, another authority's case and a refused role
 * all a 404. Audited by the case service.
 */
@RestController
class CustodyApi {

  /**
   * Where the case cannot take the custody: already in custody, being transferred, or its new information being
   * deconflicted (one engine query for all; which of them, only when it is refused).
   */
  static final List<String> NOT_NOW = Stream.of(Custody.IN_CUSTODY, Transfers.IN_TRANSFER,
      List.of("Task_DeconflictNewInformation")).flatMap(List::stream).toList();

  private final CaseService cases;
  private final Actors actors;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;

  CustodyApi(CaseService cases, Actors actors, RuntimeService runtime, PlatformTransactionManager transactions) {
    this.cases = cases;
    this.actors = actors;
    this.runtime = runtime;
    this.transactions = new TransactionTemplate(transactions);
  }

  @PostMapping("/api/cases/{reference}/custody")
  ResponseEntity<Object> reportInCustody(@PathVariable String reference) {
    Actor actor = actors.current();
    try {
      transactions.executeWithoutResult(status -> {
        String authority = cases.reportInCustody(actor, reference);
        if (PreventCase.waitsAt(runtime, reference, authority, NOT_NOW)) {
          throw new IllegalStateException(PreventCase.waitsAt(runtime, reference, authority, Custody.IN_CUSTODY)
              ? "The case is already handed to prison and probation services"
              : Transfers.underWay(runtime, reference, authority)
              ? "The case is being transferred: report the custody to the receiving authority"
              : "The police are deconflicting new information about the case: report the custody once they have finished");
        }
        try {
          runtime.createMessageCorrelation(Custody.PERSON_IN_CUSTODY).processInstanceBusinessKey(reference)
              .tenantId(authority).correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
          throw new IllegalStateException("The case's process cannot take the custody now");
        }
      });
      return ResponseEntity.accepted().header("Cache-Control", "no-store").body(Map.of("reference", reference));
    } catch (IllegalStateException conflict) {
      return Problems.problem(HttpStatus.CONFLICT, conflict.getMessage());
    } catch (CaseNotFoundException notFound) {
      return Problems.notFound();
    }
  }
}

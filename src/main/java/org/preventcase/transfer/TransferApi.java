package org.preventcase.transfer;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.preventcase.casefile.CaseNotFoundException;
import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.CaseTransfer;
import org.preventcase.information.Submitted;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.preventcase.vocabulary.TransferReason;
import org.preventcase.vocabulary.TransferRoute;
import org.preventcase.vocabulary.TransferVariables;
import org.preventcase.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case owner moves a case to another authority served here (docs/transfers.md):
 * POST /api/cases/{reference}/transfer {"receivingAuthorityCode": "E06000032", "reason": "MOVED_HOME"}
 * records the request in the case and, in the same transaction, sends the case's process the message TransferRequested; 202.
 * A missing or unknown field is a 400 naming it; a closed case, or one already being transferred, a
 * 409; not found, another authority's case and a refused role all a 404. Audited by the case service.
 */
@RestController
class TransferApi {

  record Request(String receivingAuthorityCode, String reason) {}

  /** A Scottish council area's GSS code: the case goes to PMAP. */
  static final java.util.regex.Pattern SCOTTISH_COUNCIL = java.util.regex.Pattern.compile("S12[0-9]{6}");
  static final String SCOTLAND_NAME = "Scotland: the Prevent Multi-Agency Panel (PMAP)";
  private final CaseService cases;
  private final Actors actors;
  private final ServedAuthorities served;
  private final RuntimeService runtime;
  private final TransactionTemplate transactions;

  TransferApi(CaseService cases, Actors actors, ServedAuthorities served, RuntimeService runtime,
      PlatformTransactionManager transactions) {
    this.transactions = new TransactionTemplate(transactions);
    this.cases = cases;
    this.actors = actors;
    this.served = served;
    this.runtime = runtime;
  }

  @PostMapping("/api/cases/{reference}/transfer")
  ResponseEntity<Object> transfer(@PathVariable String reference, @RequestBody(required = false) Request body) {
    Request request = body == null ? new Request(null, null) : body;
    String receiving = request.receivingAuthorityCode() == null ? "" : request.receivingAuthorityCode().strip();
    if (receiving.isEmpty()) {
      return Problems.problem(HttpStatus.BAD_REQUEST, "receivingAuthorityCode: enter the code of the receiving authority");
    }
    TransferRoute route = served.serves(receiving) ? TransferRoute.SERVED
        : SCOTTISH_COUNCIL.matcher(receiving).matches() ? TransferRoute.SCOTLAND
        : served.isLocalAuthority(receiving) ? TransferRoute.NOT_SERVED : null;
    if (route == null) {
      return Problems.problem(HttpStatus.BAD_REQUEST, "receivingAuthorityCode: enter the code of a local authority in "
          + "England or Wales (E06000032), or of a Scottish council area (S12000036)");
    }
    String receivingName = route == TransferRoute.SCOTLAND ? SCOTLAND_NAME : served.nameOf(receiving);
    TransferReason reason = Submitted.option(request.reason(), TransferReason.class).orElse(null);
    if (reason == null) {
      return Problems.problem(HttpStatus.BAD_REQUEST, "reason: choose one of " + Arrays.toString(TransferReason.values()));
    }
    Actor actor = actors.current();
    try {
      transactions.executeWithoutResult(status -> {
        String authority = cases.requestTransfer(actor, reference,
            new CaseTransfer(receiving, receivingName, reason.label(), java.util.List.of()));
        if (Transfers.underWay(runtime, reference, authority)) {
          throw new IllegalStateException("The case is already being transferred");
        }
        try {
          runtime.createMessageCorrelation(Transfers.TRANSFER_REQUESTED).processInstanceBusinessKey(reference)
              .tenantId(authority).setVariablesLocal(Map.of(TransferVariables.RECEIVING_AUTHORITY_CODE, receiving,
                  TransferVariables.RECEIVING_AUTHORITY_NAME, receivingName, TransferVariables.TRANSFER_REASON,
                  reason.name(), TransferVariables.TRANSFER_REASON_LABEL, reason.label()))
              .setVariable(TransferVariables.TRANSFER_ROUTE, route.name())
              .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
          throw new IllegalStateException("The case's process cannot take a transfer now");
        }
      });
      return ResponseEntity.accepted().header("Cache-Control", "no-store")
          .body(Map.of("reference", reference, "receivingAuthorityCode", receiving));
    } catch (IllegalArgumentException bad) {
      return Problems.problem(HttpStatus.BAD_REQUEST, bad.getMessage());
    } catch (IllegalStateException conflict) {
      return Problems.problem(HttpStatus.CONFLICT, conflict.getMessage());
    } catch (CaseNotFoundException notFound) {
      return Problems.notFound();
    }
  }
}

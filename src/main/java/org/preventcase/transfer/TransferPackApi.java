package org.preventcase.transfer;

import org.preventcase.audit.Purpose;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actors;
import org.preventcase.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transfer pack (docs/transfers.md): GET /api/cases/{reference}/transfer-pack?recipient=E06000034 is
 * the case record as a JSON file for an authority not served here (or PMAP, for Scotland), a disclosure
 * through the case service (audited as EXPORT, purpose TRANSFER "transfer pack", the recipient named) by
 * the roles that may export a case. No recipient is a 400 naming it; a refusal a 404.
 */
@RestController
class TransferPackApi {

  static final int RECIPIENT_MAX = 100;
  private final CaseService cases;
  private final Actors actors;

  TransferPackApi(CaseService cases, Actors actors) {
    this.cases = cases;
    this.actors = actors;
  }

  @GetMapping("/api/cases/{reference}/transfer-pack")
  ResponseEntity<Object> pack(@PathVariable String reference, @RequestParam(required = false) String recipient) {
    if (recipient == null || recipient.isBlank() || recipient.strip().length() > RECIPIENT_MAX) {
      return Problems.problem(HttpStatus.BAD_REQUEST, "recipient: name the authority the transfer pack is for, in at most "
          + RECIPIENT_MAX + " characters (its code)");
    }
    return cases.export(actors.current(), reference, new Purpose(Purpose.Code.TRANSFER, "transfer pack"), recipient)
        .<ResponseEntity<Object>>map(view -> ResponseEntity.ok().header("Cache-Control", "no-store")
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transfer-pack-" + view.reference() + ".json\"")
            .body(view))
        .orElseGet(Problems::notFound);
  }
}

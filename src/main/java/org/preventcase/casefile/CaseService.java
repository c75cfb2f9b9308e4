package org.preventcase.casefile;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.preventcase.audit.AuditAction;
import org.preventcase.audit.AuditOutcome;
import org.preventcase.audit.AuditRecord;
import org.preventcase.audit.AuditTrail;
import org.preventcase.audit.Purpose;
import org.preventcase.security.Actor;
import org.preventcase.vocabulary.PartnerAgency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into the case record: every create, read, update and export of case data passes
 * here, is checked (role and authority, docs/roles.md) and writes exactly one audit row: in the same
 * transaction when granted, in its own when refused (so it survives the refused command's rollback). A refusal looks like "not found" to the user; the audit trail says
 * why. Messages of exceptions never carry a reference, a name or any other case data.
 */
@Service("caseRecordService") // the engine already has a bean named caseService (CMMN)
@Transactional(noRollbackFor = CaseNotFoundException.class)
public class CaseService {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final int REFERENCE_MAX = 40;
  public static final String NOTIFICATIONS_USER = "system:notifications";
  /** The stage a case opened by a referral starts in. */
  public static final Stage FIRST_STAGE = Stage.SCREENING;
  private static final Purpose INTAKE = Purpose.of(Purpose.Code.INTAKE);
  private static final Purpose MATCH = new Purpose(Purpose.Code.INTAKE, "known-person match");

  private final CaseRecords records;
  private final AuditTrail audit;
  private final KnownPersons known;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final InformationRequestRecords requests;
  private final LegalHoldRecords holds;
  private final ApplicationEventPublisher events;
  private final PanelRecords panel;

  public CaseService(CaseRecords records, AuditTrail audit, KnownPersons known,
      Clock clock, PlatformTransactionManager transactions, InformationRequestRecords requests,
      LegalHoldRecords holds, ApplicationEventPublisher events, PanelRecords panel) {
    this.requests = requests;
    this.holds = holds;
    this.events = events;
    this.panel = panel;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.records = records;
    this.audit = audit;
    this.known = known;
    this.clock = clock;
  }

  /**
   * Intake, first step: records a referral and its person (no case yet; the known-person match
   * decides), on the referrer's behalf, who may make a referral but never read the case it joins.
   * Returns the referral id.
   */
  public long recordReferral(Actor actor, String authority, NewCase.Person person, NewCase.Referral referral) {
    requireReferrer(actor, authority);
    long personId = records.insertPerson(authority, person, actor.userId());
    UUID statisticsId = UUID.randomUUID();
    long referralId = records.insertReferral(authority, personId, referral, statisticsId, actor.userId());
    events.publishEvent(new CaseEvents.ReferralRecorded(statisticsId, authority, referral.receivedAt().toInstant(),
        referral.referrerSector(), referral.concernType(), ageAtReferral(person, referral), person.gender(),
        new CaseEvents.PersonIdentity(person.nhsNumber(), person.givenNames(), person.familyName(),
            person.dateOfBirth())));
    audit.record(AuditRecord.ofCase(actor.userId(), authority, null, null, AuditAction.CREATE, AuditOutcome.GRANTED,
        INTAKE));
    return referralId;
  }

  /**
   * Intake: the known-person match of the referral's person across authorities (process.md §2.8).
   * Each matched case gets an audit row (VIEW, INTAKE "known-person match") in its own authority;
   * the caller learns only the route, this authority's case reference and another authority's name.
   */
  public PersonMatch matchPerson(Actor actor, String authority, long referralId) {
    requireReferrer(actor, authority);
    List<KnownPersons.KnownCase> cases = known.casesMatching(known.personOfReferral(referralId, authority));
    cases.forEach(matched -> audit.record(AuditRecord.ofCase(actor.userId(), matched.authorityCode(), matched.id(),
        matched.reference(), AuditAction.VIEW, AuditOutcome.GRANTED, MATCH)));
    return KnownPersons.decide(authority, cases);
  }

  /** Intake: opens a case for a recorded referral; a repeat case names the earlier case. Returns the reference. */
  public String openCaseForReferral(Actor actor, String authority, long referralId, String previousCaseReference) {
    requireReferrer(actor, authority);
    String user = actor.userId();
    long personId = records.personOfReferral(authority, referralId);
    int year = Year.now(clock.withZone(LONDON)).getValue();
    String reference = CaseReference.format(authority, year, records.nextReferenceNumber(authority, year));
    long caseId = records.insertCase(authority, reference, personId, FIRST_STAGE.name(), previousCaseReference, user);
    CaseRecords.CaseHead opened = records.find(reference).orElseThrow();
    records.linkReferral(opened, referralId, user);
    audit.record(AuditRecord.ofCase(user, authority, caseId, reference, AuditAction.CREATE, AuditOutcome.GRANTED,
        INTAKE));
    events.publishEvent(new CaseEvents.StageChanged(new CaseEvents.Move(records.statisticsOf(opened), null, null,
        FIRST_STAGE, opened.openedAt().toInstant())));
    return reference;
  }

  /** Intake: the referral joins an existing case of this authority (no second case). */
  public void linkReferral(Actor actor, String authority, long referralId, String reference) {
    requireReferrer(actor, authority);
    CaseRecords.CaseHead head = records.find(reference).filter(found -> found.authorityCode().equals(authority))
        .orElseThrow(CaseNotFoundException::new);
    records.linkReferral(head, referralId, actor.userId());
    audit.record(AuditRecord.ofCase(actor.userId(), authority, head.id(), reference, AuditAction.UPDATE,
        AuditOutcome.GRANTED, INTAKE));
    events.publishEvent(new CaseEvents.StageChanged(new CaseEvents.Move(records.statisticsOfReferral(authority,
        referralId), null, null, Stage.valueOf(head.stage()), clock.instant())));
  }

  /**
   * Intake: the address the referrer gave, for the acknowledgement (a disclosure of the reference to
   * the referrer: audited as NOTIFY with recipient "referrer").
   */
  public String referrerAddress(Actor actor, String authority, long referralId) {
    requireReferrer(actor, authority);
    CaseRecords.ReferralLink link = records.referralLink(authority, referralId);
    audit.record(AuditRecord.ofCase(actor.userId(), authority, link.caseId(), link.caseReference(), AuditAction.NOTIFY,
        AuditOutcome.GRANTED, INTAKE).withRecipient("referrer"));
    return link.referrerEmail();
  }

  /**
   * The referrals the user made, with only their neutral status (docs/referrals.md). One audit row
   * per look (VIEW, purpose CASE_API "own referrals").
   */
  public List<ReferralStatus> referralsOf(Actor actor) {
    List<ReferralStatus> mine = records.referralsBy(actor.userId(), actor.authorities());
    audit.record(AuditRecord.ofCase(actor.userId(), actor.authorities().stream().sorted().findFirst().orElse("NONE"),
        null, null, AuditAction.VIEW, AuditOutcome.GRANTED, new Purpose(Purpose.Code.CASE_API, "own referrals")));
    return mine;
  }

  /**
   * A referral not yet attached to a case (a possible match the police screener decides), to roles
   * that may view cases of its authority; audited like a case view, refused ones included.
   */
  public Optional<ReferralView> viewReferral(Actor actor, long referralId, Purpose purpose) {
    Optional<ReferralView> found = records.unattachedReferral(referralId);
    AuditOutcome outcome = found.map(view -> !actor.worksFor(view.authorityCode()) ? AuditOutcome.REFUSED_AUTHORITY
        : CaseAccess.READ.allows(actor) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE).orElse(AuditOutcome.NOT_FOUND);
    String authority = found.map(ReferralView::authorityCode)
        .orElseGet(() -> actor.authorities().stream().sorted().findFirst().orElse("NONE"));
    String detail = "referral " + referralId + (purpose.detail() == null ? "" : " " + purpose.detail());
    audit(AuditRecord.ofCase(actor.userId(), authority, null, null, AuditAction.VIEW, outcome,
        new Purpose(purpose.code(), detail.substring(0, Math.min(detail.length(), Purpose.MAX_DETAIL)))), outcome);
    return outcome == AuditOutcome.GRANTED ? found : Optional.empty();
  }

  private void requireReferrer(Actor actor, String authority) {
    if (!actor.worksFor(authority) || !CaseAccess.REFER.allows(actor)) {
      AuditOutcome refused = actor.worksFor(authority) ? AuditOutcome.REFUSED_ROLE : AuditOutcome.REFUSED_AUTHORITY;
      audit(AuditRecord.ofCase(actor.userId(), authority, null, null, AuditAction.CREATE, refused, INTAKE), refused);
      throw new CaseNotFoundException();
    }
  }

  /**
   * The open cases of the authorities the user works for (the Cases page), to the roles that manage
   * cases (coordinators, police Prevent officers, panel chairs, managers); empty for anyone else. One
   * audit row per authority listed (VIEW, CASE_LIST), refused ones included.
   */
  public Optional<List<CaseSummary>> openCases(Actor actor) {
    return listed(actor, Purpose.of(Purpose.Code.CASE_LIST), () -> records.openCases(actor.authorities()));
  }

  /**
   * The cases of the user's authorities matching the search, for the reason the user gave: audited
   * like the list, one row per authority searched, with purpose SEARCH:&lt;reason&gt; (never the
   * criteria, which are personal data).
   */
  public Optional<List<CaseSummary>> search(Actor actor, CaseSearch search, String reason) {
    Purpose purpose = new Purpose(Purpose.Code.SEARCH, reason);
    return listed(actor, purpose, () -> records.search(actor.authorities(), search));
  }

  private Optional<List<CaseSummary>> listed(Actor actor, Purpose purpose,
      java.util.function.Supplier<List<CaseSummary>> cases) {
    AuditOutcome outcome = CaseAccess.LIST.allows(actor) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE;
    List<String> authoritiesListed = actor.authorities().isEmpty() ? List.of("NONE")
        : actor.authorities().stream().sorted().toList();
    authoritiesListed.forEach(authority -> audit.record(AuditRecord.ofCase(actor.userId(), authority, null, null,
        AuditAction.VIEW, outcome, purpose)));
    return outcome == AuditOutcome.GRANTED ? Optional.of(cases.get()) : Optional.empty();
  }

  /** The case, to a user allowed to see it; empty (and audited as refused) otherwise. */
  public Optional<CaseView> view(Actor actor, String reference, Purpose purpose) {
    return read(actor, reference, purpose, AuditAction.VIEW, CaseAccess.READ, null);
  }

  /**
   * The case as the intervention provider its plan allocates sees it ({@link ProviderView}), while it is open;
   * audited as a VIEW; anyone else, another provider, or a closed case: empty (refused and audited).
   */
  public Optional<ProviderView> viewForProvider(Actor actor, String reference, Purpose purpose) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> {
      AuditOutcome provider = decideProvider(actor, found);
      return provider != AuditOutcome.GRANTED || CaseStatus.OPEN.name().equals(found.status()) ? provider
          : AuditOutcome.REFUSED_NOT_OPEN;
    }).orElse(AuditOutcome.NOT_FOUND);
    Optional<ProviderView> view = outcome == AuditOutcome.GRANTED
        ? head.map(found -> records.loadForProvider(found, actor.userId())) : Optional.empty();
    Purpose recorded = view.isEmpty() ? purpose : withTask(actor, purpose, () -> records.openTasks(head.orElseThrow()));
    audit(auditRow(actor, reference, head, AuditAction.VIEW, outcome, recorded), outcome);
    return view;
  }

  /** A disclosure of the case to a named recipient (an export, a notification carrying case data). */
  public Optional<CaseView> export(Actor actor, String reference, Purpose purpose, String recipient) {
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("A disclosure names its recipient");
    }
    return read(actor, reference, purpose, AuditAction.EXPORT, CaseAccess.EXPORT, recipient.strip());
  }

  /**
   * A message about the case was delivered to this recipient: a disclosure by the application itself
   * (user {@value #NOTIFICATIONS_USER}), audited with its recipient. The message carried only
   * references and links (docs/notifications.md), so nothing is read from the case.
   */
  public void recordNotification(String authorityCode, String reference, String messageType, String recipient) {
    Long caseId = records.find(reference).map(CaseRecords.CaseHead::id).orElse(null);
    audit.record(AuditRecord.ofCase(NOTIFICATIONS_USER, authorityCode, caseId, reference, AuditAction.NOTIFY,
        AuditOutcome.GRANTED, new Purpose(Purpose.Code.NOTIFICATION, messageType)).withRecipient(recipient));
  }

  /** Appends an entry; returns its id. */
  public long addEntry(Actor actor, String reference, NewEntry entry, Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    return records.insertEntry(head, entry, null, actor.userId());
  }

  /**
   * Appends a review of a decision (kind REVIEW), such as a Prevent manager's assurance review of a
   * closure, which managers may record though they may not otherwise write a case. Returns its id.
   */
  public long addReview(Actor actor, String reference, NewEntry review, Purpose purpose) {
    if (review.kind() != EntryKind.REVIEW) {
      throw new IllegalArgumentException("A review is an entry of kind REVIEW");
    }
    CaseRecords.CaseHead head = writable(actor, reference, purpose, CaseAccess.REVIEW);
    return records.insertEntry(head, review, null, actor.userId());
  }

  /** Appends a correction of an earlier entry of the same case; the corrected entry stays. Returns its id. */
  public long correctEntry(Actor actor, String reference, long correctedEntryId, NewEntry correction, Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    if (!records.hasEntry(head, correctedEntryId)) {
      throw new IllegalArgumentException("The corrected entry is not an entry of this case");
    }
    return records.insertEntry(head, correction, correctedEntryId, actor.userId());
  }

  /**
   * Moves the case to another stage or status: only the case process's delegates and listeners call
   * this (PackageRulesTest), as the user working the task or as the system actor.
   */
  public void changeStage(Actor actor, String reference, Stage stage, CaseStatus status, Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    if (status == CaseStatus.CLOSED && CaseStatus.OPEN.name().equals(head.status())) {
      throw new IllegalArgumentException("An open case closes with its reason (CaseService.close)");
    }
    java.time.Instant since = records.stageSince(head);
    records.updateStage(head, stage.name(), status.name(), actor.userId());
    if (!stage.name().equals(head.stage())) {
      events.publishEvent(new CaseEvents.StageChanged(new CaseEvents.Move(records.statisticsOf(head),
          Stage.valueOf(head.stage()), since, stage, clock.instant())));
    }
  }

  // Information requests to partner agencies (process.md §2.3; docs/roles.md "Information requests")

  /**
   * The case owner asks partner agencies for information: an entry of the case holds what is asked
   * (each agency's page shows it). Returns the entry's id, which each agency's request names.
   */
  public long askForInformation(Actor actor, String reference, List<PartnerAgency> agencies, String asked,
      Purpose purpose) {
    if (agencies.isEmpty() || asked == null || asked.isBlank()) {
      throw new IllegalArgumentException("A request for information names at least one agency and what is asked");
    }
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    String names = agencies.stream().map(PartnerAgency::label).collect(java.util.stream.Collectors.joining(", "));
    return records.insertEntry(head, new NewEntry(EntryKind.NOTE, "Information requested from " + names, asked), null,
        actor.userId());
  }

  /** Opens the request to one agency (what is asked: the entry askedEntryId), due at {@code dueAt}. */
  public void openInformationRequest(Actor actor, String reference, PartnerAgency agency, long askedEntryId,
      java.time.Instant dueAt, Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    if (!records.hasEntry(head, askedEntryId)) {
      throw new IllegalArgumentException("What is asked is not an entry of this case");
    }
    requests.insert(head, agency, askedEntryId, dueAt, actor.userId());
  }

  /**
   * The agency's page: who the request is about and what is asked, to a member of that agency's own
   * group while its request is open; empty otherwise. Audited as VIEW, purpose INFORMATION_REQUEST:&lt;agency&gt;,
   * refused ones included (REFUSED_NOT_OPEN once the request is answered or withdrawn).
   */
  public Optional<InformationRequestView> viewInformationRequest(Actor actor, String reference, PartnerAgency agency) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    Optional<InformationRequestRecords.OpenRequest> open = head.flatMap(found -> requests.open(found, agency));
    AuditOutcome outcome = head.map(found -> decideRequest(actor, found, agency, open.isPresent()))
        .orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.VIEW, outcome, requestPurpose(agency)), outcome);
    return outcome == AuditOutcome.GRANTED ? Optional.of(requests.view(head.orElseThrow(), agency, open.orElseThrow()))
        : Optional.empty();
  }

  /**
   * The agency's answer, by a member of its own group while the request is open: an entry of the case
   * (INFORMATION_SHARED) that the request names, after which the request is closed (ANSWERED) and its
   * page refused. Audited as UPDATE, purpose INFORMATION_REQUEST:&lt;agency&gt;. Returns the entry's id.
   */
  public long answerInformationRequest(Actor actor, String reference, PartnerAgency agency, InformationAnswer answer) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    Optional<InformationRequestRecords.OpenRequest> open = head.flatMap(found -> requests.open(found, agency));
    AuditOutcome outcome = head.map(found -> decideRequest(actor, found, agency, open.isPresent()))
        .orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.UPDATE, outcome, requestPurpose(agency)), outcome);
    if (outcome != AuditOutcome.GRANTED) {
      throw new CaseNotFoundException();
    }
    String facts = answer.factors().isEmpty() ? ""
        : "Risk and vulnerability facts: " + answer.factors().stream().map(org.preventcase.vocabulary.FormOption::label)
            .collect(java.util.stream.Collectors.joining("; ")) + ".";
    String body = java.util.stream.Stream.of(facts, answer.shared() == null ? "" : answer.shared())
        .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining("\n\n"));
    long entryId = records.insertEntry(head.orElseThrow(), new NewEntry(EntryKind.INFORMATION_SHARED,
        agency.label() + ": " + answer.held().label(), body.isEmpty() ? null : body), null, actor.userId());
    requests.answer(open.orElseThrow(), head.orElseThrow(), answer, entryId, actor.userId());
    return entryId;
  }

  /** The case owner waits longer for the agency: its open request is now due at {@code dueAt}. */
  public void extendInformationRequest(Actor actor, String reference, PartnerAgency agency, java.time.Instant dueAt,
      Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    requests.extend(requests.open(head, agency)
        .orElseThrow(() -> new IllegalStateException("The agency's request is not open")), head, dueAt);
  }

  /**
   * The case goes on without the agency: its request, if still open, is withdrawn (and its page
   * refused). Returns whether it was open (an answer may have arrived first).
   */
  public boolean withdrawInformationRequest(Actor actor, String reference, PartnerAgency agency, Purpose purpose) {
    return withdrawIfOpen(writable(actor, reference, purpose), agency, actor);
  }

  /** The case's work in hand ended (custody): every request still open is withdrawn; returns their agencies. */
  public java.util.List<PartnerAgency> withdrawOpenInformationRequests(Actor actor, String reference, Purpose purpose) {
    return requests.withdrawAllOpen(writable(actor, reference, purpose), actor.userId());
  }

  private boolean withdrawIfOpen(CaseRecords.CaseHead head, PartnerAgency agency, Actor actor) {
    Optional<InformationRequestRecords.OpenRequest> open = requests.open(head, agency);
    open.ifPresent(request -> requests.withdraw(request, head, actor.userId()));
    return open.isPresent();
  }

  private static Purpose requestPurpose(PartnerAgency agency) {
    return new Purpose(Purpose.Code.INFORMATION_REQUEST, agency.name());
  }

  /** The agency's own group, for a case of an authority the user works for, while its request is open. */
  private static AuditOutcome decideRequest(Actor actor, CaseRecords.CaseHead head, PartnerAgency agency, boolean open) {
    if (!actor.worksFor(head.authorityCode())) {
      return AuditOutcome.REFUSED_AUTHORITY;
    }
    if (!CaseAccess.INFORMATION_REQUEST.allows(actor) || !actor.groups().contains(agency.groupId())) {
      return AuditOutcome.REFUSED_ROLE;
    }
    return open ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_NOT_OPEN;
  }

  /**
   * Closes the case: status CLOSED, stage CLOSED, when (the application's clock) and why. Only the case
   * process's end events call this (PackageRulesTest), as the user whose decision closed it (a Prevent
   * manager's assurance review among them) or as the system actor; audited as an UPDATE with the reason.
   */
  public void close(Actor actor, String reference, ClosureReason reason, Purpose purpose) {
    CaseRecords.CaseHead head = writable(actor, reference, purpose, CaseAccess.REVIEW);
    if (!CaseStatus.OPEN.name().equals(head.status())) {
      throw new IllegalStateException("The case is already closed");
    }
    java.time.Instant since = records.stageSince(head);
    java.time.Instant closedAt = records.close(head, reason.name(), actor.userId());
    events.publishEvent(new CaseEvents.Closed(new LegalHold(head.authorityCode(), head.reference(), holds.inForce(head),
        Optional.of(closedAt)), reason, new CaseEvents.Move(records.statisticsOf(head), Stage.valueOf(head.stage()),
            since, Stage.CLOSED, closedAt)));
  }

  // Transfers between authorities (docs/transfers.md)

  /**
   * The case owner asks for the case to move to another authority: an entry of the sending case says
   * to whom and why (the case process then offers the transfer). Only an open case moves. Returns the
   * case's authority (the tenant its process runs in).
   */
  public String requestTransfer(Actor actor, String reference, CaseTransfer transfer) {
    CaseRecords.CaseHead head = writable(actor, reference, new Purpose(Purpose.Code.TRANSFER,
        "requested to " + transfer.receivingAuthorityCode()), CaseAccess.TRANSFER);
    if (!CaseStatus.OPEN.name().equals(head.status())) {
      throw new IllegalStateException("Only an open case can be transferred");
    }
    if (head.authorityCode().equals(transfer.receivingAuthorityCode())) {
      throw new IllegalArgumentException("receivingAuthorityCode: the case is already this authority's");
    }
    records.insertEntry(head, new NewEntry(EntryKind.NOTE, "Transfer to " + transfer.receivingAuthorityName()
        + " requested", transfer.reason()), null, actor.userId());
    return head.authorityCode();
  }

  /**
   * The case owner reports that the person is in custody (docs/custody.md): a note in the case record,
   * in the transaction that tells the case's process; returns the case's authority. Only an open case.
   */
  public String reportInCustody(Actor actor, String reference) {
    CaseRecords.CaseHead head = writable(actor, reference, new Purpose(Purpose.Code.CASE_API, "reported in custody"),
        CaseAccess.CUSTODY);
    if (!CaseStatus.OPEN.name().equals(head.status())) {
      throw new IllegalStateException("Only an open case can be handed to prison and probation services");
    }
    records.insertEntry(head, new NewEntry(EntryKind.NOTE, "Reported in custody",
        "The case owner reported that the person is in custody; the case is handed to prison and probation services."),
        null, actor.userId());
    return head.authorityCode();
  }

  /**
   * The receiving authority's own case (a new reference of its own) for a case transferred to it: the
   * person, the sending case's plan entries and its remaining due dates copied, as a disclosure of the
   * sending case to the receiving authority (audited there as EXPORT, purpose TRANSFER, the recipient
   * named) and a new case of the receiving authority (audited there as CREATE, purpose TRANSFER naming
   * the sending authority). Returns the new reference.
   */
  public String openTransferredCase(Actor actor, String sendingReference, CaseTransfer transfer) {
    String receiving = transfer.receivingAuthorityCode();
    CaseView sent = read(actor, sendingReference, new Purpose(Purpose.Code.TRANSFER, "to " + receiving),
        AuditAction.EXPORT, CaseAccess.TRANSFER, receiving).orElseThrow(CaseNotFoundException::new);
    CaseView.Address address = sent.person().addresses().stream().findFirst().orElse(null);
    long personId = records.insertPerson(receiving, new NewCase.Person(sent.person().givenNames(),
        sent.person().familyName(), sent.person().dateOfBirth(), sent.person().gender(), sent.person().aliases(),
        address == null ? null : address.address(), address == null ? null : address.postcode()), actor.userId());
    int year = Year.now(clock.withZone(LONDON)).getValue();
    String reference = CaseReference.format(receiving, year, records.nextReferenceNumber(receiving, year));
    long caseId = records.insertCase(receiving, reference, personId, FIRST_STAGE.name(), actor.userId());
    CaseRecords.CaseHead opened = records.find(reference).orElseThrow();
    String due = transfer.remainingDueDates().isEmpty() ? "No due dates remained."
        : "Due dates that remained: " + String.join("; ", transfer.remainingDueDates()) + ".";
    records.insertEntry(opened, new NewEntry(EntryKind.NOTE, "Transferred from " + sent.authorityName() + " (case "
        + sendingReference + ")", transfer.reason() + "\n\n" + due), null, actor.userId());
    sent.entries().stream().filter(entry -> entry.kind() == EntryKind.PLAN && !entry.corrected())
        .forEach(plan -> records.insertEntry(opened, new NewEntry(EntryKind.PLAN, plan.summary(), plan.body()), null,
            actor.userId()));
    audit.record(AuditRecord.ofCase(actor.userId(), receiving, caseId, reference, AuditAction.CREATE,
        AuditOutcome.GRANTED, new Purpose(Purpose.Code.TRANSFER, "from " + sent.authorityCode() + " " + sendingReference)));
    return reference;
  }

  /**
   * The keys of the anonymised statistics rows of the case's referrals, for the stages that record what
   * the board counts (statistics.ReferralStatistics): random keys, no case data, so not audited.
   */
  public List<UUID> statisticsOf(String reference) {
    return records.find(reference).map(records::statisticsOf).orElse(List.of());
  }

  /** The person's age in whole years when referred: from the date of birth, else the approximate age given. */
  private static Integer ageAtReferral(NewCase.Person person, NewCase.Referral referral) {
    if (person.dateOfBirth() != null) {
      return java.time.Period.between(person.dateOfBirth(),
          referral.receivedAt().atZoneSameInstant(LONDON).toLocalDate()).getYears();
    }
    Object approximate = referral.details().get("personApproximateAge");
    if (approximate instanceof Number number) {
      return number.intValue();
    }
    return approximate instanceof String text && text.strip().matches("[0-9]{1,3}") ? Integer.valueOf(text.strip())
        : null;
  }

  /**
   * Places a legal hold on the case, which stops its deletion until lifted (docs/retention.md): a Prevent
   * manager of its authority, with a reason (kept with the hold; the audit row says only that a hold was
   * placed). Audited as UPDATE, purpose LEGAL_HOLD:placed, refused ones included.
   *
   * @throws IllegalArgumentException when the reason is missing or too long
   * @throws IllegalStateException when a hold is already in force
   */
  public LegalHold placeLegalHold(Actor actor, String reference, String reason) {
    String why = holdReason(reason);
    CaseRecords.CaseHead head = writable(actor, reference, new Purpose(Purpose.Code.LEGAL_HOLD, "placed"),
        CaseAccess.LEGAL_HOLD);
    if (holds.lockAndReadHold(head).orElseThrow(CaseNotFoundException::new)) {
      throw new IllegalStateException("The case is already under a legal hold");
    }
    holds.place(head, why, actor.userId());
    LegalHold state = holdOf(head, true);
    events.publishEvent(new CaseEvents.HoldChanged(state));
    return state;
  }

  /**
   * Lifts the case's legal hold: a Prevent manager of its authority, with a reason; the case may then
   * be deleted once its retention period has passed. Audited as UPDATE, purpose LEGAL_HOLD:lifted.
   *
   * @throws IllegalArgumentException when the reason is missing or too long
   * @throws IllegalStateException when no hold is in force
   */
  public LegalHold liftLegalHold(Actor actor, String reference, String reason) {
    String why = holdReason(reason);
    CaseRecords.CaseHead head = writable(actor, reference, new Purpose(Purpose.Code.LEGAL_HOLD, "lifted"),
        CaseAccess.LEGAL_HOLD);
    if (!holds.lockAndReadHold(head).orElseThrow(CaseNotFoundException::new)) {
      throw new IllegalStateException("The case is under no legal hold");
    }
    holds.lift(head, why, actor.userId());
    LegalHold state = holdOf(head, false);
    events.publishEvent(new CaseEvents.HoldChanged(state));
    return state;
  }

  private static LegalHold holdOf(CaseRecords.CaseHead head, boolean inForce) {
    return new LegalHold(head.authorityCode(), head.reference(), inForce,
        Optional.ofNullable(head.closedAt()).map(java.time.OffsetDateTime::toInstant));
  }

  private static String holdReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: give the reason for the legal hold");
    }
    if (reason.strip().length() > LegalHold.REASON_MAX) {
      throw new IllegalArgumentException("reason: at most " + LegalHold.REASON_MAX + " characters");
    }
    return reason.strip();
  }

  /**
   * How many referrals about the case's person came before this case's first one (the cases it
   * repeats, followed back through their earlier cases, and any other referral that joined this case)
   * and how the earlier cases closed: counts only, for the screener and the assurance rule (issue 9).
   * Audited as a VIEW for the purpose given.
   */
  public EarlierReferrals earlierReferrals(Actor actor, String reference, Purpose purpose) {
    return records.earlierReferrals(readable(actor, reference, purpose));
  }

  /**
   * The referrals of the case with the address each referrer gave (none for a member of the public
   * who gave none), to tell every referrer the same neutral thing when the case closes, to whoever may
   * close it: a disclosure of each referral's reference to its referrer, audited as NOTIFY with
   * recipient "referrer".
   */
  public List<ReferrerContact> referrersOf(Actor actor, String reference, Purpose purpose) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> decide(actor, found, CaseAccess.REVIEW)).orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.NOTIFY, outcome, purpose).withRecipient("referrer"), outcome);
    if (outcome != AuditOutcome.GRANTED) {
      throw new CaseNotFoundException();
    }
    return records.referrers(head.orElseThrow());
  }

  private Optional<CaseView> read(Actor actor, String reference, Purpose purpose, AuditAction action,
      CaseAccess access, String recipient) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> access == CaseAccess.READ ? decideRead(actor, found, purpose)
        : decide(actor, found, access)).orElse(AuditOutcome.NOT_FOUND);
    Optional<CaseView> view = outcome == AuditOutcome.GRANTED ? head.map(records::load) : Optional.empty();
    Purpose recorded = view.map(found -> withTask(actor, purpose, found::openTasks)).orElse(purpose);
    audit(auditRow(actor, reference, head, action, outcome, recorded).withRecipient(recipient), outcome);
    return view;
  }

  /** The case, for a look at part of it (the whole-case roles, READ): audited as a VIEW, refused as not found. */
  private CaseRecords.CaseHead readable(Actor actor, String reference, Purpose purpose) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> decide(actor, found, CaseAccess.READ)).orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.VIEW, outcome, purpose), outcome);
    if (outcome != AuditOutcome.GRANTED) {
      throw new CaseNotFoundException();
    }
    return head.orElseThrow();
  }

  private CaseRecords.CaseHead writable(Actor actor, String reference, Purpose purpose) {
    return writable(actor, reference, purpose, CaseAccess.WRITE);
  }

  private CaseRecords.CaseHead writable(Actor actor, String reference, Purpose purpose, CaseAccess access) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> decide(actor, found, access)).orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.UPDATE, outcome, purpose), outcome);
    if (outcome != AuditOutcome.GRANTED) {
      throw new CaseNotFoundException();
    }
    return head.orElseThrow();
  }

  /**
   * A granted access is audited in the transaction of the work it allows; a refused one in its own
   * transaction, so the row survives when the refused command rolls back (an engine command, a job).
   */
  private void audit(AuditRecord row, AuditOutcome outcome) {
    if (outcome == AuditOutcome.GRANTED) {
      audit.record(row);
    } else {
      ownTransaction.executeWithoutResult(status -> audit.record(row));
    }
  }

  /**
   * Reading a case: the case roles (READ), or a panel member invited to a meeting that lists it,
   * between the agenda's issue and the final minutes, reading for that meeting (purpose
   * PANEL_MEETING:&lt;meeting id&gt;; process.md §5, the per-case access list).
   */
  private AuditOutcome decideRead(Actor actor, CaseRecords.CaseHead head, Purpose purpose) {
    AuditOutcome outcome = decide(actor, head, CaseAccess.READ);
    if (outcome != AuditOutcome.REFUSED_ROLE || !CaseAccess.PANEL_MEETING.allows(actor)) {
      return outcome;
    }
    return meetingOf(purpose).filter(meeting -> panel.invited(actor.userId(), head.id(), meeting))
        .map(meeting -> AuditOutcome.GRANTED).orElse(AuditOutcome.REFUSED_ROLE);
  }

  private static Optional<Long> meetingOf(Purpose purpose) {
    if (purpose.code() != Purpose.Code.PANEL_MEETING || purpose.detail() == null
        || !purpose.detail().matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(purpose.detail()));
  }

  // The Channel panel (issue 10, docs/panel.md): listings, outcomes, assessments, the meeting's cases

  /** Lists the case at a panel meeting, to be decided (its earlier undecided listing moves) or reviewed. */
  public void listAtPanelMeeting(Actor actor, String reference, long meetingId, ListingPurpose listing,
      Purpose purpose) {
    panel.list(writable(actor, reference, purpose), meetingId, listing, actor.userId());
  }

  /** Records what happened to the case at the meeting (codes only); refused if it is not listed there. */
  public void recordPanelOutcome(Actor actor, String reference, long meetingId, PanelOutcome outcome, Purpose purpose) {
    if (!panel.recordOutcome(writable(actor, reference, purpose), meetingId, outcome, actor.userId())) {
      throw new IllegalStateException("The case is not listed at this meeting");
    }
  }

  /**
   * The multi-agency assessment at a meeting: its ASSESSMENT entry, each agency's contribution as an
   * entry of its own, and its judgements as codes. Returns the assessment entry's id.
   */
  public long recordPanelAssessment(Actor actor, String reference, long meetingId, PanelAssessment assessment,
      NewEntry summary, List<NewEntry> contributions, Purpose purpose) {
    if (summary.kind() != EntryKind.ASSESSMENT || contributions.stream().anyMatch(c -> c.kind() != EntryKind.ASSESSMENT)) {
      throw new IllegalArgumentException("An assessment and its contributions are entries of kind ASSESSMENT");
    }
    CaseRecords.CaseHead head = writable(actor, reference, purpose);
    long entryId = records.insertEntry(head, summary, null, actor.userId());
    contributions.forEach(contribution -> records.insertEntry(head, contribution, null, actor.userId()));
    panel.insertAssessment(head, meetingId, assessment, contributions.size(), entryId, actor.userId());
    return entryId;
  }

  /**
   * Allocates the interventions of the case's support plan to an intervention provider (issue 11): from
   * then on that provider, and no other, records contacts on the case ({@link #recordContact}) and reads its
   * support plan; a revised plan's allocation to another provider ends the earlier one's, in the same
   * transaction. Audited as an UPDATE of the case.
   */
  public void allocateToProvider(Actor actor, String reference, String providerUserId, Purpose purpose) {
    records.allocate(writable(actor, reference, purpose), providerUserId, actor.userId());
  }

  /**
   * Appends a contact on an intervention (or the withdrawal of consent it reports): the provider the
   * case's interventions are allocated to, or whoever writes the case; anyone else is refused and audited.
   */
  public long recordContact(Actor actor, String reference, NewEntry contact, Purpose purpose) {
    return records.insertEntry(writableByWriterOrProvider(actor, reference, purpose), contact, null, actor.userId());
  }

  /**
   * A risk escalated on an open case (process.md §2.8, docs/support.md): what changed, as a NOTE "Risk
   * escalated", by whoever writes the case or the provider its interventions are allocated to; audited as
   * an UPDATE. Returns the case's authority. A closed case is refused (IllegalStateException), storing nothing.
   */
  public String escalateRisk(Actor actor, String reference, String whatChanged, Purpose purpose) {
    CaseRecords.CaseHead head = writableByWriterOrProvider(actor, reference, purpose);
    if (!CaseStatus.OPEN.name().equals(head.status())) {
      throw new IllegalStateException("The case is closed: tell the police Prevent team directly");
    }
    records.insertEntry(head, new NewEntry(EntryKind.NOTE, "Risk escalated", whatChanged), null, actor.userId());
    return head.authorityCode();
  }

  /** Whether the actor writes the cases of the authority (the case page offers them its forms, such as a risk escalation). */
  public boolean writesCasesOf(Actor actor, String authority) {
    return actor.worksFor(authority) && CaseAccess.WRITE.allows(actor);
  }

  /** An intervention provider of the case's authority to whom its plan allocates its interventions. */
  private AuditOutcome decideProvider(Actor actor, CaseRecords.CaseHead head) {
    AuditOutcome provider = decide(actor, head, CaseAccess.INTERVENTION);
    if (provider != AuditOutcome.GRANTED) {
      return provider;
    }
    return records.allocated(head, actor.userId()) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE;
  }

  /** The case, for the provider its interventions are allocated to or whoever writes it; anyone else refused and audited. */
  private CaseRecords.CaseHead writableByWriterOrProvider(Actor actor, String reference, Purpose purpose) {
    Optional<CaseRecords.CaseHead> head = records.find(reference);
    AuditOutcome outcome = head.map(found -> {
      AuditOutcome writer = decide(actor, found, CaseAccess.WRITE);
      return writer != AuditOutcome.REFUSED_ROLE || !CaseAccess.INTERVENTION.allows(actor) ? writer
          : decideProvider(actor, found);
    }).orElse(AuditOutcome.NOT_FOUND);
    audit(auditRow(actor, reference, head, AuditAction.UPDATE, outcome, purpose), outcome);
    if (outcome != AuditOutcome.GRANTED) {
      throw new CaseNotFoundException();
    }
    return head.orElseThrow();
  }

  /**
   * The person's age in whole years on {@code day} (the day consent to support is sought, process.md
   * §2.5): from the date of birth in the case record, or, with none, the approximate age the case's latest
   * referral giving one reported, grown by the whole years since it was received (approximate); empty when
   * neither is known. Audited as a VIEW.
   */
  public Optional<PersonAge> ageOn(Actor actor, String reference, java.time.LocalDate day, Purpose purpose) {
    CaseRecords.CaseHead head = readable(actor, reference, purpose);
    return records.dateOfBirth(head).map(born -> new PersonAge(java.time.Period.between(born, day).getYears(), false))
        .or(() -> records.approximateAge(head).map(given -> new PersonAge(
            given.years() + java.time.Period.between(given.reportedOn(), day).getYears(), true)));
  }

  /** The case's latest multi-agency assessment (the recommendation table's inputs), audited as a VIEW. */
  public Optional<PanelAssessment> latestPanelAssessment(Actor actor, String reference, Purpose purpose) {
    return panel.latestAssessment(readable(actor, reference, purpose));
  }

  /**
   * The open cases of these authorities the panel adopted and that have not exited, to list for
   * review: references only, to whoever may list cases; one audit row per authority (VIEW).
   */
  public List<String> casesForPanelReview(Actor actor, java.util.Collection<String> authorities, Purpose purpose) {
    boolean allowed = CaseAccess.LIST.allows(actor) && authorities.stream().allMatch(actor::worksFor);
    AuditOutcome outcome = allowed ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE;
    authorities.stream().sorted().forEach(authority -> audit(AuditRecord.ofCase(actor.userId(), authority, null, null,
        AuditAction.VIEW, outcome, purpose), outcome));
    if (!allowed) {
      throw new CaseNotFoundException();
    }
    return panel.adoptedNotExited(authorities, records).stream().map(CaseRecords.CaseHead::reference).toList();
  }

  /**
   * Figures about one authority's cases as a whole (the board report, the managers' dashboard and the lists
   * behind its figures; issue 15): to the Prevent managers of that authority, empty for anyone else. One
   * audit row (VIEW, REPORT:&lt;report&gt;) in the authority asked for, or, when the user does not work for
   * it, in theirs; refused ones included.
   */
  public <T> Optional<T> report(Actor actor, String authority, String report, java.util.function.Supplier<T> figures) {
    boolean ours = actor.worksFor(authority);
    AuditOutcome outcome = !ours ? AuditOutcome.REFUSED_AUTHORITY
        : CaseAccess.REPORT.allows(actor) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE;
    String audited = ours ? authority : actor.authorities().stream().sorted().findFirst().orElse("NONE");
    audit(AuditRecord.ofCase(actor.userId(), audited, null, null, AuditAction.VIEW, outcome,
        new Purpose(Purpose.Code.REPORT, report)), outcome);
    return outcome == AuditOutcome.GRANTED ? Optional.of(figures.get()) : Optional.empty();
  }

  /**
   * A meeting's agenda as the meeting page shows it: each listed case the user may read (a case role
   * of its authority, or a member invited to this meeting while its agenda is open), audited per case
   * as a VIEW for the meeting (PANEL_MEETING:&lt;id&gt;); cases the user may not read are left out.
   */
  public List<MeetingCase> meetingCases(Actor actor, long meetingId) {
    Purpose purpose = new Purpose(Purpose.Code.PANEL_MEETING, Long.toString(meetingId));
    List<MeetingCase> readable = new java.util.ArrayList<>();
    for (MeetingCase listed : panel.listed(meetingId)) {
      Optional<CaseRecords.CaseHead> head = records.find(listed.reference());
      AuditOutcome outcome = head.map(found -> decideRead(actor, found, purpose)).orElse(AuditOutcome.NOT_FOUND);
      audit(auditRow(actor, listed.reference(), head, AuditAction.VIEW, outcome, purpose), outcome);
      if (outcome == AuditOutcome.GRANTED) {
        readable.add(listed);
      }
    }
    return readable;
  }

  private static AuditOutcome decide(Actor actor, CaseRecords.CaseHead head, CaseAccess access) {
    if (!actor.worksFor(head.authorityCode())) {
      return AuditOutcome.REFUSED_AUTHORITY;
    }
    return access.allows(actor) ? AuditOutcome.GRANTED : AuditOutcome.REFUSED_ROLE;
  }

  /**
   * The audit row: the case's authority when the case exists (so its managers see every attempt on
   * it), else the authority the user works for.
   */
  private static AuditRecord auditRow(Actor actor, String reference, Optional<CaseRecords.CaseHead> head,
      AuditAction action, AuditOutcome outcome, Purpose purpose) {
    String authority = head.map(CaseRecords.CaseHead::authorityCode)
        .orElseGet(() -> actor.authorities().stream().sorted().findFirst().orElse("NONE"));
    String asked = reference == null ? null
        : reference.length() > REFERENCE_MAX ? reference.substring(0, REFERENCE_MAX) : reference;
    return AuditRecord.ofCase(actor.userId(), authority, head.map(CaseRecords.CaseHead::id).orElse(null), asked,
        action, outcome, purpose);
  }

  /** A Tasklist link says TASK without an id: record the user's own open tasks on the case. */
  private static Purpose withTask(Actor actor, Purpose purpose,
      java.util.function.Supplier<List<CaseView.OpenTask>> openTasks) {
    if (purpose.code() != Purpose.Code.TASK || purpose.detail() != null) {
      return purpose;
    }
    List<String> mine = openTasks.get().stream().filter(task -> actor.userId().equals(task.assignee()))
        .map(CaseView.OpenTask::id).toList();
    return new Purpose(Purpose.Code.TASK, mine.isEmpty() ? "no task claimed" : String.join(",", mine));
  }
}

package org.preventcase.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.preventcase.vocabulary.Agency;
import org.preventcase.vocabulary.AssuranceDecision;
import org.preventcase.vocabulary.DeconflictionResult;
import org.preventcase.vocabulary.GatewayOutcome;
import org.preventcase.vocabulary.IdeologyIdentified;
import org.preventcase.vocabulary.LocalReviewDecision;
import org.preventcase.vocabulary.NoFurtherActionReason;
import org.preventcase.vocabulary.PreliminaryDecision;
import org.preventcase.vocabulary.SignpostDestination;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.vocabulary.Gender;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.InformationHeld;
import org.preventcase.vocabulary.OverdueDecision;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.vocabulary.MatchDecision;
import org.preventcase.intake.ReferralField;
import org.preventcase.vocabulary.RelationshipToPerson;
import org.preventcase.vocabulary.ReferrerSector;
import org.preventcase.vocabulary.Urgency;

/** Enumerations are defined once, in Java; every form offering one offers exactly its values and labels. */
class FormOptionsMatchEnumerationsTest {

  /** Form field key to the enumeration it offers: every choice of the referral form, from ReferralField. */
  static final Map<String, FormOption[]> ENUMERATIONS = Stream.concat(
      Stream.of(ReferralField.values()).filter(field -> !field.options().isEmpty())
          .map(field -> Map.entry(field.key(), field.options().toArray(FormOption[]::new))),
      Stream.of(Map.entry("matchDecision", (FormOption[]) MatchDecision.values()),
          // information gathering (forms information-agencies, information-request, information-overdue)
          Map.entry("agenciesToAsk", (FormOption[]) PartnerAgency.values()),
          Map.entry("agencyHolds", (FormOption[]) InformationHeld.values()),
          Map.entry("informationFactors", (FormOption[]) InformationFactor.values()),
          Map.entry("overdueDecision", (FormOption[]) OverdueDecision.values()),
          Map.entry("deconfliction", DeconflictionResult.values()),
          Map.entry("gatewayOutcome", GatewayOutcome.values()),
          Map.entry("nfaReason", NoFurtherActionReason.values()),
          Map.entry("signpostedTo", SignpostDestination.values()),
          Map.entry("ideologyIdentified", IdeologyIdentified.values()),
          Map.entry("preliminaryDecision", PreliminaryDecision.values()),
          Map.entry("localReviewDecision", LocalReviewDecision.values()),
          Map.entry("assuranceDecision", AssuranceDecision.values()),
          // the Channel panel (forms panel-assessment, panel-decision, panel-review)
          Map.entry("assessmentFramework", (FormOption[]) org.preventcase.vocabulary.AssessmentFramework.values()),
          Map.entry("susceptibility", (FormOption[]) org.preventcase.vocabulary.Susceptibility.values()),
          Map.entry("ctRiskOwner", (FormOption[]) org.preventcase.vocabulary.CtRiskOwner.values()),
          Map.entry("panelDecision", (FormOption[]) org.preventcase.vocabulary.PanelDecision.values()),
          Map.entry("decisionMethod", (FormOption[]) org.preventcase.vocabulary.DecisionMethod.values()),
          Map.entry("alternativeSupport", (FormOption[]) org.preventcase.vocabulary.AlternativeSupport.values()),
          Map.entry("reviewDecision", (FormOption[]) org.preventcase.vocabulary.ReviewDecision.values()),
          // MAPPA (forms mappa-hand-off, referral-screening; docs/mappa.md): categories and levels by number
          Map.entry("mappaCategory", org.preventcase.vocabulary.NumberedOption.offered(
              org.preventcase.vocabulary.MappaCategory.values()).toArray(FormOption[]::new)),
          Map.entry("mappaLevel", org.preventcase.vocabulary.NumberedOption.offered(
              org.preventcase.vocabulary.MappaLevel.values()).toArray(FormOption[]::new)),
          Map.entry("mappaAgreesToChannel", (FormOption[]) org.preventcase.vocabulary.MappaAgreement.values()),
          Map.entry("goesToMappa", (FormOption[]) org.preventcase.vocabulary.GoesToMappa.values()),
          // custody (forms custody-hand-off, custody-release; docs/custody.md)
          Map.entry("custodyBasis", (FormOption[]) org.preventcase.vocabulary.CustodyBasis.values()),
          Map.entry("probationInvolvement", (FormOption[]) org.preventcase.vocabulary.ProbationInvolvement.values()),
          Map.entry("desistanceAndDisengagement",
              (FormOption[]) org.preventcase.vocabulary.DesistanceAndDisengagement.values()),
          Map.entry("custodyDecision", (FormOption[]) org.preventcase.vocabulary.CustodyDecision.values()),
          Map.entry("releaseDecision", (FormOption[]) org.preventcase.vocabulary.ReleaseDecision.values()),
          // consent, support and after-care (forms support-plan, consent, consent-consultation, intervention-contact,
          // post-exit-review; docs/support.md)
          Map.entry("interventionTypes", (FormOption[]) org.preventcase.vocabulary.InterventionType.values()),
          Map.entry("consentOutcome", (FormOption[]) org.preventcase.vocabulary.ConsentAnswer.values()),
          Map.entry("consentGivenBy", (FormOption[]) org.preventcase.vocabulary.ConsentGiver.values()),
          Map.entry("capacityFinding", (FormOption[]) org.preventcase.vocabulary.CapacityFinding.values()),
          Map.entry("youngPersonAgrees", (FormOption[]) Answer.values()),
          Map.entry("consultationOutcome", (FormOption[]) org.preventcase.vocabulary.ConsultationOutcome.values()),
          Map.entry("contactOutcome", (FormOption[]) org.preventcase.vocabulary.ContactOutcome.values()),
          Map.entry("postExitReviewOutcome", (FormOption[]) org.preventcase.vocabulary.PostExitReviewOutcome.values())))
      .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  @Test
  void theEnumerationsAreTheOnesTheReferralFieldsName() {
    assertThat(ENUMERATIONS).containsKeys("referrerSector", "concernType", "urgency", "personGender",
        "agenciesInvolved", "referrerRelationship", "personAwareOfReferral");
    assertThat(ENUMERATIONS.get("referrerSector")).containsExactly(ReferrerSector.values());
    assertThat(ENUMERATIONS.get("concernType")).containsExactly(ConcernType.values());
    assertThat(ENUMERATIONS.get("urgency")).containsExactly(Urgency.values());
    assertThat(ENUMERATIONS.get("personGender")).containsExactly(Gender.values());
    assertThat(ENUMERATIONS.get("agenciesInvolved")).containsExactly(Agency.values());
    assertThat(ENUMERATIONS.get("referrerRelationship")).containsExactly(RelationshipToPerson.values());
    assertThat(ENUMERATIONS.get("personAwareOfReferral")).containsExactly(Answer.values());
  }

  @Test
  void everyChoiceOfAnEnumerationOffersExactlyItsValues() {
    int checked = 0;
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      for (JsonNode field : fields(ProjectFiles.form(form).path("components")).toList()) {
        String key = field.path("key").asText();
        if (!field.has("values") || !ENUMERATIONS.containsKey(key)) {
          continue;
        }
        Map<String, String> offered = new LinkedHashMap<>();
        field.path("values").forEach(value -> offered.put(value.path("value").asText(), value.path("label").asText()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (FormOption option : ENUMERATIONS.get(key)) {
          expected.put(option.name(), option.label());
        }
        assertThat(offered).as(form + " field " + key).containsExactlyEntriesOf(expected);
        checked++;
      }
    }
    assertThat(checked).as("choices checked").isGreaterThanOrEqualTo(ENUMERATIONS.size());
  }

  @Test
  void noChoiceInAFormIsLeftOutsideTheEnumerations() {
    List<String> unmanaged = new ArrayList<>();
    for (Path form : ProjectFiles.under(ProjectFiles.FORMS, ".form")) {
      fields(ProjectFiles.form(form).path("components"))
          .filter(field -> field.has("values") && !ENUMERATIONS.containsKey(field.path("key").asText()))
          .forEach(field -> unmanaged.add(form + " field " + field.path("key").asText()));
    }
    assertThat(unmanaged).isEmpty();
  }

  static Stream<JsonNode> fields(JsonNode components) {
    List<JsonNode> all = new ArrayList<>();
    components.forEach(component -> {
      all.add(component);
      all.addAll(fields(component.path("components")).toList());
    });
    return all.stream();
  }
}

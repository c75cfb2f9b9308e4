package org.preventcase.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.preventcase.vocabulary.Agency;
import org.preventcase.vocabulary.Answer;
import org.preventcase.vocabulary.ConcernType;
import org.preventcase.vocabulary.FormOption;
import org.preventcase.vocabulary.Gender;
import org.preventcase.vocabulary.InformationFactor;
import org.preventcase.vocabulary.InformationHeld;
import org.preventcase.vocabulary.OverdueDecision;
import org.preventcase.vocabulary.PartnerAgency;
import org.preventcase.vocabulary.MatchDecision;
import org.preventcase.vocabulary.ReferrerSector;
import org.preventcase.vocabulary.RelationshipToPerson;
import org.preventcase.vocabulary.Urgency;
import org.springframework.stereotype.Component;

/**
 * Words, not codes, for the stored values of the shared vocabularies: templates call
 * {@code @labels.of('ConcernType', code)}. A code with no label yet (a stage, an audit outcome) reads
 * as its words in sentence case: {@code REFUSED_AUTHORITY} shows as "Refused authority".
 */
@Component("labels")
public class Labels {

  private static final Map<String, Map<String, String>> VOCABULARIES = vocabularies(ConcernType.values(),
      Urgency.values(), ReferrerSector.values(), Gender.values(), Answer.values(), Agency.values(),
      RelationshipToPerson.values(), MatchDecision.values(), PartnerAgency.values(), InformationHeld.values(),
      InformationFactor.values(), OverdueDecision.values(), org.preventcase.vocabulary.PanelDecision.values(),
      org.preventcase.vocabulary.DecisionMethod.values(), org.preventcase.vocabulary.ReviewDecision.values(),
      org.preventcase.vocabulary.AssessmentFramework.values(), org.preventcase.vocabulary.Susceptibility.values(),
      org.preventcase.vocabulary.CtRiskOwner.values());

  private static final java.util.Set<String> ACRONYMS = java.util.Set.of("API", "MAPPA", "MASH", "NFA", "NHS");

  public String of(String vocabulary, Object code) {
    if (code == null) {
      return "";
    }
    String value = String.valueOf(code);
    return VOCABULARIES.getOrDefault(vocabulary, Map.of()).getOrDefault(value, words(value));
  }

  /** A code in sentence case, acronyms kept: IMMEDIATE_RISK reads "Immediate risk", CASE_API "Case API". */
  public static String words(String code) {
    String words = Arrays.stream(code.strip().split("_+"))
        .map(word -> ACRONYMS.contains(word) ? word : word.toLowerCase(Locale.UK))
        .collect(Collectors.joining(" "));
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  @SafeVarargs
  private static Map<String, Map<String, String>> vocabularies(FormOption[]... vocabularies) {
    return Arrays.stream(vocabularies).collect(Collectors.toUnmodifiableMap(
        options -> ((Enum<?>) options[0]).getDeclaringClass().getSimpleName(),
        options -> Arrays.stream(options).collect(Collectors.toUnmodifiableMap(FormOption::name, FormOption::label))));
  }

  /** The label of every value of a list of codes, joined for reading. */
  public String ofAll(String vocabulary, List<?> codes) {
    return codes == null ? "" : codes.stream().map(code -> of(vocabulary, code)).collect(Collectors.joining(", "));
  }
}

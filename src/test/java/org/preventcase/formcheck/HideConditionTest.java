package org.preventcase.formcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** form-js 1.8's conditions as the server reads them: hidden only when the FEEL expression is true. */
class HideConditionTest {

  static Map<String, Object> data(Object... pairs) {
    Map<String, Object> data = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      data.put((String) pairs[i], pairs[i + 1]);
    }
    return data;
  }

  @Test
  void theReferralFormsConditionHidesThe999CallUnlessThereIsAnImmediateRisk() {
    HideCondition called999 = HideCondition.parse("=urgency != \"IMMEDIATE_RISK\"");
    assertThat(called999.hides(data("urgency", "ROUTINE"))).isTrue();
    assertThat(called999.hides(data())).as("no answer yet: null != text is true in FEEL").isTrue();
    assertThat(called999.hides(data("urgency", "IMMEDIATE_RISK"))).isFalse();
  }

  @Test
  void comparisonsJunctionsNegationAndPathsFollowFeel() {
    assertThat(HideCondition.parse("=age < 18 and consent = true").hides(data("age", 16, "consent", true))).isTrue();
    assertThat(HideCondition.parse("=age >= 18 or consent").hides(data("age", 16L, "consent", false))).isFalse();
    assertThat(HideCondition.parse("=not(person.known = \"YES\")").hides(data("person", Map.of("known", "YES")))).isFalse();
    assertThat(HideCondition.parse("=(a = null)").hides(data())).isTrue();
    assertThat(HideCondition.parse("=score > 2.5").hides(data("score", 3))).isTrue();
    assertThat(HideCondition.parse("=age < 18").hides(data("age", "sixteen"))).as("no order between types: null").isFalse();
    assertThat(HideCondition.parse("=age < 18 or x").hides(data())).as("null or null is null: shown").isFalse();
  }

  @Test
  void aConditionTheServerCannotReadIsRefusedNotIgnored() {
    for (String unreadable : new String[] {"urgency = \"X\"", "=contains(name, \"a\")", "=x in [1, 2]",
        "=if a then b else c", "=a +", "=x = \"open", "=some x in y satisfies x > 1", "=a * 2 > 3"}) {
      assertThatThrownBy(() -> HideCondition.parse(unreadable)).as(unreadable)
          .isInstanceOf(UncheckableFormException.class);
    }
  }
}

package org.preventcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The canonical form and the links of an audit chain. */
class AuditChainTest {

  static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 21, 5, 7, 123_456_000, ZoneOffset.UTC);

  static AuditChain.Row row(OffsetDateTime at, String detail) {
    return new AuditChain.Row(41, at, "demo-police", "E06000031", 7L, "E06000031-2026-00007", null, "VIEW", "GRANTED",
        "TASK", detail, null);
  }

  @Test
  void theTimeIsWrittenAsEpochMicrosecondsWhateverTheOffsetItWasReadIn() {
    OffsetDateTime sameInstantInLondonSummer = AT.withOffsetSameInstant(ZoneOffset.ofHours(1));
    assertThat(AuditChain.canonicalForm(row(sameInstantInLondonSummer, "t-1")))
        .isEqualTo(AuditChain.canonicalForm(row(AT, "t-1")));
    assertThat(new String(AuditChain.canonicalForm(row(AT, "t-1")), StandardCharsets.UTF_8))
        .isEqualTo("v1|2:41|16:1796159107123456|11:demo-police|9:E06000031|1:7|20:E06000031-2026-00007|-|4:VIEW"
            + "|7:GRANTED|4:TASK|3:t-1|-");
  }

  @Test
  void aNullAndAnyTextAreDifferentColumns() {
    assertThat(AuditChain.canonicalForm(row(AT, null))).isNotEqualTo(AuditChain.canonicalForm(row(AT, "-")))
        .isNotEqualTo(AuditChain.canonicalForm(row(AT, "")));
    // the length prefix keeps a separator inside a value from shifting columns
    assertThat(AuditChain.canonicalForm(row(AT, "a|1:b"))).isNotEqualTo(AuditChain.canonicalForm(row(AT, "a")));
  }

  @Test
  void eachLinkDependsOnThePreviousOneAndOnEveryColumn() {
    byte[] genesis = AuditChain.genesis("E06000031", YearMonth.of(2026, 12));
    assertThat(genesis).isNotEqualTo(AuditChain.genesis("E06000031", YearMonth.of(2026, 11)))
        .isNotEqualTo(AuditChain.genesis("E06000034", YearMonth.of(2026, 12)));
    byte[] first = AuditChain.link(genesis, row(AT, "t-1"));
    assertThat(first).hasSize(32).isNotEqualTo(AuditChain.link(genesis, row(AT, "t-2")))
        .isNotEqualTo(AuditChain.link(genesis, row(AT.plusNanos(1_000), "t-1")));
    assertThat(AuditChain.link(first, row(AT, "t-1"))).isNotEqualTo(first);
  }

  @Test
  void theMonthOfARowIsItsUtcMonth() {
    assertThat(row(OffsetDateTime.of(2026, 12, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1)), null).month())
        .isEqualTo(YearMonth.of(2026, 11));
  }

  @Test
  void aChainHeadIsOneLineAndNothingElseParses() {
    ChainHead head = new ChainHead("E06000031", YearMonth.of(2026, 12), 57, "3FA2".repeat(16));
    assertThat(head.line()).isEqualTo("E06000031 2026-12 57 " + "3fa2".repeat(16));
    assertThat(ChainHead.parse("  " + head.line() + " ")).contains(head);
    assertThat(ChainHead.parse("E06000031 2026-12 0 " + "3fa2".repeat(16))).isEmpty();
    assertThat(ChainHead.parse("E06000031 2026-12 57 " + "3fa2".repeat(15))).isEmpty();
    assertThat(ChainHead.parse("Ellison Quarrendon")).isEmpty();
  }
}

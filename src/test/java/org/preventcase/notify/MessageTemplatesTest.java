package org.preventcase.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message type has a text, and what it may say is limited to references, links and typed facts. */
class MessageTemplatesTest {

  static final MessageTemplates TEMPLATES = new MessageTemplates();
  static final MessageFacts ALL_FACTS = new MessageFacts("Screen referral and deconflict", LocalDate.of(2026, 12, 1),
      LocalDate.of(2026, 12, 3), List.of("E06000031-2026-00001", "E06000031-2026-00002"), "Cambridgeshire County Council",
      List.of("E06000031 2026-12 57 " + "3fa2".repeat(16)));

  @ParameterizedTest
  @EnumSource(MessageType.class)
  void everyMessageTypeRendersFromReferencesLinksAndFactsOnly(MessageType type) {
    OutboxMessage message = new OutboxMessage(1, "E06000031", "E06000031-2026-00001", type,
        NotificationsProperties.Channel.EMAIL, "someone@council.example", ALL_FACTS, "key", 0);

    MessageTemplates.Message rendered = TEMPLATES.render(type, message.placeholders("https://prevent.council.example"));

    assertThat(MessageTemplates.PLACEHOLDERS).containsAll(TEMPLATES.placeholdersOf(type));
    assertThat(rendered.subject()).isNotBlank().doesNotContain("{{");
    assertThat(rendered.body()).doesNotContain("{{").doesNotContain("someone@council.example");
  }
}

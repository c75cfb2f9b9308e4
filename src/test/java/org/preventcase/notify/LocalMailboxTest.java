package org.preventcase.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.MimeMessageHelper;

/** A local run without a mail server: each message lands in the mailbox folder as a readable .eml file. */
class LocalMailboxTest {

  @TempDir Path folder;

  @Test
  void aMessageIsWrittenToTheFolderAsAnEmlFileNamedForItsLondonTime() throws Exception {
    var sender = new LocalMailbox.FolderMailSender(folder.resolve("mail"), Clock.fixed(
        Instant.parse("2026-12-01T18:57:00Z"), ZoneOffset.UTC));
    sender.testConnection();
    var message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom("prevent-case-engine@localhost");
    helper.setTo("dsl@school.example");
    helper.setSubject("Prevent referral received: R-4711");
    helper.setText("Thank you for your Prevent referral.");

    sender.send(message);

    List<Path> written = Files.list(folder.resolve("mail")).toList();
    assertThat(written).singleElement().satisfies(file -> {
      assertThat(file.getFileName().toString()).isEqualTo("20261201-185700-1.eml");
      assertThat(Files.readString(file)).contains("Subject: Prevent referral received: R-4711")
          .contains("To: dsl@school.example").contains("Thank you for your Prevent referral.");
    });
  }
}

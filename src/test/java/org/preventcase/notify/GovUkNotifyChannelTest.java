package org.preventcase.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GOV.UK Notify client against a local stub of Notify's API that checks each request's shape. */
class GovUkNotifyChannelTest {

  static final String TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  static final String API_KEY = "prevent_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

  record Request(String method, String path, String authorization, JsonNode body) {}

  final ObjectMapper json = new ObjectMapper();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile boolean alreadyAccepted;
  HttpServer notify;

  @BeforeEach
  void startStub() throws IOException {
    notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    notify.createContext("/v2/notifications", this::answer);
    notify.start();
  }

  @AfterEach
  void stopStub() {
    notify.stop(0);
  }

  void answer(HttpExchange exchange) throws IOException {
    byte[] in = exchange.getRequestBody().readAllBytes();
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
        exchange.getRequestHeaders().getFirst("Authorization"), in.length == 0 ? null : json.readTree(in)));
    String reply;
    int status;
    if (exchange.getRequestMethod().equals("POST")) {
      status = 201;
      reply = """
          {"id": "740e5834-3a29-46b4-9a6f-16142fde533a", "reference": "ref",
           "content": {"subject": "s", "body": "b", "from_email": "prevent@notify.example"},
           "uri": "http://notify.invalid/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
           "template": {"id": "%s", "version": 1, "uri": "http://notify.invalid/t"}}""".formatted(TEMPLATE);
    } else {
      status = 200;
      String accepted = """
          {"id": "740e5834-3a29-46b4-9a6f-16142fde533a", "reference": "ref", "type": "email", "status": "delivered",
           "email_address": "channel.coordinator@council.example", "phone_number": null, "line_1": null,
           "line_2": null, "line_3": null, "line_4": null, "line_5": null, "line_6": null, "postcode": null,
           "postage": null, "subject": "s", "body": "b", "created_by_name": null, "is_cost_data_ready": false,
           "cost_in_pounds": null, "cost_details": {}, "estimated_delivery": null,
           "template": {"id": "%s", "version": 1, "uri": "http://notify.invalid/t"},
           "created_at": "2026-11-23T10:00:00.000000Z", "sent_at": null, "completed_at": null}""".formatted(TEMPLATE);
      reply = """
          {"notifications": [%s], "links": {"current": "http://notify.invalid/v2/notifications", "next": null}}"""
          .formatted(alreadyAccepted ? accepted : "");
    }
    byte[] out = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  GovUkNotifyChannel channel() {
    return new GovUkNotifyChannel(new NotificationsProperties("prevent@council.example", "https://prevent.council.example",
        Duration.ofSeconds(10), 50, Duration.ofSeconds(30), Duration.ofHours(1), 5, Duration.ofMinutes(2),
        Map.of(MessageType.POST_EXIT_REVIEW_DUE, NotificationsProperties.Channel.NOTIFY),
        new NotificationsProperties.Notify(API_KEY, "http://127.0.0.1:" + notify.getAddress().getPort(),
            Map.of(MessageType.POST_EXIT_REVIEW_DUE, TEMPLATE))));
  }

  static OutboxMessage reviewDue(int attempts) {
    return new OutboxMessage(7, "E06000031", "E06000031-2026-00017", MessageType.POST_EXIT_REVIEW_DUE,
        NotificationsProperties.Channel.NOTIFY, "channel.coordinator@council.example",
        MessageFacts.dueOn(LocalDate.of(2027, 6, 30)), "3f1c0b8e2d7a4c5b9e6f1a2b3c4d5e6f7a8b9c0d", attempts);
  }

  @Test
  void aMessageGoesToNotifyWithItsTemplatePersonalisationAndReference() throws Exception {
    channel().deliver(reviewDue(0));

    assertThat(requests).hasSize(1);
    Request sent = requests.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/v2/notifications/email");
    assertThat(sent.authorization()).matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(sent.body().path("template_id").asText()).isEqualTo(TEMPLATE);
    assertThat(sent.body().path("email_address").asText()).isEqualTo("channel.coordinator@council.example");
    assertThat(sent.body().path("reference").asText()).isEqualTo("3f1c0b8e2d7a4c5b9e6f1a2b3c4d5e6f7a8b9c0d");
    JsonNode personalisation = sent.body().path("personalisation");
    assertThat(personalisation.path("caseReference").asText()).isEqualTo("E06000031-2026-00017");
    assertThat(personalisation.path("caseLink").asText())
        .isEqualTo("https://prevent.council.example/cases/E06000031-2026-00017");
    assertThat(personalisation.path("dueDate").asText()).isEqualTo("30 June 2027");
    assertThat(personalisation.size()).as("references, links and facts only").isEqualTo(4);
  }

  @Test
  void aRetryOfAMessageNotifyAlreadyAcceptedIsNotSentAgain() throws Exception {
    alreadyAccepted = true;
    channel().deliver(reviewDue(1));

    assertThat(requests).extracting(Request::method).containsExactly("GET");
    assertThat(requests.get(0).path()).contains("reference=3f1c0b8e2d7a4c5b9e6f1a2b3c4d5e6f7a8b9c0d");
  }

  @Test
  void aRetryOfAMessageNotifyNeverSawIsSent() throws Exception {
    channel().deliver(reviewDue(2));

    assertThat(requests).extracting(Request::method).containsExactly("GET", "POST");
  }
}

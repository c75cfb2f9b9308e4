package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.preventcase.app.ApplicationIT;
import org.preventcase.app.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sign-in throttling without lockout, on the form sign-in and HTTP Basic (engine REST API and the
 * project's API): the engine locks no account; failures from one address for one account id wait
 * longer each time (5 free attempts, then 1 s doubling); another address is never held up; an
 * unknown account id gets exactly the same answers and waits as a known one.
 */
class SignInThrottleIT extends ApplicationIT {

  static final AtomicInteger USERS = new AtomicInteger();
  static final String WRONG = "Not-The-Password-1!";

  @Autowired IdentityService identity;
  @Autowired TestClock clock;

  String officer;

  @BeforeEach
  void aPoliceOfficerHasAnAccount() {
    officer = "throttle-officer-" + USERS.incrementAndGet();
    User user = identity.newUser(officer);
    user.setFirstName("Throttle");
    user.setLastName("Officer");
    user.setPassword(DEMO_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(officer, Role.POLICE_PREVENT_OFFICER.groupId());
  }

  /** One answer as a client sees it: status, Retry-After and body. */
  record Answer(int status, String retryAfter, String body) {}

  Answer basic(String host, String path, String user, String password) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    HttpResponse<String> response = send(HttpClient.newHttpClient(), request);
    return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
        response.body().replaceAll("\"timestamp\":\"[^\"]+\"", ""));
  }

  Answer engineRest(String user, String password) {
    return basic("127.0.0.1", "/engine-rest/task?maxResults=1", user, password);
  }

  @Test
  void theEngineLocksNoAccountAfterManyWrongPasswords() {
    for (int i = 0; i < 25; i++) {
      assertThat(identity.checkPassword(officer, WRONG)).isFalse();
    }
    assertThat(identity.checkPassword(officer, DEMO_PASSWORD)).isTrue();
  }

  @Test
  void wrongPasswordsFromOneAddressWaitLongerEachTimeAndNeverLock() {
    for (int i = 1; i <= 6; i++) {
      assertThat(engineRest(officer, WRONG).status()).as("attempt " + i).isEqualTo(401);
    }
    // even the right password waits, so guessing gains nothing
    assertThat(engineRest(officer, DEMO_PASSWORD)).satisfies(answer -> {
      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.retryAfter()).isEqualTo("1");
    });
    clock.advance(Duration.ofSeconds(1));
    assertThat(engineRest(officer, WRONG).status()).isEqualTo(401);
    assertThat(engineRest(officer, WRONG).retryAfter()).isEqualTo("2");
    clock.advance(Duration.ofSeconds(2));
    assertThat(engineRest(officer, WRONG).status()).isEqualTo(401);
    assertThat(engineRest(officer, WRONG).retryAfter()).isEqualTo("4");
    clock.advance(Duration.ofSeconds(4));

    assertThat(engineRest(officer, DEMO_PASSWORD).status()).isEqualTo(200);
    // a success starts afresh
    assertThat(engineRest(officer, WRONG).status()).isEqualTo(401);
    assertThat(engineRest(officer, DEMO_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theOwnerAtAnotherAddressIsNotHeldUp() {
    for (int i = 1; i <= 8; i++) {
      engineRest(officer, WRONG);
    }
    assertThat(engineRest(officer, DEMO_PASSWORD).status()).isEqualTo(429);
    assertThat(basic("[::1]", "/engine-rest/task?maxResults=1", officer, DEMO_PASSWORD).status()).isEqualTo(200);
    assertThat(basic("[::1]", "/api/cases/E06000031-2026-99999", officer, DEMO_PASSWORD).status()).isEqualTo(404);
  }

  @Test
  void anUnknownAccountIdGetsExactlyTheSameAnswersAndWaitsAsAKnownOne() {
    String unknown = "throttle-nobody-" + USERS.incrementAndGet();
    for (String path : List.of("/engine-rest/task?maxResults=1", "/api/cases/E06000031-2026-99999")) {
      assertThat(attemptsAsTheClockMoves(unknown, path)).as(path).isEqualTo(attemptsAsTheClockMoves(officer, path));
    }
  }

  List<Answer> attemptsAsTheClockMoves(String user, String path) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      answers.add(basic("127.0.0.1", path, user, WRONG));
    }
    clock.advance(Duration.ofSeconds(1));
    answers.add(basic("127.0.0.1", path, user, WRONG));
    answers.add(basic("127.0.0.1", path, user, WRONG));
    clock.advance(Duration.ofHours(2)); // forgotten after a quiet hour, for the next path
    assertThat(answers).extracting(Answer::status).contains(401, 429);
    return answers;
  }

  @Test
  void theFormSignInIsThrottledTheSameWay() {
    Browser browser = new Browser();
    for (int i = 1; i <= 6; i++) {
      assertThat(formSignIn(browser, officer, WRONG)).as("attempt " + i).endsWith("/login?error");
    }
    assertThat(formSignIn(browser, officer, DEMO_PASSWORD)).endsWith("/login?error");
    assertThat(browser.get("/login?error").body()).contains("wait a little longer each time");
    clock.advance(Duration.ofSeconds(1));
    assertThat(formSignIn(browser, officer, DEMO_PASSWORD)).endsWith("/camunda/app/tasklist/");
  }

  String formSignIn(Browser browser, String user, String password) {
    HttpResponse<String> answer = browser.postForm("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + browser.csrfToken());
    assertThat(answer.statusCode()).isEqualTo(302);
    return answer.headers().firstValue("Location").orElse("");
  }
}

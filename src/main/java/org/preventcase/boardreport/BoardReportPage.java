package org.preventcase.boardreport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preventcase.authority.AuthorityDirectory;
import org.preventcase.authority.LocalAuthority;
import org.preventcase.casefile.CaseService;
import org.preventcase.security.Actor;
import org.preventcase.security.Actors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * /reports/board (templates/board-report.html) and its CSV, /reports/board.csv: the board report of one
 * of the authorities the Prevent manager works for (docs/board-report.md), for a statistics year
 * ({@code year=2024/25}, the current one by default) or one of its quarters ({@code quarter=1..4}). Read
 * through the case service, which lets only the authority's Prevent managers see it and audits each look
 * (VIEW, REPORT:board-report, or REPORT:board-report CSV); anyone else gets "not found".
 */
@Controller
class BoardReportPage {

  static final String REPORT = "board-report";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final CaseService cases;
  private final Actors actors;
  private final BoardReports reports;
  private final AuthorityDirectory authorities;
  private final Clock clock;

  BoardReportPage(CaseService cases, Actors actors, BoardReports reports, AuthorityDirectory authorities, Clock clock) {
    this.cases = cases;
    this.actors = actors;
    this.reports = reports;
    this.authorities = authorities;
    this.clock = clock;
  }

  /** What was asked: the authority, the year and the quarter, each checked, or the field that is wrong. */
  private record Asked(String authority, StatisticsYear year, Integer quarter) {}

  @GetMapping(value = "/reports/board", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(@RequestParam(required = false) String authority, @RequestParam(required = false) String year,
      @RequestParam(required = false) String quarter) {
    Actor actor = actors.current();
    Asked asked;
    try {
      asked = asked(actor, authority, year, quarter);
    } catch (IllegalArgumentException bad) {
      return new ModelAndView("error", Map.of("status", 400, "problem", bad.getMessage()), HttpStatus.BAD_REQUEST);
    }
    return view(actor, asked, REPORT)
        .map(view -> new ModelAndView("board-report", Map.of("view", view, "authority", asked.authority(),
            "year", asked.year(), "authorities", authoritiesOf(actor), "csv", csvLink(asked))))
        .orElseGet(() -> new ModelAndView("not-found", HttpStatus.NOT_FOUND));
  }

  @GetMapping(value = "/reports/board.csv")
  ResponseEntity<String> csv(@RequestParam(required = false) String authority,
      @RequestParam(required = false) String year, @RequestParam(required = false) String quarter) {
    Actor actor = actors.current();
    Asked asked;
    try {
      asked = asked(actor, authority, year, quarter);
    } catch (IllegalArgumentException bad) {
      return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(bad.getMessage());
    }
    String file = "board-report-" + asked.authority() + "-" + asked.year().name().replace('/', '-')
        + (asked.quarter() == null ? "" : "-q" + asked.quarter()) + ".csv";
    return view(actor, asked, REPORT + " CSV")
        .map(view -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(BoardReportCsv.of(view)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
            .body("There is no such report, or you may not see it."));
  }

  private Optional<BoardReportView> view(Actor actor, Asked asked, String purpose) {
    String name = authorities.find(asked.authority()).map(LocalAuthority::name).orElse(asked.authority());
    return cases.report(actor, asked.authority(), purpose, () -> {
      BoardReport report = reports.of(asked.authority(), asked.year());
      return asked.quarter() == null ? BoardReportView.year(report, name)
          : BoardReportView.quarter(report, asked.quarter(), name);
    });
  }

  private Asked asked(Actor actor, String authority, String year, String quarter) {
    String code = authority == null || authority.isBlank()
        ? actor.authorities().stream().sorted().findFirst().orElse("NONE") : authority.strip();
    if (!code.matches("[A-Z][0-9]{8}|NONE")) {
      throw new IllegalArgumentException("authority: the code of a local authority, such as E06000031");
    }
    StatisticsYear statisticsYear = year == null || year.isBlank()
        ? StatisticsYear.containing(LocalDate.now(clock.withZone(LONDON))) : StatisticsYear.parse(year);
    Integer q = null;
    if (quarter != null && !quarter.isBlank()) {
      if (!quarter.strip().matches("[1-4]")) {
        throw new IllegalArgumentException("quarter: 1, 2, 3 or 4");
      }
      q = Integer.valueOf(quarter.strip());
    }
    return new Asked(code, statisticsYear, q);
  }

  private List<LocalAuthority> authoritiesOf(Actor actor) {
    return actor.authorities().stream().sorted().map(authorities::find).flatMap(Optional::stream).toList();
  }

  private static String csvLink(Asked asked) {
    return "/reports/board.csv?authority=" + asked.authority() + "&year=" + asked.year().name()
        + (asked.quarter() == null ? "" : "&quarter=" + asked.quarter());
  }
}

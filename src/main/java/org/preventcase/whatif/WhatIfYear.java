package org.preventcase.whatif;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preventcase.PreventCaseEngineApplication;
import org.preventcase.boardreport.StatisticsYear;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * The what-if year from the command line (docs/what-if.md):
 * {@code ./mvnw -q spring-boot:run -Dspring-boot.run.optimizedLaunch=false
 * -Dspring-boot.run.main-class=org.preventcase.whatif.WhatIfYear -Dspring-boot.run.arguments="--referrals=8778"}. Starts the whole application in the
 * {@value WhatIfRun#PROFILE} profile on an embedded database of its own (it refuses DB_URL), generates the
 * synthetic referrals, replays them with a progress bar, writes the report and stops (or, with {@code --serve},
 * stays up so that the board report page can be read, as {@code demo-manager}).
 */
public final class WhatIfYear {

  static final Map<String, String> DEFAULTS = defaults();
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private WhatIfYear() {}

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("referrals", "8778");
    defaults.put("year", "2024/25");
    defaults.put("months", "12");
    defaults.put("drain", "P3M");
    defaults.put("seed", "2025");
    defaults.put("out", "target/what-if");
    defaults.put("authority", "E06000031");
    return defaults;
  }

  /** The run's own options ({@code --referrals=} ...) and the rest, which go to Spring ({@code --prevent.panel.capacity=}). */
  record Options(Map<String, String> values, boolean serve, List<String> spring) {
    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
      boolean serve = false;
      List<String> spring = new ArrayList<>();
      for (String arg : args) {
        String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
        if (name.equals("serve")) {
          serve = true;
        } else if (DEFAULTS.containsKey(name) && arg.contains("=")) {
          values.put(name, arg.substring(arg.indexOf('=') + 1));
        } else {
          spring.add(arg);
        }
      }
      return new Options(values, serve, spring);
    }

    String get(String name) {
      return values.get(name);
    }
  }

  public static void main(String[] args) {
    if (StringUtils.hasText(System.getenv("DB_URL"))) {
      System.err.println("A what-if run uses only an embedded database it creates for itself: unset DB_URL.");
      System.exit(2);
    }
    Options options = Options.parse(args);
    StatisticsYear year = StatisticsYear.parse(options.get("year"));
    int months = Integer.parseInt(options.get("months"));
    int count = Integer.parseInt(options.get("referrals"));
    long seed = Long.parseLong(options.get("seed"));
    LocalDate first = year.start();
    Instant start = first.atStartOfDay(LONDON).toInstant();
    Instant end = first.plusMonths(months).plus(Period.parse(options.get("drain"))).atStartOfDay(LONDON).toInstant();
    List<SyntheticReferral> referrals = SyntheticYear.generate(first, months, count, seed);

    SpringApplication application = new SpringApplication(PreventCaseEngineApplication.class);
    application.setAdditionalProfiles("demo", WhatIfRun.PROFILE);
    List<String> springArgs = new ArrayList<>(options.spring());
    if (!options.serve()) {
      springArgs.add("--server.port=0");
    }
    ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new));
    try {
      ProgressBar bar = new ProgressBar(System.err);
      long began = System.nanoTime();
      WhatIfRun.Plan plan = new WhatIfRun.Plan(options.get("authority"), referrals, start, end, seed);
      WhatIfRun.Result result = context.getBean(WhatIfRun.class).run(plan, bar::show);
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      bar.done();
      String settings = options.values() + " " + String.join(" ", options.spring());
      Path summary = context.getBean(WhatIfReport.class).write(Path.of(options.get("out")), plan, year, settings,
          result, took);
      System.err.printf("What-if run of %d referrals took %d min %d s; report in %s%n", count, took.toMinutes(),
          took.toSecondsPart(), summary.toAbsolutePath());
    } catch (RuntimeException failed) {
      System.err.println();
      failed.printStackTrace();
      System.exit(SpringApplication.exit(context, () -> 1));
    }
    if (!options.serve()) {
      System.exit(SpringApplication.exit(context));
    }
    System.err.println("Serving: sign in as demo-manager at http://localhost:"
        + context.getEnvironment().getProperty("local.server.port") + "/reports/board?year=" + year.name());
  }

  /** One line, redrawn in place: the referrals in so far, the virtual day, the tasks done, the time taken. */
  static final class ProgressBar {
    private static final int WIDTH = 40;
    private final PrintStream out;
    private final long began = System.nanoTime();
    private long drawn;

    ProgressBar(PrintStream out) {
      this.out = out;
    }

    void show(Instant now, int referred, int of, int tasks) {
      long at = System.nanoTime();
      if (at - drawn < 250_000_000L) {
        return;
      }
      drawn = at;
      out.print("\r" + line(now, referred, of, tasks, Duration.ofNanos(at - began)));
      out.flush();
    }

    static String line(Instant now, int referred, int of, int tasks, Duration took) {
      int filled = of == 0 ? WIDTH : (int) ((long) referred * WIDTH / of);
      return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + referred + "/" + of + " referrals, "
          + LocalDate.ofInstant(now, LONDON) + ", " + tasks + " tasks, " + took.toMinutes() + "m"
          + String.format("%02d", took.toSecondsPart()) + "s";
    }

    void done() {
      out.println();
    }
  }
}

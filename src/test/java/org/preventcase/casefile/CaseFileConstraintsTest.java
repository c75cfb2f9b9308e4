package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The database accepts exactly the stages and the closure reasons of their types, as the latest migration says. */
class CaseFileConstraintsTest {

  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

  /** The values of the CHECK ({@code column} IN (...)) in the last migration, by version, that sets one. */
  static List<String> latestCheck(String column) throws IOException {
    Pattern check = Pattern.compile("CHECK \\(" + column + " IN \\(([^)]*)\\)\\)");
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.filter(file -> VERSION.matcher(file.getFileName().toString()).matches())
          .sorted(Comparator.comparingInt(CaseFileConstraintsTest::version).reversed())
          .map(file -> check.matcher(read(file))).filter(Matcher::find).findFirst()
          .map(found -> Arrays.stream(found.group(1).split(",")).map(value -> value.strip().replace("'", "")).toList())
          .orElseThrow();
    }
  }

  static int version(Path file) {
    Matcher matcher = VERSION.matcher(file.getFileName().toString());
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theStageConstraintListsExactlyTheStages() throws IOException {
    assertThat(latestCheck("stage")).containsExactlyInAnyOrder(
        Arrays.stream(Stage.values()).map(Stage::name).toArray(String[]::new));
  }

  @Test
  void theClosureReasonConstraintListsExactlyTheClosureReasons() throws IOException {
    assertThat(latestCheck("closure_reason")).containsExactlyInAnyOrder(
        Arrays.stream(ClosureReason.values()).map(ClosureReason::name).toArray(String[]::new));
  }
}

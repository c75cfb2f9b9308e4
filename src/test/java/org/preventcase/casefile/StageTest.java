package org.preventcase.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The database accepts exactly the stages of the Stage type. */
class StageTest {

  @Test
  void theStageConstraintListsExactlyTheStages() throws IOException {
    String migration = Files.readString(Path.of("src/main/resources/db/migration/V20__case_stage_values.sql"));
    Matcher check = Pattern.compile("CHECK \\(stage IN \\(([^)]*)\\)\\)").matcher(migration);
    assertThat(check.find()).isTrue();
    assertThat(Arrays.stream(check.group(1).split(",")).map(value -> value.strip().replace("'", "")))
        .containsExactlyInAnyOrder(Arrays.stream(Stage.values()).map(Stage::name).toArray(String[]::new));
  }
}

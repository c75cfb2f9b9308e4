package org.preventcase.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A model keeps one resource name however the application is started, so a restart changes nothing. */
class RepositoryModelsDeploymentTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "file:/home/someone/prevent-case-engine/target/classes/processes/intake/referral-intake.bpmn",
      "jar:nested:/opt/app/app.jar/!BOOT-INF/classes/!/processes/intake/referral-intake.bpmn",
      "file:/app/processes/work/processes/intake/referral-intake.bpmn"})
  void aModelIsNamedByItsPathUnderProcessesWhereverItIsLoadedFrom(String url) {
    assertThat(RepositoryModelsDeployment.relativeName(url)).isEqualTo("processes/intake/referral-intake.bpmn");
  }

  @Test
  void aFormIsNamedByItsPathUnderForms() {
    assertThat(RepositoryModelsDeployment.relativeName("jar:nested:/opt/app.jar/!BOOT-INF/classes/!/forms/referral-screening.form"))
        .isEqualTo("forms/referral-screening.form");
  }

  @Test
  void aResourceOutsideTheTwoFoldersIsRefused() {
    assertThatThrownBy(() -> RepositoryModelsDeployment.relativeName("file:/tmp/other/x.bpmn"))
        .isInstanceOf(IllegalStateException.class);
  }
}

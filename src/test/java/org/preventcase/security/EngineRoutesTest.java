package org.preventcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are the engine's: the one answer the form check, the outage filter and the existence oracle share. */
class EngineRoutesTest {

  @Test
  void theEngineRestApiWithOrWithoutTheEnginesNameAndTheWebappsEngineApiAreEngineApiPaths() {
    assertThat(EngineRoutes.engineApiPath("/engine-rest/task/1/complete")).contains("/task/1/complete");
    assertThat(EngineRoutes.engineApiPath("/engine-rest/engine/default/task/1/complete")).contains("/task/1/complete");
    assertThat(EngineRoutes.engineApiPath("/camunda/api/engine/engine/default/task/1/complete"))
        .contains("/task/1/complete");
  }

  @Test
  void theWebappsOwnApisTheApplicationsApiAndLookAlikesAreNot() {
    assertThat(EngineRoutes.isEngineApiPath("/camunda/api/cockpit/plugin/base/default/incident")).isFalse();
    assertThat(EngineRoutes.isEngineApiPath("/api/cases/PRV-1")).isFalse();
    assertThat(EngineRoutes.isEngineApiPath("/engine-restless/task")).isFalse();
    assertThat(EngineRoutes.isEngineApiPath("/cases/engine-rest/task")).isFalse();
  }
}

package org.preventcase.caseprocess;

import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case process's listeners, named as the model names them: who owns the case (the delivery
 * model), the stage a step begins, and one closing listener per end event and reason.
 */
@Configuration
@EnableConfigurationProperties(DeliveryModels.class)
class CaseProcessBeans {

  @Bean
  SetCaseOwnerGroup setCaseOwnerGroup(DeliveryModels models) {
    return new SetCaseOwnerGroup(models);
  }

  @Bean
  MoveCaseToStage moveCaseToGateway(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.GATEWAY);
  }

  @Bean
  MoveCaseToStage moveCaseToInformationGathering(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.INFORMATION_GATHERING);
  }

  @Bean
  MoveCaseToStage moveCaseToPanel(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.PANEL);
  }

  @Bean
  MoveCaseToStage moveCaseToMappa(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.MAPPA);
  }

  @Bean
  CloseCase closeCaseNoFurtherAction(CaseService cases, Actors actors) {
    return new CloseCase(cases, actors, ClosureReason.NFA_CLOSED);
  }

  @Bean
  CloseCase closeCaseSignposted(CaseService cases, Actors actors) {
    return new CloseCase(cases, actors, ClosureReason.SIGNPOSTED);
  }

  @Bean
  CloseCase closeCaseForPursue(CaseService cases, Actors actors) {
    return new CloseCase(cases, actors, ClosureReason.PURSUE);
  }

  @Bean
  CloseCase closeCasePoliceManaged(CaseService cases, Actors actors) {
    return new CloseCase(cases, actors, ClosureReason.POLICE_MANAGED);
  }

  @Bean
  CloseCase closeCaseHandedToMappa(CaseService cases, Actors actors) {
    return new CloseCase(cases, actors, ClosureReason.MAPPA);
  }
}

package org.preventcase.caseprocess;

import org.preventcase.casefile.CaseService;
import org.preventcase.casefile.ClosureReason;
import org.preventcase.casefile.Stage;
import org.preventcase.security.Actors;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case process's listeners, named as the model names them: who owns the case (the delivery
 * model), the stage a step begins, and one closing listener per closure reason.
 */
@Configuration
@EnableConfigurationProperties(DeliveryModels.class)
class CaseProcessBeans {

  @Bean
  SetCaseOwnerGroup setCaseOwnerGroup(DeliveryModels models) {
    return new SetCaseOwnerGroup(models);
  }

  @Bean
  MoveCaseToStage moveCaseToScreening(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.SCREENING);
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
  MoveCaseToStage moveCaseToConsent(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.CONSENT);
  }

  /** Consent given: the case moves to SUPPORT, unless its support runs alongside MAPPA (it stays in MAPPA). */
  @Bean
  MoveCaseToSupport moveCaseToSupport(CaseService cases, Actors actors) {
    return new MoveCaseToSupport(new MoveCaseToStage(cases, actors, Stage.SUPPORT));
  }

  @Bean
  MoveCaseToStage moveCaseToPostExitReview(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.POST_EXIT_REVIEW);
  }

  @Bean
  MoveCaseToStage moveCaseToMappa(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.MAPPA);
  }

  @Bean
  MoveCaseToStage moveCaseToCustody(CaseService cases, Actors actors) {
    return new MoveCaseToStage(cases, actors, Stage.CUSTODY);
  }

  /**
   * One closing listener per closure reason, under the name the model gives it ({@link CloseCase#beanName}):
   * a reason a later stage adds has its listener without a bean written for it.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor closingListeners() {
    return registry -> {
      for (ClosureReason reason : ClosureReason.values()) {
        AbstractBeanDefinition listener = BeanDefinitionBuilder.genericBeanDefinition(CloseCase.class)
            .setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR).getBeanDefinition();
        listener.getConstructorArgumentValues().addGenericArgumentValue(reason);
        registry.registerBeanDefinition(CloseCase.beanName(reason), listener);
      }
    };
  }
}

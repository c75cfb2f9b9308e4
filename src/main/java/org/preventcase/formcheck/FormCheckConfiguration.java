package org.preventcase.formcheck;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.preventcase.security.Actors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The form check and the assignee's release of a task in front of the engine REST API and the webapps' engine API, after sign-in and the query guard. */
@Configuration
public class FormCheckConfiguration {

  @Bean
  FilterRegistrationBean<FormSubmissionFilter> formSubmissionFilter(DeployedForms forms, FormSubmissions submissions,
      Actors actors, IdentityService identity, AuthorizationService authorizations) {
    FilterRegistrationBean<FormSubmissionFilter> registration =
        new FilterRegistrationBean<>(new FormSubmissionFilter(forms, submissions, actors, identity, authorizations));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TaskReleaseFilter> taskReleaseFilter(TaskService tasks, Actors actors, IdentityService identity) {
    FilterRegistrationBean<TaskReleaseFilter> registration =
        new FilterRegistrationBean<>(new TaskReleaseFilter(tasks, actors, identity));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(31);
    return registration;
  }
}

package org.preventcase.security;

import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One setting, {@code prevent.security.membership-refresh} (default PT60S), for how long a session may
 * act on memberships it read earlier: the Spring session's roles ({@link MembershipRefresh}) and the
 * webapps' cached authentication (Camunda's {@code camunda.bpm.webapp.auth.cache}, whose groups,
 * tenants and authorised apps are read again when its time-to-live has passed).
 */
@Configuration(proxyBeanMethods = false)
public class MembershipRefreshConfiguration {

  public static final String KEY = "prevent.security.membership-refresh";
  static final Duration DEFAULT = Duration.ofSeconds(60);

  static Duration refresh(Environment environment) {
    return Binder.get(environment).bind(KEY, Duration.class).orElse(DEFAULT);
  }

  @Bean
  static BeanPostProcessor webappAuthenticationCacheTimeToLive(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamundaBpmProperties camunda) {
          var cache = camunda.getWebapp().getAuth().getCache();
          cache.setTtlEnabled(true);
          cache.setTimeToLive(refresh(environment).toMillis());
        }
        return bean;
      }
    };
  }
}

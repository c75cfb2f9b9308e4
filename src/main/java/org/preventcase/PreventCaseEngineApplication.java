package org.preventcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PreventCaseEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(PreventCaseEngineApplication.class, args);
  }
}

package org.preventcase.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map (package by stage and capability, mirroring processes/) kept checkable: engine
 * {@code impl} classes only in the engine package and the few named configuration classes that need
 * them, and no circle between packages. Tests are not imported here (they may use ClockUtil).
 */
class PackageRulesTest {

  /** The classes outside org.preventcase.engine that need engine internals today, each for a stated reason. */
  private static final String[] ALLOWED_IMPL_USERS = {
      // hands the signed-in user to the webapps through their ContainerBasedAuthenticationFilter (webapp impl)
      "org.preventcase.security.SecurityConfiguration",
      // the deployment plugin is an engine plugin (ProcessEnginePlugin lives in impl.cfg)
      "org.preventcase.deployment.RepositoryModelsDeployment",
  };

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.preventcase");
  }

  @Test
  void onlyTheEnginePackageAndNamedConfigurationUseEngineImplClasses() {
    noClasses().that().resideOutsideOfPackage("org.preventcase.engine..")
        .and().doNotHaveFullyQualifiedName(ALLOWED_IMPL_USERS[0])
        .and().doNotHaveFullyQualifiedName(ALLOWED_IMPL_USERS[1])
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm..impl..")
        .because("business code stays portable to Operaton: engine internals belong in engine plugins")
        .check(main);
  }

  @Test
  void onlyTheCaseProcessChangesACasesStageOrStatus() {
    noClasses().that().resideOutsideOfPackage("org.preventcase.caseprocess..")
        .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("changeStage")
                .or(com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("close")))
            .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.base.DescribedPredicate.describe("CaseService",
                        owner -> owner.getName().equals("org.preventcase.casefile.CaseService"))))))
        .because("the stage belongs to the process: its delegates and listeners move it (issue 8) and close it (issue 9)")
        .check(main);
  }

  @Test
  void packagesDoNotDependOnEachOtherInACircle() {
    slices().matching("org.preventcase.(*)..").should().beFreeOfCycles().check(main);
  }
}

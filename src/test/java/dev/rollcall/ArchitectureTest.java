package dev.rollcall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule between Rollcall's packages; a wrong-way import fails the build.
 *
 * <ul>
 *   <li>{@code domain} (entities, repository ports), {@code query} (filter, sort, page: no
 *       protocol's) and {@code json} (the shared JSON-P provider) depend on no other package.
 *   <li>{@code application} (services, search ports, tenant context, settings) uses {@code domain},
 *       {@code query} and {@code json}.
 *   <li>{@code infrastructure} implements the ports (JPA, the tenant interceptor, migrations) and
 *       uses no protocol package and no HTTP support.
 *   <li>{@code web} is HTTP support both protocols share (limits, bearer tokens, JSON nesting,
 *       cause unwrapping): it may use {@code application} and {@code domain}, nothing
 *       protocol-specific.
 *   <li>The protocols: {@code scim}; {@code statement} (the statement language, which reads the
 *       SCIM schemas to check custom attribute names); {@code api} (the operator and statement HTTP
 *       APIs). Each uses the layers beneath, and only in that order: api, statement, scim.
 * </ul>
 *
 * Choices made to keep the moves small: {@code DatabaseFailures} lives in {@code application}
 * beside {@code StoreFailures}; it reads only {@code java.sql} exceptions, so it is a function the
 * services and both exception mappers share rather than a port with an implementation. {@code
 * ScimSearch} keeps its name; it implements the application's {@code UserSearch} and {@code
 * GroupSearch}.
 */
@AnalyzeClasses(packages = "dev.rollcall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Json")
          .definedBy("dev.rollcall.json..")
          .layer("Domain")
          .definedBy("dev.rollcall.domain..")
          .layer("Query")
          .definedBy("dev.rollcall.query..")
          .layer("Application")
          .definedBy("dev.rollcall.application..")
          .layer("Infrastructure")
          .definedBy("dev.rollcall.infrastructure..")
          .layer("Web")
          .definedBy("dev.rollcall.web..")
          .layer("Scim")
          .definedBy("dev.rollcall.scim..")
          .layer("Statement")
          .definedBy("dev.rollcall.statement..")
          .layer("Api")
          .definedBy("dev.rollcall.api..")
          .whereLayer("Json")
          .mayNotAccessAnyLayer()
          .whereLayer("Domain")
          .mayNotAccessAnyLayer()
          .whereLayer("Query")
          .mayNotAccessAnyLayer()
          .whereLayer("Application")
          .mayOnlyAccessLayers("Domain", "Query", "Json")
          .whereLayer("Infrastructure")
          .mayOnlyAccessLayers("Application", "Domain", "Query", "Json")
          .whereLayer("Web")
          .mayOnlyAccessLayers("Application", "Domain", "Json")
          .whereLayer("Scim")
          .mayOnlyAccessLayers("Web", "Application", "Domain", "Query", "Json")
          .whereLayer("Statement")
          .mayOnlyAccessLayers("Scim", "Web", "Application", "Domain", "Query", "Json")
          .whereLayer("Api")
          .mayOnlyAccessLayers("Statement", "Web", "Application", "Domain", "Query", "Json")
          .whereLayer("Infrastructure")
          .mayNotBeAccessedByAnyLayer();

  /** A new top-level package must take a place in the rule above before it can hold code. */
  @ArchTest
  static final ArchRule everyClassHasALayer =
      classes()
          .that()
          .resideInAPackage("dev.rollcall..")
          .should()
          .resideInAnyPackage(
              "dev.rollcall.json..",
              "dev.rollcall.domain..",
              "dev.rollcall.query..",
              "dev.rollcall.application..",
              "dev.rollcall.infrastructure..",
              "dev.rollcall.web..",
              "dev.rollcall.scim..",
              "dev.rollcall.statement..",
              "dev.rollcall.api..");

  /** The query model is plain Java: no container, persistence or protocol annotation or type. */
  @ArchTest
  static final ArchRule queryIsPlainJava =
      classes()
          .that()
          .resideInAPackage("dev.rollcall.query..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.rollcall.query..", "java..");

  /**
   * Keys are lower- or upper-cased in {@code Locale.ROOT}: the default locale would make a Turkish
   * server's keys differ from the ones it looks up ({@code I} lower-cases to a dotless i there).
   */
  @ArchTest
  static final ArchRule caseIsChangedInTheRootLocale =
      noClasses()
          .should()
          .callMethod(String.class, "toLowerCase")
          .orShould()
          .callMethod(String.class, "toUpperCase");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.rollcall.(*)..").should().beFreeOfCycles();
}

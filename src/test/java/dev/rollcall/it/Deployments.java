package dev.rollcall.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the real build output: the WAR Maven packaged (path from the failsafe
 * property {@code rollcall.test.war}), deployed under another name, plus the test classes that run
 * inside it.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive application() {
    File war = new File(System.getProperty("rollcall.test.war", "target/rollcall.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("run the tests through Maven: " + war + " is missing");
    }
    return ShrinkWrap.create(ZipImporter.class, "rollcall-it.war")
        .importFrom(war)
        .as(WebArchive.class);
  }

  /**
   * The archive with MicroProfile Config values of its own, above the application's defaults
   * (ordinal 150): a library jar's {@code META-INF/microprofile-config.properties}. Only this
   * deployment sees them; the other suites keep the defaults.
   */
  public static WebArchive withConfig(WebArchive archive, String properties) {
    return archive.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, "test-config.jar")
            .addAsManifestResource(
                new StringAsset("config_ordinal=150\n" + properties),
                "microprofile-config.properties"));
  }

  /** The application plus the in-container test support classes. */
  public static WebArchive withTestSupport(Class<?>... testClasses) {
    return application()
        .addClasses(AdjustableClock.class, InContainer.class)
        .addClasses(testClasses);
  }
}

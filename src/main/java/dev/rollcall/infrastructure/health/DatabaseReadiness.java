package dev.rollcall.infrastructure.health;

import dev.rollcall.infrastructure.migration.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema is migrated and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  @Resource(lookup = "jdbc/rollcall")
  private DataSource dataSource;

  private final SchemaMigrator migrator;

  @Inject
  public DatabaseReadiness(SchemaMigrator migrator) {
    this.migrator = migrator;
  }

  protected DatabaseReadiness() {
    this.migrator = null;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database").withData("migrated", migrator.migrated());
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return response.status(valid && migrator.migrated()).build();
    } catch (SQLException e) {
      return response.down().build();
    }
  }
}

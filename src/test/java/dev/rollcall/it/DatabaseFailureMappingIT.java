package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.api.ApiExceptionMapper;
import dev.rollcall.domain.TransientFailureException;
import dev.rollcall.scim.ScimExceptionMapper;
import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How both protocols answer database failures that reach them, as the EJB container delivers them:
 * transient ones 503 with Retry-After, anything else 500 with an incident id and never the
 * database's message (which names tables and keys).
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseFailureMappingIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestSupport(DatabaseFailureMappingIT.class);
  }

  private static Exception delivered(SQLException sql) {
    return new EJBException(new PersistenceException("Exception [EclipseLink-4002]", sql));
  }

  private static final SQLException DEADLOCK =
      new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
  private static final SQLException LOCK_TIMEOUT =
      new SQLTransactionRollbackException("A lock could not be obtained", "40XL1", 30000);
  private static final SQLException LOST =
      new SQLException("Communications link failure", "08S01", 0);
  private static final SQLException OTHER_KEY =
      new SQLIntegrityConstraintViolationException(
          "Duplicate entry 'x' for key 'uk_api_tokens_hash'", "23000", 1062);
  private static final SQLException TOO_LONG =
      new SQLException("Data too long for column 'title' at row 1", "22001", 1406);

  @Test
  void scimAnswersTransientFailures503WithRetryAfter() {
    ScimExceptionMapper mapper = new ScimExceptionMapper();
    for (Exception failure :
        new Exception[] {
          delivered(DEADLOCK),
          delivered(LOCK_TIMEOUT),
          delivered(LOST),
          new EJBException(new TransientFailureException("x", null))
        }) {
      Response response = mapper.toResponse(failure);
      assertEquals(503, response.getStatus(), failure.toString());
      assertEquals("1", response.getHeaderString(HttpHeaders.RETRY_AFTER));
      JsonObject body = (JsonObject) response.getEntity();
      assertEquals("503", body.getString("status"));
    }
  }

  @Test
  void statementsAnswerTransientFailures503WithRetryAfter() {
    ApiExceptionMapper mapper = new ApiExceptionMapper();
    for (Exception failure :
        new Exception[] {delivered(DEADLOCK), delivered(LOCK_TIMEOUT), delivered(LOST)}) {
      Response response = mapper.toResponse(failure);
      assertEquals(503, response.getStatus(), failure.toString());
      assertEquals("1", response.getHeaderString(HttpHeaders.RETRY_AFTER));
      JsonObject body = (JsonObject) response.getEntity();
      assertEquals(503, body.getInt("status"));
      assertEquals("unavailable", body.getString("error"));
    }
  }

  @Test
  void otherFailuresAre500WithAnIncidentAndNothingInternal() {
    for (Exception failure : new Exception[] {delivered(OTHER_KEY), delivered(TOO_LONG)}) {
      Response scim = new ScimExceptionMapper().toResponse(failure);
      assertEquals(500, scim.getStatus());
      String detail = ((JsonObject) scim.getEntity()).getString("detail");
      Response api = new ApiExceptionMapper().toResponse(failure);
      assertEquals(500, api.getStatus());
      String message = ((JsonObject) api.getEntity()).getString("message");
      for (String text : new String[] {detail, message}) {
        assertTrue(text.contains("incident"), text);
        // the incident's random UUID may well contain "409"
        String told = text.replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "<uuid>");
        assertFalse(told.contains("uk_") || told.contains("title") || told.contains("409"), text);
      }
    }
  }
}

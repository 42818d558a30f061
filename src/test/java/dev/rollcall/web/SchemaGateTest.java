package dev.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.application.SchemaState;
import dev.rollcall.domain.TransientFailureException;
import org.junit.jupiter.api.Test;

class SchemaGateTest {
  private final SchemaState schema = new SchemaState();
  private final SchemaGate gate = new SchemaGate(schema);

  @Test
  void beforeTheSchemaIsMigratedEveryRequestIsToldToComeBack() {
    // the API's exception mapper turns this into 503 with Retry-After in its own format
    assertThrows(TransientFailureException.class, () -> gate.filter(null));
  }

  @Test
  void onceMigratedRequestsPass() {
    schema.markMigrated();
    assertDoesNotThrow(() -> gate.filter(null));
  }
}

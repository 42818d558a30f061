package dev.rollcall.domain.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rollcall.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionDeclarationLengthTest {
  private static final String URN = "urn:acme:params:scim:schemas:extension:acme:2.0:User";

  private static String attributes(int count, int nameLength) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "a" + i + "x".repeat(nameLength - 1 - Integer.toString(i).length());
      items.add(name + " string");
    }
    return String.join(", ", items);
  }

  @Test
  void aDeclarationLongerThanItsColumnIsRefused() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> ExtensionDeclaration.parse(URN, attributes(50, 120), Set.of()));
    assertEquals("'scim.extension.attributes' must be at most 4000 characters", e.getMessage());
  }

  @Test
  void aDeclarationThatFitsIsRead() {
    assertEquals(
        20, ExtensionDeclaration.parse(URN, attributes(20, 120), Set.of()).attributes().size());
  }
}

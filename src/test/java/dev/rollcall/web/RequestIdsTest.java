package dev.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void aWellFormedClientIdIsKept() {
    assertEquals("okta-req:42_a.b", RequestIds.choose("okta-req:42_a.b"));
  }

  @Test
  void anIllFormedOrMissingIdIsReplacedByARandomVersion4Uuid() {
    for (String incoming : new String[] {null, "", "a b", "x".repeat(65), "<script>"}) {
      String id = RequestIds.choose(incoming);
      assertNotEquals(incoming, id);
      UUID uuid = UUID.fromString(id);
      assertEquals(id, uuid.toString());
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
    }
  }

  @Test
  void newIdsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertEquals(true, seen.add(RequestIds.newId()));
    }
  }
}

package dev.rollcall.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonNestingTest {

  private static String nested(int depth) {
    return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
  }

  @Test
  void countsObjectsAndArraysInsideEachOther() {
    assertFalse(JsonNesting.exceeds(nested(64), 64));
    assertTrue(JsonNesting.exceeds(nested(65), 64));
    assertTrue(JsonNesting.tooDeep(nested(5000)));
    assertFalse(JsonNesting.tooDeep("{\"a\":[1,{\"b\":[2]}],\"c\":{}}"));
  }

  @Test
  void siblingsDoNotAddUp() {
    String wide = "[" + "[],".repeat(10_000) + "[]]";
    assertFalse(JsonNesting.exceeds(wide, 2));
  }

  @Test
  void bracketsInStringsDoNotCount() {
    String text = "{\"a\":\"" + "[{".repeat(1000) + "\\\"[[[\"}";
    assertFalse(JsonNesting.exceeds(text, 1));
    assertTrue(JsonNesting.exceeds("{\"a\\\\\":[[]]}", 2));
  }
}

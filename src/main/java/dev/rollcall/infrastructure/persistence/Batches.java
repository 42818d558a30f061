package dev.rollcall.infrastructure.persistence;

/** IN-lists are sent in batches of this size, well under every database's parameter limit. */
final class Batches {
  static final int SIZE = 500;

  private Batches() {}
}

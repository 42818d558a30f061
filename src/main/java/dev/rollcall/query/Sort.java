package dev.rollcall.query;

/** Sort order of a search; {@code by} null means creation order. */
public record Sort(AttributePath by, boolean descending) {}

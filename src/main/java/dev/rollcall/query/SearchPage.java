package dev.rollcall.query;

import java.util.List;

/** One page of a search and the number of all matches. */
public record SearchPage<T>(long total, List<T> items) {}

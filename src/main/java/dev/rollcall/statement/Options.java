package dev.rollcall.statement;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The entries of a {@code WITH (...)} clause in the order written; keys are unique. */
public record Options(List<Option> entries) {

  private static final Options NONE = new Options(List.of());

  public Options {
    entries = List.copyOf(requireNonNull(entries, "entries"));
    Set<String> keys = new HashSet<>();
    for (Option option : entries) {
      if (!keys.add(option.key().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("duplicate option '" + option.key() + "'");
      }
    }
  }

  /** The options of a statement written without a {@code WITH} clause. */
  public static Options none() {
    return NONE;
  }

  /** The option with this key, compared case-insensitively. */
  public Optional<Option> get(String key) {
    requireNonNull(key, "key");
    return entries.stream().filter(option -> option.key().equalsIgnoreCase(key)).findFirst();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}

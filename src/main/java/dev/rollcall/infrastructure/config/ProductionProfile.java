package dev.rollcall.infrastructure.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the production profile ({@code ROLLCALL_PROFILE=production}, liberty/config/profile) demands
 * of the configuration before the application may start: an operator token that cannot be guessed,
 * SCIM URIs handed out over HTTPS, and, on MySQL, credentials of the deployment's own rather than
 * the development defaults. The development profile demands nothing.
 *
 * <p>A pure function of the settings, so that the rules are tested without a server; {@link
 * ProductionGuard} applies it at start-up. Problems name the setting, never its value.
 */
public final class ProductionProfile {
  public static final String PROFILE = "rollcall.profile";
  public static final String DEVELOPMENT = "development";
  public static final String PRODUCTION = "production";

  static final String OPERATOR_TOKEN = "rollcall.operator.token";
  static final String PUBLIC_BASE_URL = "rollcall.public-base-url";
  static final String DB_KIND = "db.kind";
  static final String DB_USER = "db.user";
  static final String DB_PASSWORD = "db.password";

  /** 32 characters: 128 bits as hex, more as base64 ({@code openssl rand -base64 32}). */
  static final int MIN_TOKEN_LENGTH = 32;

  /** Rules out long tokens made of a few repeated characters ({@code aaaa…}, {@code abab…}). */
  static final int MIN_DISTINCT_TOKEN_CHARACTERS = 8;

  private ProductionProfile() {}

  /**
   * The reasons the application must not start under these settings; empty when it may.
   *
   * @param setting a configuration key ({@code rollcall.operator.token}, {@code db.user} ...) to
   *     its value, empty when unset or blank
   */
  public static List<String> problems(Function<String, Optional<String>> setting) {
    String profile = setting.apply(PROFILE).orElse(DEVELOPMENT);
    List<String> problems = new ArrayList<>();
    if (DEVELOPMENT.equals(profile)) {
      return problems;
    }
    if (!PRODUCTION.equals(profile)) {
      problems.add("ROLLCALL_PROFILE must be development or production");
      return problems;
    }
    tokenProblem(setting.apply(OPERATOR_TOKEN)).ifPresent(problems::add);
    String base = setting.apply(PUBLIC_BASE_URL).orElse("");
    if (!base.toLowerCase(Locale.ROOT).startsWith("https://")) {
      problems.add(
          "ROLLCALL_PUBLIC_BASE_URL must be the https:// address identity providers reach: SCIM"
              + " tokens are sent to it");
    }
    if ("mysql".equals(setting.apply(DB_KIND).orElse("derby"))) {
      Optional<String> user = setting.apply(DB_USER);
      if (user.isEmpty()) {
        problems.add("DB_USER must be set: production has no default database user");
      } else if (user.get().equalsIgnoreCase("root")) {
        problems.add("DB_USER must not be root: give Rollcall an account of its own");
      }
      if (setting.apply(DB_PASSWORD).isEmpty()) {
        problems.add("DB_PASSWORD must be set");
      }
    }
    return problems;
  }

  private static Optional<String> tokenProblem(Optional<String> token) {
    if (token.isEmpty()) {
      return Optional.of("ROLLCALL_OPERATOR_TOKEN must be set");
    }
    String value = token.get();
    if (value.length() < MIN_TOKEN_LENGTH
        || value.chars().anyMatch(Character::isWhitespace)
        || value.chars().distinct().count() < MIN_DISTINCT_TOKEN_CHARACTERS) {
      return Optional.of(
          "ROLLCALL_OPERATOR_TOKEN is too weak: at least "
              + MIN_TOKEN_LENGTH
              + " characters without spaces, at least "
              + MIN_DISTINCT_TOKEN_CHARACTERS
              + " of them different (openssl rand -base64 32)");
    }
    return Optional.empty();
  }
}

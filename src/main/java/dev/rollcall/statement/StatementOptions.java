package dev.rollcall.statement;

import dev.rollcall.application.SecurityIntegrationService.Settings;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.integration.IntegrationType;
import dev.rollcall.domain.integration.ScimClient;
import dev.rollcall.scim.schema.Schemas;
import dev.rollcall.statement.OptionValue.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks {@code WITH (...)} options; an unknown key or value is an error naming it. */
@ApplicationScoped
public class StatementOptions {
  static final String TYPE = "type";
  static final String SCIM_CLIENT = "scim.client";
  static final String SCIM_RUN_AS_ROLE = "scim.run_as_role";
  static final String SCIM_EXTENSION = "scim.extension";
  static final String SCIM_EXTENSION_ATTRIBUTES = "scim.extension.attributes";
  static final String EXPIRES_IN = "expires_in";
  static final String EXPIRES_AT = "expires_at";

  /** The latest expiry a token may have: the end of the years an ISO-8601 instant can spell. */
  static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  static final String ROLE = "role";
  static final String USER = "user";

  /** Names an extension attribute may not take: every core User and enterprise attribute's. */
  private static final Set<String> USER_ATTRIBUTE_NAMES = userAttributeNames();

  private final Clock clock;

  @Inject
  public StatementOptions(Clock clock) {
    this.clock = clock;
  }

  protected StatementOptions() {
    this.clock = null;
  }

  /** CREATE SECURITY INTEGRATION's options. */
  public Settings integrationSettings(Options options) {
    onlyKnown(
        options,
        "CREATE SECURITY INTEGRATION",
        TYPE,
        SCIM_CLIENT,
        SCIM_RUN_AS_ROLE,
        SCIM_EXTENSION,
        SCIM_EXTENSION_ATTRIBUTES);
    OptionValue typeValue =
        options
            .get(TYPE)
            .map(Option::value)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Option 'type' is required; valid values: "
                            + IntegrationType.validNames()));
    IntegrationType type =
        IntegrationType.fromName(word(TYPE, typeValue))
            .orElseThrow(() -> invalidValue(TYPE, typeValue, IntegrationType.validNames()));
    Optional<ScimClient> client =
        options
            .get(SCIM_CLIENT)
            .map(Option::value)
            .map(
                v ->
                    ScimClient.fromName(word(SCIM_CLIENT, v))
                        .orElseThrow(() -> invalidValue(SCIM_CLIENT, v, ScimClient.validNames())));
    Optional<String> runAsRole =
        options.get(SCIM_RUN_AS_ROLE).map(Option::value).map(v -> name(SCIM_RUN_AS_ROLE, v));
    Optional<String> urn = options.get(SCIM_EXTENSION).map(o -> o.value().text());
    Optional<String> attributes = options.get(SCIM_EXTENSION_ATTRIBUTES).map(o -> o.value().text());
    if (urn.isPresent() != attributes.isPresent()) {
      throw new InvalidRequestException(
          "Give 'scim.extension' and 'scim.extension.attributes' together");
    }
    Optional<ExtensionDeclaration> extension =
        urn.map(u -> ExtensionDeclaration.parse(u, attributes.get(), USER_ATTRIBUTE_NAMES));
    return new Settings(type, client, runAsRole, extension);
  }

  /** CREATE API_TOKEN's expiry: {@code 'expires_in' = 'P30D'} or {@code 'expires_at' = '...Z'}. */
  public Optional<Instant> tokenExpiry(Options options) {
    onlyKnown(options, "CREATE API_TOKEN", EXPIRES_IN, EXPIRES_AT, USER);
    if (options.get(EXPIRES_IN).isPresent() && options.get(EXPIRES_AT).isPresent()) {
      throw new InvalidRequestException("Give either 'expires_in' or 'expires_at', not both");
    }
    Optional<Instant> in =
        options
            .get(EXPIRES_IN)
            .map(
                o -> {
                  Duration duration;
                  try {
                    duration = Duration.parse(o.value().text());
                  } catch (DateTimeParseException e) {
                    throw new InvalidRequestException(
                        "Option 'expires_in' must be an ISO-8601 duration such as 'P30D' or 'PT12H'");
                  }
                  Instant now = clock.instant();
                  if (duration.isNegative()
                      || duration.isZero()
                      || duration.compareTo(Duration.between(now, LATEST_EXPIRY)) > 0) {
                    throw new InvalidRequestException(
                        "Option 'expires_in' must be positive and end by "
                            + LATEST_EXPIRY
                            + ", such as 'P30D' or 'PT12H'");
                  }
                  return now.plus(duration);
                });
    Optional<Instant> at =
        options
            .get(EXPIRES_AT)
            .map(
                o -> {
                  Instant instant;
                  try {
                    instant = Instant.parse(o.value().text());
                  } catch (DateTimeParseException e) {
                    throw new InvalidRequestException(
                        "Option 'expires_at' must be an ISO-8601 instant such as '2027-01-31T00:00:00Z'");
                  }
                  if (!instant.isAfter(clock.instant()) || instant.isAfter(LATEST_EXPIRY)) {
                    throw new InvalidRequestException(
                        "Option 'expires_at' must be in the future and no later than "
                            + LATEST_EXPIRY);
                  }
                  return instant;
                });
    return in.or(() -> at);
  }

  /** CREATE API_TOKEN's optional {@code 'user' = 'email'}: a token for another member. */
  public Optional<String> tokenUser(Options options) {
    return options.get(USER).map(o -> o.value().text());
  }

  /** INVITE USER's optional role to grant at once. */
  public Optional<String> inviteRole(Options options) {
    onlyKnown(options, "INVITE USER", ROLE);
    return options.get(ROLE).map(o -> name(ROLE, o.value()));
  }

  private static Set<String> userAttributeNames() {
    Set<String> names = new java.util.HashSet<>();
    for (var schema : java.util.List.of(Schemas.USER, Schemas.ENTERPRISE_USER)) {
      schema.attributes().forEach(a -> names.add(a.name().toLowerCase(java.util.Locale.ROOT)));
    }
    java.util.List.of("id", "externalid", "meta", "schemas").forEach(names::add);
    return Set.copyOf(names);
  }

  private static void onlyKnown(Options options, String statement, String... known) {
    Set<String> valid = Set.of(known);
    for (Option option : options.entries()) {
      if (!valid.contains(option.key())) {
        throw new InvalidRequestException(
            "Unknown option '"
                + option.key()
                + "' for "
                + statement
                + (known.length == 0
                    ? "; it takes no options"
                    : "; valid options: " + String.join(", ", new TreeSet<>(valid))));
      }
    }
  }

  /** An enumerated value: an unquoted word or a string, compared ignoring case by the caller. */
  private static String word(String key, OptionValue value) {
    if (value.kind() != Kind.IDENTIFIER && value.kind() != Kind.STRING) {
      throw new InvalidRequestException("Option '" + key + "' must be a word, not " + value.text());
    }
    return value.text();
  }

  /** A role name: unquoted words are lower-cased, quoted names and strings keep their case. */
  private static String name(String key, OptionValue value) {
    if (value.kind() == Kind.NUMBER || value.kind() == Kind.BOOLEAN) {
      throw new InvalidRequestException(
          "Option '" + key + "' must be a role name, not " + value.text());
    }
    return value.asName();
  }

  private static InvalidRequestException invalidValue(String key, OptionValue value, String valid) {
    return new InvalidRequestException(
        "Invalid value '" + value.text() + "' for option '" + key + "'; valid values: " + valid);
  }
}

package dev.rollcall.application;

import dev.rollcall.application.config.DurationSetting;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.member.ApiToken;
import dev.rollcall.domain.member.ApiTokenRepository;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.Privilege;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Members' API tokens: issued with the secret shown once, stored as a hash, checked on every call.
 * A token made for another member records its creator and always expires.
 */
@Stateless
@TenantScoped
public class ApiTokenService {
  public static final String PREFIX = "rc_api_";

  /** Last-used times are written at most this often per token, not on every request. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  static final String DELEGATED_LIFETIME = "rollcall.api-token.delegated-lifetime";
  static final String DELEGATED_MAX_LIFETIME = "rollcall.api-token.delegated-max-lifetime";

  private final ApiTokenRepository tokens;
  private final MemberRepository members;
  private final AuthorizationService authorization;
  private final PowerService power;
  private final Clock clock;
  private final String delegatedLifetime;
  private final String delegatedMaxLifetime;

  /** A new token: the stored record and its secret, which exists nowhere else. */
  public record IssuedApiToken(ApiToken token, String secret) {
    @Override
    public String toString() {
      return "IssuedApiToken[" + token.name() + ", secret=<redacted>]";
    }
  }

  /** A token as LIST API_TOKENS shows it: with the userName of whoever created it. */
  public record ListedApiToken(ApiToken token, String createdBy) {}

  @Inject
  public ApiTokenService(
      ApiTokenRepository tokens,
      MemberRepository members,
      AuthorizationService authorization,
      PowerService power,
      Clock clock,
      @ConfigProperty(name = DELEGATED_LIFETIME) String delegatedLifetime,
      @ConfigProperty(name = DELEGATED_MAX_LIFETIME) String delegatedMaxLifetime) {
    this.tokens = tokens;
    this.members = members;
    this.authorization = authorization;
    this.power = power;
    this.clock = clock;
    this.delegatedLifetime = delegatedLifetime;
    this.delegatedMaxLifetime = delegatedMaxLifetime;
  }

  public ApiTokenService() {
    this(null, null, null, null, null, null, null);
  }

  /** A token the member makes for themself; it expires only if they ask. */
  public IssuedApiToken issue(String memberId, String name, Instant expiresAt) {
    return issue(memberId, name, expiresAt, null);
  }

  private IssuedApiToken issue(String memberId, String name, Instant expiresAt, String createdBy) {
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidRequestException("The token's expiry must be in the future");
    }
    Lengths.require("An API token name", name, ApiToken.NAME_LENGTH);
    if (tokens.findByName(memberId, name).isPresent()) {
      throw new ConflictException("You already have an API token named " + name);
    }
    Secrets.Issued secret = Secrets.issue(PREFIX);
    ApiToken token =
        new ApiToken(
            UUID.randomUUID().toString(), memberId, name, secret.hash(), now, expiresAt, createdBy);
    tokens.add(token);
    try {
      tokens.flush();
    } catch (PersistenceException e) {
      // a token of that name created for the member at the same moment: the unique key decides
      throw StoreFailures.translate(
          e,
          ApiToken.NAME_CONSTRAINT,
          () -> new ConflictException("You already have an API token named " + name));
    }
    return new IssuedApiToken(token, secret.secret());
  }

  /**
   * A token for another member (a service account, say): needs MANAGE_MEMBERS and every built-in
   * role and privilege the member holds, and expires after the delegated lifetime at the latest.
   */
  public IssuedApiToken issueFor(String actorId, String login, String name, Instant expiresAt) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Member member =
        members
            .findByLogin(login)
            .orElseThrow(() -> new NotFoundException("User " + login + " does not exist"));
    if (member.id().equals(actorId)) {
      return issue(actorId, name, expiresAt);
    }
    power.requireCovers(actorId, member.id());
    Instant now = clock.instant();
    Duration max = DurationSetting.parse(DELEGATED_MAX_LIFETIME, delegatedMaxLifetime);
    Duration lifetime = DurationSetting.parse(DELEGATED_LIFETIME, delegatedLifetime);
    if (lifetime.isZero() || lifetime.compareTo(max) > 0) {
      throw new IllegalStateException(
          DELEGATED_LIFETIME + " must be positive and at most " + DELEGATED_MAX_LIFETIME);
    }
    if (expiresAt == null) {
      return issue(member.id(), name, now.plus(lifetime), actorId);
    }
    if (expiresAt.isAfter(now.plus(max))) {
      throw new InvalidRequestException(
          "A token for another member may last at most "
              + delegatedMaxLifetime.strip()
              + "; ask for a shorter 'expires_in' or an earlier 'expires_at'");
    }
    return issue(member.id(), name, expiresAt, actorId);
  }

  public List<ApiToken> list(String memberId) {
    return tokens.listByMember(memberId);
  }

  /** The member's tokens with their creators' userNames (null for a creator since dropped). */
  public List<ListedApiToken> listWithCreators(String memberId) {
    Map<String, String> userNames = new HashMap<>();
    return list(memberId).stream()
        .map(
            t ->
                new ListedApiToken(
                    t,
                    userNames.computeIfAbsent(
                        t.createdBy(), id -> members.find(id).map(Member::userName).orElse(null))))
        .toList();
  }

  public void drop(String memberId, String name) {
    ApiToken token =
        tokens
            .findByName(memberId, name)
            .orElseThrow(() -> new NotFoundException("You have no API token named " + name));
    tokens.remove(token);
  }

  /**
   * The member a bearer secret belongs to, in the current organization. Unknown, expired and
   * deactivated members' tokens are all refused alike, so a caller learns nothing about which it
   * was.
   */
  public Member authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw refused();
    }
    return authenticateHash(Secrets.hash(secret));
  }

  /**
   * The member whose token has this hash, refused like {@link #authenticate}: a console session
   * keeps only the hash of the token it was opened with and asks again on every request, so a
   * dropped or expired token, or a deactivated member, ends the session at once.
   */
  public Member authenticateHash(String hash) {
    ApiToken token =
        tokens
            .findByHash(hash)
            .filter(t -> Secrets.sameHash(t.tokenHash(), hash))
            .orElseThrow(ApiTokenService::refused);
    Instant now = clock.instant();
    if (token.expiredAt(now)) {
      throw refused();
    }
    Member member =
        members.find(token.memberId()).filter(Member::active).orElseThrow(ApiTokenService::refused);
    if (token.lastUsedAt().map(t -> t.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
      token.usedAt(now);
    }
    return member;
  }

  private static AuthenticationException refused() {
    return new AuthenticationException("The API token is invalid, expired or revoked");
  }
}

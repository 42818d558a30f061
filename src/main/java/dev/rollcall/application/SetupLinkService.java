package dev.rollcall.application;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.config.DurationSetting;
import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.AuthenticationException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.organization.OrganizationRepository;
import dev.rollcall.domain.organization.SetupLink;
import dev.rollcall.domain.organization.SetupLinkRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's one-time setup links: each opens the console's setup wizard for one organization,
 * acting as one active member, and can be redeemed once before it expires. The secret is shown once
 * and stored only as a hash.
 */
@Stateless
@TenantScoped
public class SetupLinkService {
  public static final String PREFIX = "rc_setup_";
  static final String LIFETIME = "rollcall.console.setup-link-lifetime";

  private final SetupLinkRepository links;
  private final MemberRepository members;
  private final OrganizationRepository organizations;
  private final AuditTrail audit;
  private final Clock clock;
  private final String lifetime;

  /** A new link's secret (nowhere else), when it expires, and the member it acts as. */
  public record IssuedSetupLink(String secret, Instant expiresAt, String userName) {
    @Override
    public String toString() {
      return "IssuedSetupLink[" + userName + ", expiresAt=" + expiresAt + ", secret=<redacted>]";
    }
  }

  @Inject
  public SetupLinkService(
      SetupLinkRepository links,
      MemberRepository members,
      OrganizationRepository organizations,
      AuditTrail audit,
      Clock clock,
      @ConfigProperty(name = LIFETIME, defaultValue = "PT24H") String lifetime) {
    this.links = links;
    this.members = members;
    this.organizations = organizations;
    this.audit = audit;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public SetupLinkService() {
    this(null, null, null, null, null, null);
  }

  /** A link acting as the active member {@code login} (userName, else email) names. */
  public IssuedSetupLink issue(String organizationId, String login) {
    if (organizations.find(organizationId).isEmpty()) {
      throw new NotFoundException("Organization " + organizationId + " does not exist");
    }
    Member member =
        members
            .findByLogin(login)
            .filter(Member::active)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "adminEmail must name an active member of the organization"));
    Duration valid = DurationSetting.parse(LIFETIME, lifetime);
    Instant now = clock.instant();
    Secrets.Issued secret = Secrets.issue(PREFIX);
    SetupLink link =
        new SetupLink(
            UUID.randomUUID().toString(), secret.hash(), member.id(), now, now.plus(valid));
    links.add(link);
    audit.operatorCall(
        "CREATE SETUP LINK",
        "POST /api/v1/organizations/"
            + organizationId
            + "/setup-links "
            + JSON.createObjectBuilder().add("adminEmail", login).build(),
        "setup link for " + member.userName() + ", valid until " + link.expiresAt());
    return new IssuedSetupLink(secret.secret(), link.expiresAt(), member.userName());
  }

  /**
   * Redeems the link: the member it acts as. An unknown, used or expired link, or one whose member
   * is no longer active, is refused alike.
   */
  public Member redeem(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      throw refused();
    }
    String hash = Secrets.hash(secret);
    Instant now = clock.instant();
    SetupLink link =
        links
            .findByHash(hash)
            .filter(l -> Secrets.sameHash(l.codeHash(), hash))
            .filter(l -> l.redeemableAt(now))
            .orElseThrow(SetupLinkService::refused);
    link.redeem(now);
    Member member = activeMember(link.memberId());
    audit.memberChange(
        member.id(),
        "REDEEM SETUP LINK",
        "setup link " + link.id(),
        "setup session opened for " + member.userName() + " (the wizard only)");
    return member;
  }

  /** The member a setup session acts as, while they are active. */
  public Member activeMember(String memberId) {
    return members.find(memberId).filter(Member::active).orElseThrow(SetupLinkService::refused);
  }

  private static AuthenticationException refused() {
    return new AuthenticationException("The setup link is invalid, used or expired");
  }
}

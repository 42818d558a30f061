package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.member.ApiTokenRepository;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import dev.rollcall.domain.role.RoleRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members as the statement API sees them: invited, listed, described and dropped by userName or
 * email.
 */
@Stateless
@TenantScoped
public class MemberService {
  private final MemberRepository members;
  private final GrantRepository grants;
  private final RoleRepository roles;
  private final ApiTokenRepository tokens;
  private final AuthorizationService authorization;
  private final PowerService power;
  private final Clock clock;
  private final OrgadminGuard orgadminGuard;

  /** A member with their directly granted role names. */
  public record MemberWithRoles(Member member, List<String> roles) {}

  /** A member with direct and effective (inherited) role names. */
  public record MemberDetails(Member member, List<String> roles, List<String> effectiveRoles) {}

  @Inject
  public MemberService(
      MemberRepository members,
      GrantRepository grants,
      RoleRepository roles,
      ApiTokenRepository tokens,
      AuthorizationService authorization,
      PowerService power,
      Clock clock,
      OrgadminGuard orgadminGuard) {
    this.members = members;
    this.grants = grants;
    this.roles = roles;
    this.tokens = tokens;
    this.authorization = authorization;
    this.power = power;
    this.clock = clock;
    this.orgadminGuard = orgadminGuard;
  }

  public MemberService() {
    this(null, null, null, null, null, null, null, null);
  }

  /**
   * Adds a member directly (there is no mail); their userName is their email, which is also their
   * SCIM email (work, primary). Only the userName must be free: emails are not unique.
   */
  public Member invite(String actorId, String email) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    if (!Emails.isPlausible(email)) {
      throw new InvalidRequestException("'" + email + "' is not an email address");
    }
    String address = email.strip();
    // the address is the member's userName too
    Lengths.requireKeyed("email", address, Member.USER_NAME_LENGTH);
    if (members.findByUserName(address).isPresent()) {
      throw new ConflictException("A user with userName " + address + " already exists");
    }
    Member member = Member.withWorkEmail(UUID.randomUUID().toString(), address, clock.instant());
    members.add(member);
    members.addEmails(member.id(), member.emails());
    return member;
  }

  /** Removes the member, their grants and their API tokens; the actor must cover the member. */
  public void drop(String actorId, String login) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Member member = find(login);
    if (member.id().equals(actorId)) {
      throw new InvalidRequestException("You cannot drop yourself");
    }
    power.requireCovers(actorId, member.id());
    remove(member);
  }

  /**
   * Removes a member and everything that hangs off them, without a privilege check; refused when it
   * would leave the organization without an active orgadmin.
   */
  public void remove(Member member) {
    orgadminGuard.run(
        "Removing user " + member.userName() + " was refused",
        () -> {
          grants.removeAllOfMember(member.id());
          tokens.removeAllOf(member.id());
          members.remove(member);
        });
  }

  /**
   * {@code ALTER USER 'x' SET ACTIVE = ...}: activates or deactivates a member no integration
   * manages (an identity provider owns its own members' state). Roles are kept; a deactivated
   * member's API tokens are refused until they are active again.
   */
  public Member alterActive(String actorId, String login, boolean active) {
    authorization.require(actorId, Privilege.MANAGE_MEMBERS);
    Member member = find(login);
    if (member.managedBy().isPresent()) {
      throw new InvalidRequestException(
          "User "
              + member.userName()
              + " is managed by a security integration; activate or deactivate them in the"
              + " identity provider");
    }
    if (member.id().equals(actorId) && !active) {
      throw new InvalidRequestException("You cannot deactivate yourself");
    }
    // re-enabling or disabling a member's tokens is acting on their power: it must be yours too
    power.requireCovers(actorId, member.id());
    if (member.active() == active) {
      return member;
    }
    if (active) {
      member.activate(clock.instant());
    } else {
      orgadminGuard.run(
          "Deactivating user " + member.userName() + " was refused",
          () -> member.deactivate(clock.instant()));
    }
    return member;
  }

  public List<MemberWithRoles> list() {
    Map<String, List<String>> roleNames = grants.roleNamesByMember();
    return members.list().stream()
        .map(m -> new MemberWithRoles(m, roleNames.getOrDefault(m.id(), List.of())))
        .toList();
  }

  public MemberDetails describe(String login) {
    Member member = find(login);
    List<String> direct =
        roles.listByIds(grants.roleIdsOfMember(member.id())).stream()
            .map(Role::name)
            .sorted()
            .toList();
    List<String> effective =
        roles.listByIds(authorization.effectiveRoleIds(member.id())).stream()
            .map(Role::name)
            .sorted()
            .toList();
    return new MemberDetails(member, direct, effective);
  }

  /**
   * The member {@code login} names: the userName ignoring case, else the one member with that
   * primary email (several: refused, naming their userNames).
   */
  public Member find(String login) {
    return members
        .findByLogin(login)
        .orElseThrow(() -> new NotFoundException("User " + login + " does not exist"));
  }
}

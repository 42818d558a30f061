package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantScoped;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import dev.rollcall.domain.role.BuiltInRole;
import dev.rollcall.domain.role.GrantRepository;
import dev.rollcall.query.AttributePath;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The console's member list: a search by userName, email or name, sorted by userName and paged in
 * the database, with each member's directly granted roles read in one query for the page. Like
 * {@code LIST USERS} it needs no privilege.
 */
@Stateless
@TenantScoped
public class MemberDirectory {
  /** The largest page the console asks for. */
  public static final int MAX_PAGE = 100;

  private final UserSearch search;
  private final GrantRepository grants;
  private final MemberRepository members;
  private final SecurityIntegrationRepository integrations;

  /** A member as the list shows it, with the directly granted role names. */
  public record ListedMember(Member member, List<String> roles) {}

  @Inject
  public MemberDirectory(
      UserSearch search,
      GrantRepository grants,
      MemberRepository members,
      SecurityIntegrationRepository integrations) {
    this.search = search;
    this.grants = grants;
    this.members = members;
    this.integrations = integrations;
  }

  public MemberDirectory() {
    this(null, null, null, null);
  }

  /** Members whose userName, email, display name, given or family name contain {@code text}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SearchPage<ListedMember> search(String text, int startIndex, int count) {
    int size = Math.max(1, Math.min(count, MAX_PAGE));
    SearchPage<UserSearch.UserMatch> page =
        search.users(
            matching(text),
            new Sort(AttributePath.of("userName"), false),
            Math.max(1, startIndex),
            size,
            BuiltInRole.ORGADMIN.roleName(),
            List.of());
    Map<String, List<String>> roles =
        grants.roleNamesOf(page.items().stream().map(m -> m.member().id()).toList());
    return new SearchPage<>(
        page.total(),
        page.items().stream()
            .map(m -> new ListedMember(m.member(), roles.getOrDefault(m.member().id(), List.of())))
            .toList());
  }

  /** How many members the integration {@code name} has provisioned (manages). */
  public long provisionedBy(String name) {
    var integration =
        integrations
            .findByName(name)
            .orElseThrow(
                () -> new NotFoundException("Security integration " + name + " does not exist"));
    return members.countManagedBy(integration.id());
  }

  static Filter matching(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Literal value = Literal.of(text.strip());
    Filter filter = null;
    for (AttributePath path :
        List.of(
            AttributePath.of("userName"),
            AttributePath.of("emails", "value"),
            AttributePath.of("displayName"),
            AttributePath.of("name", "givenName"),
            AttributePath.of("name", "familyName"))) {
      Filter contains = new Filter.Comparison(path, CompareOp.CO, value);
      filter = filter == null ? contains : new Filter.Or(filter, contains);
    }
    return filter;
  }
}

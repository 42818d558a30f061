package dev.rollcall.application;

import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.member.Member;
import dev.rollcall.query.Filter;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;
import java.util.List;
import java.util.Optional;

/** Searches the organization's members (SCIM users): filter, sort and page in, one page out. */
public interface UserSearch {

  /**
   * A member found by a user search; {@code holdsRoles} false means the search saw that the member
   * holds no role at all, so there are no groups and no orgadmin grant to read.
   */
  record UserMatch(Member member, boolean holdsRoles) {}

  /**
   * Members matching the filter (null: all); holders of the built-in role {@code orgadminRoleName}
   * have the orgadmin attribute.
   */
  SearchPage<UserMatch> users(
      Filter filter,
      Sort sort,
      int startIndex,
      int count,
      String orgadminRoleName,
      List<ExtensionDeclaration> extensions);

  /** The member with this id, and whether it holds any role. */
  Optional<UserMatch> user(String id);
}

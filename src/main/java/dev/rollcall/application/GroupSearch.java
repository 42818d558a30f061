package dev.rollcall.application;

import dev.rollcall.domain.role.Role;
import dev.rollcall.query.Filter;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;

/** Searches the organization's groups: filter, sort and page in, one page out. */
public interface GroupSearch {

  /** Groups matching the filter (null: all): the custom roles an integration manages. */
  SearchPage<Role> groups(Filter filter, Sort sort, int startIndex, int count);
}

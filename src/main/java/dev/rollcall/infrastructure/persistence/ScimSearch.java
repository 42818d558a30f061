package dev.rollcall.infrastructure.persistence;

import dev.rollcall.application.GroupSearch;
import dev.rollcall.application.UserSearch;
import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberAttribute;
import dev.rollcall.domain.member.MemberEmail;
import dev.rollcall.domain.member.UserAttribute;
import dev.rollcall.domain.role.MemberRole;
import dev.rollcall.domain.role.Role;
import dev.rollcall.infrastructure.persistence.CriteriaFilter.Column;
import dev.rollcall.infrastructure.persistence.CriteriaFilter.CompareContext;
import dev.rollcall.infrastructure.persistence.CriteriaFilter.Kind;
import dev.rollcall.infrastructure.persistence.CriteriaFilter.MultiValued;
import dev.rollcall.infrastructure.persistence.CriteriaFilter.SubPathResolver;
import dev.rollcall.query.CompareOp;
import dev.rollcall.query.Filter;
import dev.rollcall.query.Literal;
import dev.rollcall.query.SearchPage;
import dev.rollcall.query.Sort;
import dev.rollcall.query.UnsupportedFilterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

/**
 * SCIM searches over members (users) and custom roles (groups), as SQL: filter, sort and page are
 * all done by the database, and {@code totalResults} is a COUNT of every match.
 */
@ApplicationScoped
public class ScimSearch implements UserSearch, GroupSearch {
  private final EntityManager em;

  @Inject
  public ScimSearch(EntityManager em) {
    this.em = em;
  }

  protected ScimSearch() {
    this.em = null;
  }

  /**
   * Members matching the filter (null: all); holders of the built-in role {@code orgadminRoleName}
   * have the orgadmin attribute.
   */
  @Override
  public SearchPage<UserMatch> users(
      Filter filter,
      Sort sort,
      int startIndex,
      int count,
      String orgadminRoleName,
      List<ExtensionDeclaration> extensions) {
    if (isUserNameLookup(filter, sort)) {
      return userByName(((Filter.Comparison) filter).value(), startIndex, count);
    }
    SearchPage<Member> page =
        search(
            Member.class,
            filter,
            sort,
            startIndex,
            count,
            (q, cb) -> userFilter(q, cb, orgadminRoleName, extensions),
            (cb, r) -> null);
    return new SearchPage<>(
        page.total(), page.items().stream().map(m -> new UserMatch(m, true)).toList());
  }

  /**
   * Whether the search is {@code userName eq "..."} (no schema URN, no sort): the look-up an
   * identity provider sends before every create, and the most frequent request. It goes through a
   * named query prepared once, instead of a Criteria query EclipseLink translates to SQL again on
   * every request. Anything else takes the general path.
   */
  static boolean isUserNameLookup(Filter filter, Sort sort) {
    return filter instanceof Filter.Comparison c
        && c.op() == CompareOp.EQ
        && c.value() instanceof Literal.StringLiteral
        && !c.path().hasSchemaUrn()
        && !c.path().hasSubAttribute()
        && c.path().attributeMatches("userName")
        && (sort == null || sort.by() == null);
  }

  /**
   * {@code userName eq value}, with the general path's results: userName matches ignoring case (the
   * lower-cased key column), {@code totalResults} counts every match, and {@code startIndex}/{@code
   * count} page them in creation order. The key is unique per organization, so there is at most one
   * match and the total needs no COUNT. The same statement counts the member's roles, so a member
   * who holds none is read with this one query.
   */
  private SearchPage<UserMatch> userByName(Literal value, int startIndex, int count) {
    String key = Member.key(((Literal.StringLiteral) value).value());
    List<UserMatch> matches =
        em
            .createNamedQuery(Member.SEARCH_BY_USER_NAME, Object[].class)
            .setParameter("key", key)
            .getResultList()
            .stream()
            .map(ScimSearch::match)
            .sorted(
                java.util.Comparator.comparing((UserMatch m) -> m.member().createdAt())
                    .thenComparing(m -> m.member().id()))
            .toList();
    int skip = Math.max(0, startIndex - 1);
    List<UserMatch> items =
        count <= 0 ? List.of() : matches.stream().skip(skip).limit(count).toList();
    return new SearchPage<>(matches.size(), items);
  }

  /**
   * The member with this id, and whether it holds any role (GET /Users/{id}): one query for a
   * member who holds none, as for {@code userName eq}.
   */
  @Override
  public java.util.Optional<UserMatch> user(String id) {
    return em
        .createNamedQuery(Member.VIEW_BY_ID, Object[].class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .map(ScimSearch::match);
  }

  /** A row of {@link Member#WITH_ROLE_COUNT}: the member and the number of roles it holds. */
  private static UserMatch match(Object[] row) {
    return new UserMatch((Member) row[0], ((Number) row[1]).longValue() > 0);
  }

  /**
   * Groups matching the filter (null: all): the custom roles an integration manages. Roles made
   * with statements, and run-as roles, are not groups, so an identity provider can never change
   * them.
   */
  @Override
  public SearchPage<Role> groups(Filter filter, Sort sort, int startIndex, int count) {
    return search(
        Role.class,
        filter,
        sort,
        startIndex,
        count,
        this::groupFilter,
        (cb, root) -> cb.and(cb.isFalse(root.get("builtin")), cb.isNotNull(root.get("managedBy"))));
  }

  private interface FilterFactory {
    CriteriaFilter create(AbstractQuery<?> query, CriteriaBuilder cb);
  }

  private interface BasePredicate {
    Predicate apply(CriteriaBuilder cb, Root<?> root);
  }

  private <T> SearchPage<T> search(
      Class<T> type,
      Filter filter,
      Sort sort,
      int startIndex,
      int count,
      FilterFactory filters,
      BasePredicate base) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    if (count <= 0) {
      return new SearchPage<>(count(type, filter, filters, base), List.of());
    }

    CriteriaQuery<T> query = cb.createQuery(type);
    Root<T> root = query.from(type);
    CriteriaFilter criteria = filters.create(query, cb);
    query.select(root).where(where(cb, root, filter, criteria, base));
    List<Order> order = new ArrayList<>();
    if (sort != null && sort.by() != null) {
      Column column = criteria.column(sort.by());
      Expression<?> key = column.path().apply(root);
      if (column.kind() == Kind.TEXT) {
        @SuppressWarnings("unchecked")
        Expression<String> text = (Expression<String>) key;
        key = cb.lower(text);
      }
      order.add(sort.descending() ? cb.desc(key) : cb.asc(key));
    }
    order.add(cb.asc(root.get("createdAt")));
    order.add(cb.asc(root.get("id")));
    query.orderBy(order);
    // results are only shown: not registered for change tracking (no copies, nothing to compare at
    // commit)
    TypedQuery<T> page = em.createQuery(query).setHint(QueryHints.READ_ONLY, HintValues.TRUE);
    page.setFirstResult(Math.max(0, startIndex - 1));
    page.setMaxResults(count);
    List<T> items = page.getResultList();
    // a page that is not full and not empty ends the result: it tells the total without a COUNT
    // (a userName eq look-up, the most frequent search, is one query); only a full page, or an
    // empty one past the first, needs counting
    if (items.size() < count && !items.isEmpty()) {
      return new SearchPage<>(Math.max(0, startIndex - 1) + items.size(), items);
    }
    if (items.isEmpty() && startIndex <= 1) {
      return new SearchPage<>(0, items);
    }
    return new SearchPage<>(count(type, filter, filters, base), items);
  }

  private <T> long count(Class<T> type, Filter filter, FilterFactory filters, BasePredicate base) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
    Root<T> countRoot = countQuery.from(type);
    countQuery
        .select(cb.count(countRoot))
        .where(where(cb, countRoot, filter, filters.create(countQuery, cb), base));
    return em.createQuery(countQuery).getSingleResult();
  }

  private static Predicate where(
      CriteriaBuilder cb,
      Root<?> root,
      Filter filter,
      CriteriaFilter criteria,
      BasePredicate base) {
    List<Predicate> predicates = new ArrayList<>();
    Predicate basePredicate = base.apply(cb, root);
    if (basePredicate != null) {
      predicates.add(basePredicate);
    }
    if (filter != null) {
      predicates.add(criteria.toPredicate(root, filter));
    }
    return cb.and(predicates.toArray(Predicate[]::new));
  }

  private CriteriaFilter userFilter(
      AbstractQuery<?> query,
      CriteriaBuilder cb,
      String orgadminRoleName,
      List<ExtensionDeclaration> extensions) {
    Map<String, Column> columns = new HashMap<>();
    columns.put("id", column(Kind.EXACT, "id"));
    columns.put("active", column(Kind.BOOLEAN, "active"));
    columns.put("meta.created", column(Kind.INSTANT, "createdAt"));
    columns.put("meta.lastmodified", column(Kind.INSTANT, "updatedAt"));
    for (UserAttribute attribute : UserAttribute.values()) {
      Column column = column(kind(attribute.match()), attribute.field());
      columns.put(attribute.path().toLowerCase(Locale.ROOT), column);
      if (attribute.attributeName().equals("value")) {
        // a complex attribute named alone means its value (manager eq "id")
        columns.put(attribute.parent().toLowerCase(Locale.ROOT), column);
      }
    }
    // sorting by emails means by the primary email
    columns.put("emails", column(Kind.KEY, "emailKey"));
    columns.put("emails.value", column(Kind.KEY, "emailKey"));

    Map<String, MultiValued> multi = new HashMap<>();
    multi.put(
        "emails",
        rows(
            query,
            cb,
            MemberEmail.class,
            "memberId",
            "value",
            Map.of(
                "value", column(Kind.KEY, "valueKey"),
                "type", column(Kind.TEXT, "type"),
                "display", column(Kind.TEXT, "display"),
                "primary", column(Kind.BOOLEAN, "primary"))));
    multi.put(
        "groups",
        rows(
            query,
            cb,
            MemberRole.class,
            "memberId",
            "value",
            Map.of("value", column(Kind.EXACT, "roleId"))));

    // declared extension attributes: a row per (member, schema, attribute), typed columns;
    // booleans compare through the text key ("true"/"false"), because EclipseLink writes boolean
    // values in subqueries as 1/0, which Derby will not compare with a BOOLEAN column
    for (ExtensionDeclaration extension : extensions) {
      for (ExtensionDeclaration.Attribute attribute : extension.attributes()) {
        Column value =
            switch (attribute.type()) {
              case INTEGER, DECIMAL -> column(Kind.NUMBER, "number");
              case DATE_TIME -> column(Kind.INSTANT, "time");
              default -> column(Kind.KEY, "key");
            };
        multi.putIfAbsent(
            attribute.name().toLowerCase(Locale.ROOT),
            rows(
                query,
                cb,
                MemberAttribute.class,
                "memberId",
                "value",
                Map.of("value", value),
                row ->
                    cb.and(
                        cb.equal(row.get("schema"), extension.urn()),
                        cb.equal(row.get("name"), attribute.name()))));
      }
    }

    Map<String, Function<CompareContext, Predicate>> special = new HashMap<>();
    special.put("orgadmin", context -> orgadmin(query, cb, context, orgadminRoleName));
    return new CriteriaFilter(cb, columns, multi, special);
  }

  private Predicate orgadmin(
      AbstractQuery<?> query, CriteriaBuilder cb, CompareContext context, String orgadminRoleName) {
    if (context.present()) {
      return cb.conjunction();
    }
    boolean wanted;
    if (context.value() instanceof Literal.BooleanLiteral b) {
      wanted = b.value();
    } else if (context.value() instanceof Literal.StringLiteral s
        && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
      wanted = Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT));
    } else {
      throw new UnsupportedFilterException(
          "Attribute 'orgadmin' is a boolean; compare it with true or false");
    }
    if (context.op() == CompareOp.NE) {
      wanted = !wanted;
    } else if (context.op() != CompareOp.EQ) {
      throw new UnsupportedFilterException(
          "Attribute 'orgadmin' can only be compared with eq or ne");
    }
    Root<?> member = query.getRoots().iterator().next();
    Subquery<String> held = query.subquery(String.class);
    Root<MemberRole> grant = held.from(MemberRole.class);
    Root<Role> role = held.from(Role.class);
    held.select(grant.<String>get("memberId"))
        .where(
            cb.equal(grant.get("memberId"), member.get("id")),
            cb.equal(role.get("id"), grant.get("roleId")),
            // (role names are unique and built-in names are reserved: the name alone identifies it;
            // a boolean compared in a subquery is sent as 1/0, which Derby refuses)
            cb.equal(role.get("name"), orgadminRoleName));
    return wanted ? cb.exists(held) : cb.not(cb.exists(held));
  }

  private CriteriaFilter groupFilter(AbstractQuery<?> query, CriteriaBuilder cb) {
    Map<String, Column> columns = new HashMap<>();
    columns.put("id", column(Kind.EXACT, "id"));
    columns.put("displayname", column(Kind.KEY, "nameKey"));
    columns.put("externalid", column(Kind.EXACT, "externalId"));
    columns.put("meta.created", column(Kind.INSTANT, "createdAt"));
    columns.put("meta.lastmodified", column(Kind.INSTANT, "updatedAt"));
    Map<String, MultiValued> multi = new HashMap<>();
    multi.put(
        "members",
        rows(
            query,
            cb,
            MemberRole.class,
            "roleId",
            "value",
            Map.of("value", column(Kind.EXACT, "memberId"))));
    return new CriteriaFilter(cb, columns, multi, Map.of());
  }

  private static Kind kind(UserAttribute.Match match) {
    return switch (match) {
      case KEY -> Kind.KEY;
      case TEXT, URL -> Kind.TEXT;
      case EXACT, ID -> Kind.EXACT;
    };
  }

  private static Column column(Kind kind, String attribute) {
    return new Column(kind, root -> root.get(attribute));
  }

  /** A multi-valued attribute stored as rows of {@code rowType} pointing at the owner's id. */
  private static MultiValued rows(
      AbstractQuery<?> query,
      CriteriaBuilder cb,
      Class<?> rowType,
      String ownerColumn,
      String defaultSub,
      Map<String, Column> subColumns) {
    return rows(query, cb, rowType, ownerColumn, defaultSub, subColumns, row -> cb.conjunction());
  }

  /** As above, for rows that also have to match {@code fixed} (an attribute's schema and name). */
  private static MultiValued rows(
      AbstractQuery<?> query,
      CriteriaBuilder cb,
      Class<?> rowType,
      String ownerColumn,
      String defaultSub,
      Map<String, Column> subColumns,
      Function<Root<?>, Predicate> fixed) {
    return new MultiValued() {
      @Override
      public Predicate exists(Path<?> owner, Function<SubPathResolver, Predicate> condition) {
        Subquery<String> rows = query.subquery(String.class);
        Root<?> row = rows.from(rowType);
        SubPathResolver resolver =
            new SubPathResolver() {
              @Override
              public Column column(String subAttribute) {
                Column column = subColumns.get(subAttribute.toLowerCase(Locale.ROOT));
                if (column == null) {
                  throw new UnsupportedFilterException(
                      "Sub-attribute '"
                          + subAttribute
                          + "' cannot be filtered on; supported: "
                          + subColumns.keySet());
                }
                return column;
              }

              @Override
              public Path<?> row() {
                return row;
              }
            };
        // the subquery selects a column, not a literal: a literal in a select list makes
        // EclipseLink send the whole statement unbound on Derby, which then refuses the
        // booleans it prints as 0/1 (builtin = 0 in every group search)
        rows.select(row.<String>get(ownerColumn))
            .where(
                cb.equal(row.get(ownerColumn), owner.get("id")),
                fixed.apply(row),
                condition.apply(resolver));
        return cb.exists(rows);
      }

      @Override
      public String defaultSubAttribute() {
        return defaultSub;
      }
    };
  }
}

package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.ConflictException;
import dev.rollcall.domain.TenantOwned;
import dev.rollcall.domain.member.CustomAttribute;
import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberAttribute;
import dev.rollcall.domain.member.MemberEmail;
import dev.rollcall.domain.member.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {
  /**
   * The userName match first (managed or not), then the email matches of members no integration
   * manages, oldest first: {@code members.email_key} (the primary email) and {@code member_emails}
   * (every email).
   */
  private static final String BY_USER_NAME_OR_EMAIL =
      "SELECT id, 0, created_at FROM members WHERE org_id = ?1 AND user_name_key = ?2"
          + " UNION ALL SELECT id, 1, created_at FROM members WHERE org_id = ?3 AND email_key = ?4"
          + " AND managed_by IS NULL"
          + " UNION ALL SELECT m.id, 1, m.created_at FROM member_emails e JOIN members m"
          + " ON m.org_id = e.org_id AND m.id = e.member_id WHERE e.org_id = ?5 AND e.value_key = ?6"
          + " AND m.managed_by IS NULL"
          + " ORDER BY 2, 3, 1";

  private final EntityManager em;

  @Inject
  public JpaMemberRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaMemberRepository() {
    this.em = null;
  }

  @Override
  public void add(Member member) {
    em.persist(member);
  }

  @Override
  public Optional<Member> find(String id) {
    return Optional.ofNullable(em.find(Member.class, id));
  }

  @Override
  public Optional<Member> findByLogin(String login) {
    Optional<Member> byUserName = findByUserName(login);
    if (byUserName.isPresent()) {
      return byUserName;
    }
    List<Member> byEmail =
        em.createNamedQuery(Member.FIND_BY_EMAIL_KEY, Member.class)
            .setParameter("key", Member.key(login))
            .getResultList();
    if (byEmail.size() > 1) {
      String userNames =
          byEmail.stream().map(Member::userName).sorted().collect(Collectors.joining(", "));
      throw new ConflictException(
          "Several users have the email "
              + login
              + " ("
              + userNames
              + (byEmail.size() == Member.FOUND_BY_EMAIL ? ", ..." : "")
              + "); name one by userName");
    }
    return byEmail.stream().findFirst();
  }

  @Override
  public List<Member> list() {
    return em.createNamedQuery(Member.LIST, Member.class).getResultList();
  }

  @Override
  public long countManagedBy(String integrationId) {
    return em.createNamedQuery(Member.COUNT_MANAGED_BY, Long.class)
        .setParameter("integration", integrationId)
        .getSingleResult();
  }

  @Override
  public void remove(Member member) {
    em.createNamedQuery(MemberEmail.DELETE_OF_MEMBER)
        .setParameter("member", member.id())
        .executeUpdate();
    em.createNamedQuery(MemberAttribute.DELETE_OF_MEMBER)
        .setParameter("member", member.id())
        .executeUpdate();
    em.remove(member);
  }

  @Override
  public Optional<Member> findByUserName(String userName) {
    return em.createNamedQuery(Member.FIND_BY_USER_NAME, Member.class)
        .setParameter("key", Member.key(userName))
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Member> findByUserNameOrEmail(String userName, String email) {
    // One statement for the three indexed look-ups, each a branch of a UNION ALL: in JPQL they
    // were three statements (an OR across the columns made the databases scan the organization),
    // and EclipseLink writes a JPQL UNION's parameters as literals, a new SQL text every time. A
    // native query gets no tenant criteria from EclipseLink (which is why it refuses native SQL
    // unless a query asks for it): every branch names the organization.
    String tenant = (String) em.getProperties().get(TenantOwned.TENANT_PROPERTY);
    if (tenant == null) {
      throw new IllegalStateException("no organization on the persistence context");
    }
    List<?> ids =
        em.createNativeQuery(BY_USER_NAME_OR_EMAIL)
            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, HintValues.TRUE)
            .setParameter(1, tenant)
            .setParameter(2, Member.key(userName))
            .setParameter(3, tenant)
            .setParameter(4, Member.key(email))
            .setParameter(5, tenant)
            .setParameter(6, Member.key(email))
            // no setMaxResults: on a native query it becomes JDBC's setMaxRows, which MySQL's
            // driver sends as SET SQL_SELECT_LIMIT before the query and again to reset it, two
            // round trips more than the rows (a userName match and the members with the address)
            .getResultList();
    return ids.stream().findFirst().map(row -> em.find(Member.class, ((Object[]) row)[0]));
  }

  @Override
  public Set<String> existingIds(Collection<String> ids) {
    Set<String> found = new HashSet<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += Batches.SIZE) {
      found.addAll(
          em.createNamedQuery(Member.EXISTING_IDS, String.class)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + Batches.SIZE)))
              .getResultList());
    }
    return found;
  }

  @Override
  public boolean replaceEmails(String memberId, List<Email> emails) {
    // rewrite rows in place by position: no delete-and-reinsert of the same keys in one transaction
    List<MemberEmail> existing =
        em.createNamedQuery(MemberEmail.OF_MEMBERS, MemberEmail.class)
            .setParameter("members", List.of(memberId))
            .getResultList();
    boolean changed = existing.size() != emails.size();
    for (int i = 0; i < emails.size(); i++) {
      if (i >= existing.size()) {
        em.persist(new MemberEmail(memberId, i, emails.get(i)));
      } else if (!existing.get(i).toEmail().equals(emails.get(i))) {
        existing.get(i).change(emails.get(i));
        changed = true;
      }
    }
    for (int i = emails.size(); i < existing.size(); i++) {
      em.remove(existing.get(i));
    }
    return changed;
  }

  @Override
  public void addEmails(String memberId, List<Email> emails) {
    for (int i = 0; i < emails.size(); i++) {
      em.persist(new MemberEmail(memberId, i, emails.get(i)));
    }
  }

  @Override
  public void addAttributes(String memberId, List<CustomAttribute> values) {
    for (CustomAttribute value : values) {
      em.persist(new MemberAttribute(memberId, value));
    }
  }

  @Override
  public Map<String, List<CustomAttribute>> attributesOf(Collection<String> memberIds) {
    Map<String, List<CustomAttribute>> byMember = new HashMap<>();
    List<String> all = List.copyOf(memberIds);
    for (int from = 0; from < all.size(); from += Batches.SIZE) {
      for (MemberAttribute value :
          em.createNamedQuery(MemberAttribute.OF_MEMBERS, MemberAttribute.class)
              .setParameter("members", all.subList(from, Math.min(all.size(), from + Batches.SIZE)))
              .getResultList()) {
        byMember.computeIfAbsent(value.memberId(), k -> new ArrayList<>()).add(value.toValue());
      }
    }
    return byMember;
  }

  @Override
  public boolean replaceAttributes(String memberId, List<CustomAttribute> values) {
    // rewrite rows in place by key: no delete-and-reinsert of the same keys in one transaction
    Map<String, MemberAttribute> existing = new HashMap<>();
    for (MemberAttribute row :
        em.createNamedQuery(MemberAttribute.OF_MEMBERS, MemberAttribute.class)
            .setParameter("members", List.of(memberId))
            .getResultList()) {
      existing.put(row.schema() + " " + row.name(), row);
    }
    boolean changed = false;
    for (CustomAttribute value : values) {
      MemberAttribute row = existing.remove(value.schema() + " " + value.name());
      if (row == null) {
        em.persist(new MemberAttribute(memberId, value));
        changed = true;
      } else if (!row.toValue().sameAs(value)) {
        row.change(value);
        changed = true;
      }
    }
    existing.values().forEach(em::remove);
    return changed || !existing.isEmpty();
  }

  @Override
  public void flush() {
    em.flush();
  }
}

package dev.rollcall.infrastructure.persistence;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {
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
    String key = Member.key(login);
    return Stream.concat(
            em.createNamedQuery(Member.FIND_BY_EMAIL_KEY, Member.class)
                .setParameter("key", key)
                .getResultStream(),
            findByUserName(login).stream())
        .min(Comparator.comparing(Member::createdAt));
  }

  @Override
  public List<Member> list() {
    return em.createNamedQuery(Member.LIST, Member.class).getResultList();
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
  public List<Member> findByEmail(String email) {
    String key = Member.key(email);
    Map<String, Member> found = new LinkedHashMap<>();
    for (String query : List.of(Member.FIND_BY_EMAIL_KEY, Member.FIND_BY_LISTED_EMAIL)) {
      em.createNamedQuery(query, Member.class)
          .setParameter("key", key)
          .getResultList()
          .forEach(m -> found.putIfAbsent(m.id(), m));
    }
    return found.values().stream()
        .sorted(Comparator.comparing(Member::createdAt))
        .limit(Member.FOUND_BY_EMAIL)
        .toList();
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

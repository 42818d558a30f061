package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.member.Email;
import dev.rollcall.domain.member.Member;
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
    return em.createNamedQuery(Member.FIND_BY_LOGIN, Member.class)
        .setParameter("key", Member.key(login))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
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
    return em.createNamedQuery(Member.FIND_BY_EMAIL, Member.class)
        .setParameter("key", Member.key(email))
        .setMaxResults(10)
        .getResultList();
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
  public List<Email> emailsOf(String memberId) {
    return emailsOf(List.of(memberId)).getOrDefault(memberId, List.of());
  }

  @Override
  public Map<String, List<Email>> emailsOf(Collection<String> memberIds) {
    Map<String, List<Email>> byMember = new HashMap<>();
    if (memberIds.isEmpty()) {
      return byMember;
    }
    List<String> all = List.copyOf(memberIds);
    for (int from = 0; from < all.size(); from += Batches.SIZE) {
      for (MemberEmail email :
          em.createNamedQuery(MemberEmail.OF_MEMBERS, MemberEmail.class)
              .setParameter("members", all.subList(from, Math.min(all.size(), from + Batches.SIZE)))
              .getResultList()) {
        byMember.computeIfAbsent(email.memberId(), k -> new ArrayList<>()).add(email.toEmail());
      }
    }
    return byMember;
  }

  @Override
  public void replaceEmails(String memberId, List<Email> emails) {
    em.createNamedQuery(MemberEmail.DELETE_OF_MEMBER)
        .setParameter("member", memberId)
        .executeUpdate();
    for (int i = 0; i < emails.size(); i++) {
      em.persist(new MemberEmail(memberId, i, emails.get(i)));
    }
  }

  @Override
  public void flush() {
    em.flush();
  }
}

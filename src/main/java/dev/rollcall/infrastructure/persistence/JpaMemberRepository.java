package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.member.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

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
    em.remove(member);
  }
}

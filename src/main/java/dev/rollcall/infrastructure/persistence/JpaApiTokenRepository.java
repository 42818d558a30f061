package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.member.ApiToken;
import dev.rollcall.domain.member.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaApiTokenRepository implements ApiTokenRepository {
  private final EntityManager em;

  @Inject
  public JpaApiTokenRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaApiTokenRepository() {
    this.em = null;
  }

  @Override
  public void add(ApiToken token) {
    em.persist(token);
  }

  @Override
  public Optional<ApiToken> findByHash(String tokenHash) {
    return em.createNamedQuery(ApiToken.FIND_BY_HASH, ApiToken.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApiToken> findByName(String memberId, String name) {
    return em.createNamedQuery(ApiToken.FIND_BY_NAME, ApiToken.class)
        .setParameter("member", memberId)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApiToken> listByMember(String memberId) {
    return em.createNamedQuery(ApiToken.LIST_BY_MEMBER, ApiToken.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  @Override
  public void remove(ApiToken token) {
    em.remove(token);
  }

  @Override
  public void removeAllOf(String memberId) {
    em.createNamedQuery(ApiToken.DELETE_BY_MEMBER).setParameter("member", memberId).executeUpdate();
  }

  @Override
  public void flush() {
    em.flush();
  }
}

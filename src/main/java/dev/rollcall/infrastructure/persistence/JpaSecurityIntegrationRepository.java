package dev.rollcall.infrastructure.persistence;

import dev.rollcall.domain.integration.ExtensionDeclaration;
import dev.rollcall.domain.integration.SecurityIntegration;
import dev.rollcall.domain.integration.SecurityIntegrationRepository;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.role.Privilege;
import dev.rollcall.domain.role.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSecurityIntegrationRepository implements SecurityIntegrationRepository {
  private final EntityManager em;

  @Inject
  public JpaSecurityIntegrationRepository(EntityManager em) {
    this.em = em;
  }

  protected JpaSecurityIntegrationRepository() {
    this.em = null;
  }

  @Override
  public void add(SecurityIntegration integration) {
    em.persist(integration);
  }

  @Override
  public Optional<SecurityIntegration> find(String id) {
    return Optional.ofNullable(em.find(SecurityIntegration.class, id));
  }

  @Override
  public Optional<SecurityIntegration> findByName(String name) {
    return em.createNamedQuery(SecurityIntegration.FIND_BY_NAME, SecurityIntegration.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public TokenLookup authenticate(String tokenHash, Privilege privilege) {
    List<Object[]> rows =
        em.createNamedQuery(SecurityIntegration.AUTHENTICATE, Object[].class)
            .setParameter("hash", tokenHash)
            .setParameter("privilege", privilege)
            .getResultList();
    SecurityIntegration match = null;
    boolean holds = false;
    List<ExtensionDeclaration> declared = new ArrayList<>();
    for (Object[] row : rows) {
      SecurityIntegration integration = (SecurityIntegration) row[0];
      if (tokenHash.equals(integration.tokenHash())) {
        match = integration;
        holds = ((Number) row[1]).longValue() > 0;
      }
      integration.extension().ifPresent(declared::add);
    }
    return new TokenLookup(Optional.ofNullable(match), holds, List.copyOf(declared));
  }

  @Override
  public List<SecurityIntegration> list() {
    return em.createNamedQuery(SecurityIntegration.LIST, SecurityIntegration.class).getResultList();
  }

  @Override
  public void recordTokenUse(String id, Instant now, Instant notBefore) {
    em.createNamedQuery(SecurityIntegration.RECORD_TOKEN_USE)
        .setParameter("id", id)
        .setParameter("now", now)
        .setParameter("notBefore", notBefore)
        .executeUpdate();
  }

  @Override
  public List<SecurityIntegration> listByRunAsRole(String roleId) {
    return em.createNamedQuery(SecurityIntegration.LIST_BY_RUN_AS_ROLE, SecurityIntegration.class)
        .setParameter("role", roleId)
        .getResultList();
  }

  @Override
  public void remove(SecurityIntegration integration) {
    em.createNamedQuery(Member.RELEASE_FROM_INTEGRATION)
        .setParameter("integration", integration.id())
        .executeUpdate();
    em.createNamedQuery(Role.RELEASE_FROM_INTEGRATION)
        .setParameter("integration", integration.id())
        .executeUpdate();
    em.remove(integration);
  }

  @Override
  public void flush() {
    em.flush();
  }
}

package dev.rollcall.it;

import dev.rollcall.domain.role.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** A test-only bean that reads tenant data without entering an organization (as a bug would). */
@Stateless
public class UntenantedReader {
  @PersistenceContext(unitName = "rollcall")
  EntityManager em;

  public List<Role> allRoles() {
    return em.createNamedQuery(Role.LIST, Role.class).getResultList();
  }
}

package dev.rollcall.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the container-managed, transaction-scoped persistence context injectable by constructor.
 */
@ApplicationScoped
public class Persistence {
  @Produces
  @PersistenceContext(unitName = "rollcall")
  private EntityManager entityManager;
}

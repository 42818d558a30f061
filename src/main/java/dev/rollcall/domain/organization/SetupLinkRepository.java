package dev.rollcall.domain.organization;

import java.util.Optional;

/** The current organization's setup links, found by the hash of their secret. */
public interface SetupLinkRepository {
  void add(SetupLink link);

  Optional<SetupLink> findByHash(String codeHash);
}

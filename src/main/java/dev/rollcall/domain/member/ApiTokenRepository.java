package dev.rollcall.domain.member;

import java.util.List;
import java.util.Optional;

public interface ApiTokenRepository {
  void add(ApiToken token);

  Optional<ApiToken> findByHash(String tokenHash);

  Optional<ApiToken> findByName(String memberId, String name);

  List<ApiToken> listByMember(String memberId);

  void remove(ApiToken token);

  void removeAllOf(String memberId);

  /** Writes pending changes now, so a unique key violated by a concurrent writer surfaces here. */
  void flush();
}

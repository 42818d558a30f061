package dev.rollcall.domain.member;

import java.util.List;
import java.util.Optional;

public interface MemberRepository {
  void add(Member member);

  Optional<Member> find(String id);

  /** The member whose primary email or userName equals {@code login}, ignoring case. */
  Optional<Member> findByLogin(String login);

  List<Member> list();

  void remove(Member member);
}

package dev.rollcall.domain.member;

import java.util.List;
import java.util.Optional;

public interface MemberRepository {
  void add(Member member);

  Optional<Member> find(String id);

  /**
   * The member a statement names: the one whose userName equals {@code login}, else the one whose
   * primary email does (ignoring case).
   *
   * @throws dev.rollcall.domain.ConflictException when no userName matches and several members have
   *     that email (the message lists their userNames)
   */
  Optional<Member> findByLogin(String login);

  List<Member> list();

  Optional<Member> findByUserName(String userName);

  /**
   * The member a user pushed by an identity provider is: the one with that userName (managed by an
   * integration or not), else the earliest created member no integration manages having {@code
   * email} among their emails (or as their primary email); names and addresses compare ignoring
   * case.
   */
  Optional<Member> findByUserNameOrEmail(String userName, String email);

  /** Which of these ids are members of the organization. */
  java.util.Set<String> existingIds(java.util.Collection<String> ids);

  /**
   * Replaces the index rows of the member's emails with these, in order; whether that changed
   * anything. (The member's own row carries its emails too: {@link Member#emails()}.)
   */
  boolean replaceEmails(String memberId, List<Email> emails);

  /** Stores the email index rows of a member known to have none yet, without reading first. */
  void addEmails(String memberId, List<Email> emails);

  /** Declared extension attribute values of each member, by member id. */
  java.util.Map<String, List<CustomAttribute>> attributesOf(java.util.Collection<String> memberIds);

  /** Replaces the member's extension attribute values with these; whether that changed anything. */
  boolean replaceAttributes(String memberId, List<CustomAttribute> values);

  /** Stores the values of a member known to have none yet, without reading first. */
  void addAttributes(String memberId, List<CustomAttribute> values);

  /** Writes pending changes now, so constraint violations surface inside the caller. */
  void flush();

  void remove(Member member);

  /** How many members the integration with this id manages. */
  long countManagedBy(String integrationId);
}

package dev.rollcall.domain.member;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/** One email address of a member, in the order the identity provider sent them. */
@Entity
@Table(name = "member_emails")
@IdClass(MemberEmail.Key.class)
@NamedQuery(
    name = MemberEmail.OF_MEMBERS,
    query =
        "SELECT e FROM MemberEmail e WHERE e.memberId IN :members ORDER BY e.memberId, e.position")
@NamedQuery(
    name = MemberEmail.DELETE_OF_MEMBER,
    query = "DELETE FROM MemberEmail e WHERE e.memberId = :member")
@NamedQuery(
    name = MemberEmail.MEMBERS_WITH_VALUE,
    query = "SELECT e.memberId FROM MemberEmail e WHERE e.valueKey = :value")
public class MemberEmail extends TenantOwned {
  // column lengths (db/changelog), checked before a write (Profile#requireFits)
  public static final int VALUE_LENGTH = 320;
  public static final int TYPE_LENGTH = 64;
  public static final int DISPLAY_LENGTH = 320;

  public static final String OF_MEMBERS = "MemberEmail.ofMembers";
  public static final String DELETE_OF_MEMBER = "MemberEmail.deleteOfMember";
  public static final String MEMBERS_WITH_VALUE = "MemberEmail.membersWithValue";

  @Id
  @Column(name = "member_id", length = 36)
  private String memberId;

  @Id
  @Column(name = "position")
  private int position;

  @Column(name = "email_value", nullable = false, length = VALUE_LENGTH)
  private String value;

  @Column(name = "value_key", nullable = false, length = VALUE_LENGTH)
  private String valueKey;

  @Column(name = "email_type", length = TYPE_LENGTH)
  private String type;

  @Column(name = "display", length = DISPLAY_LENGTH)
  private String display;

  @Column(name = "is_primary", nullable = false)
  private boolean primary;

  protected MemberEmail() {}

  public MemberEmail(String memberId, int position, Email email) {
    this.memberId = Objects.requireNonNull(memberId);
    this.position = position;
    change(email);
  }

  /** Holds another address at the same position. */
  public void change(Email email) {
    this.value = email.value();
    this.valueKey = email.value().toLowerCase(Locale.ROOT);
    this.type = email.type();
    this.display = email.display();
    this.primary = email.primary();
  }

  public String memberId() {
    return memberId;
  }

  public int position() {
    return position;
  }

  public Email toEmail() {
    return new Email(value, type, display, primary);
  }

  /** Primary key class (a plain class: the JPA provider instantiates and fills it). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String memberId;
    private int position;

    public Key() {}

    public Key(String memberId, int position) {
      this.memberId = memberId;
      this.position = position;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(memberId, k.memberId)
          && java.util.Objects.equals(position, k.position);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(memberId, position);
    }
  }
}

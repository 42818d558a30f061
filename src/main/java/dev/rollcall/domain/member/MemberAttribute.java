package dev.rollcall.domain.member;

import dev.rollcall.domain.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One stored extension attribute value of a member (see {@link CustomAttribute}). */
@Entity
@Table(name = "member_attributes")
@IdClass(MemberAttribute.Key.class)
@NamedQuery(
    name = MemberAttribute.OF_MEMBERS,
    query =
        "SELECT a FROM MemberAttribute a WHERE a.memberId IN :members ORDER BY a.memberId, a.schema, a.name")
@NamedQuery(
    name = MemberAttribute.DELETE_OF_MEMBER,
    query = "DELETE FROM MemberAttribute a WHERE a.memberId = :member")
public class MemberAttribute extends TenantOwned {
  public static final String OF_MEMBERS = "MemberAttribute.ofMembers";
  public static final String DELETE_OF_MEMBER = "MemberAttribute.deleteOfMember";

  /**
   * The longest text value: its lower-cased copy is the indexed key filters compare whole
   * (value_key; MySQL's 3072-byte index limit leaves room for 255 characters).
   */
  public static final int TEXT_LENGTH = 255;

  /** Digits before the decimal point that value_number (DECIMAL(31,10)) holds. */
  public static final int NUMBER_INTEGER_DIGITS = 21;

  @Id
  @Column(name = "member_id", length = 36)
  private String memberId;

  @Id
  @Column(name = "schema_urn")
  private String schema;

  @Id
  @Column(name = "attr_name")
  private String name;

  @Column(name = "value_text")
  private String text;

  @Column(name = "value_key")
  private String key;

  @Column(name = "value_number")
  private BigDecimal number;

  @Column(name = "value_bool")
  private Boolean flag;

  @Column(name = "value_time")
  private Instant time;

  protected MemberAttribute() {}

  public MemberAttribute(String memberId, CustomAttribute value) {
    this.memberId = Objects.requireNonNull(memberId);
    this.schema = value.schema();
    this.name = value.name();
    change(value);
  }

  public void change(CustomAttribute value) {
    this.text = value.text();
    // the key is what filters compare: lower-cased text, or "true"/"false" for flags
    this.key =
        value.text() != null
            ? truncate(value.text().toLowerCase(Locale.ROOT))
            : value.flag() != null ? value.flag().toString() : null;
    this.number = value.number();
    this.flag = value.flag();
    this.time = value.time();
  }

  private static String truncate(String key) {
    // values are checked against TEXT_LENGTH before a write, so the key is never cut in practice
    return key.length() > TEXT_LENGTH ? key.substring(0, TEXT_LENGTH) : key;
  }

  public String memberId() {
    return memberId;
  }

  public String schema() {
    return schema;
  }

  public String name() {
    return name;
  }

  public CustomAttribute toValue() {
    return new CustomAttribute(schema, name, text, number, flag, time);
  }

  /** Primary key class (a plain class: the JPA provider instantiates and fills it). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String memberId;
    private String schema;
    private String name;

    public Key() {}

    public Key(String memberId, String schema, String name) {
      this.memberId = memberId;
      this.schema = schema;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(memberId, k.memberId)
          && Objects.equals(schema, k.schema)
          && Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(memberId, schema, name);
    }
  }
}

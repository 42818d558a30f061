package dev.rollcall.domain.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A member's name in parts (SCIM {@code name}); every part optional. */
@Embeddable
public class PersonName {
  // column lengths (db/changelog), checked before a write
  public static final int FORMATTED_LENGTH = 512;
  public static final int PART_LENGTH = 255;
  public static final int HONORIFIC_LENGTH = 64;

  @Column(name = "formatted_name", length = FORMATTED_LENGTH)
  private String formatted;

  @Column(name = "family_name", length = PART_LENGTH)
  private String familyName;

  @Column(name = "given_name", length = PART_LENGTH)
  private String givenName;

  @Column(name = "middle_name", length = PART_LENGTH)
  private String middleName;

  @Column(name = "honorific_prefix", length = HONORIFIC_LENGTH)
  private String honorificPrefix;

  @Column(name = "honorific_suffix", length = HONORIFIC_LENGTH)
  private String honorificSuffix;

  protected PersonName() {}

  public PersonName(
      String formatted,
      String familyName,
      String givenName,
      String middleName,
      String honorificPrefix,
      String honorificSuffix) {
    this.formatted = formatted;
    this.familyName = familyName;
    this.givenName = givenName;
    this.middleName = middleName;
    this.honorificPrefix = honorificPrefix;
    this.honorificSuffix = honorificSuffix;
  }

  public static PersonName empty() {
    return new PersonName(null, null, null, null, null, null);
  }

  public boolean isEmpty() {
    return formatted == null
        && familyName == null
        && givenName == null
        && middleName == null
        && honorificPrefix == null
        && honorificSuffix == null;
  }

  public String formatted() {
    return formatted;
  }

  public String familyName() {
    return familyName;
  }

  public String givenName() {
    return givenName;
  }

  public String middleName() {
    return middleName;
  }

  public String honorificPrefix() {
    return honorificPrefix;
  }

  public String honorificSuffix() {
    return honorificSuffix;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonName n
        && Objects.equals(formatted, n.formatted)
        && Objects.equals(familyName, n.familyName)
        && Objects.equals(givenName, n.givenName)
        && Objects.equals(middleName, n.middleName)
        && Objects.equals(honorificPrefix, n.honorificPrefix)
        && Objects.equals(honorificSuffix, n.honorificSuffix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        formatted, familyName, givenName, middleName, honorificPrefix, honorificSuffix);
  }
}

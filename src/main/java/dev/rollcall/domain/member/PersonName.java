package dev.rollcall.domain.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A member's name in parts (SCIM {@code name}); every part optional. */
@Embeddable
public class PersonName {
  @Column(name = "formatted_name")
  private String formatted;

  @Column(name = "family_name")
  private String familyName;

  @Column(name = "given_name")
  private String givenName;

  @Column(name = "middle_name")
  private String middleName;

  @Column(name = "honorific_prefix")
  private String honorificPrefix;

  @Column(name = "honorific_suffix")
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

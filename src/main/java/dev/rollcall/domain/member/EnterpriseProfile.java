package dev.rollcall.domain.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The enterprise extension's attributes (RFC 7643 §4.3); every one optional. */
@Embeddable
public class EnterpriseProfile {
  /** The length of every enterprise column (db/changelog), checked before a write. */
  public static final int VALUE_LENGTH = 255;

  @Column(name = "employee_number", length = VALUE_LENGTH)
  private String employeeNumber;

  @Column(name = "cost_center", length = VALUE_LENGTH)
  private String costCenter;

  @Column(name = "organization_name", length = VALUE_LENGTH)
  private String organization;

  @Column(name = "division", length = VALUE_LENGTH)
  private String division;

  @Column(name = "department", length = VALUE_LENGTH)
  private String department;

  @Column(name = "manager_id", length = VALUE_LENGTH)
  private String managerId;

  protected EnterpriseProfile() {}

  public EnterpriseProfile(
      String employeeNumber,
      String costCenter,
      String organization,
      String division,
      String department,
      String managerId) {
    this.employeeNumber = employeeNumber;
    this.costCenter = costCenter;
    this.organization = organization;
    this.division = division;
    this.department = department;
    this.managerId = managerId;
  }

  public static EnterpriseProfile empty() {
    return new EnterpriseProfile(null, null, null, null, null, null);
  }

  public boolean isEmpty() {
    return employeeNumber == null
        && costCenter == null
        && organization == null
        && division == null
        && department == null
        && managerId == null;
  }

  public String employeeNumber() {
    return employeeNumber;
  }

  public String costCenter() {
    return costCenter;
  }

  public String organization() {
    return organization;
  }

  public String division() {
    return division;
  }

  public String department() {
    return department;
  }

  public String managerId() {
    return managerId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnterpriseProfile e
        && java.util.Objects.equals(employeeNumber, e.employeeNumber)
        && java.util.Objects.equals(costCenter, e.costCenter)
        && java.util.Objects.equals(organization, e.organization)
        && java.util.Objects.equals(division, e.division)
        && java.util.Objects.equals(department, e.department)
        && java.util.Objects.equals(managerId, e.managerId);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        employeeNumber, costCenter, organization, division, department, managerId);
  }
}

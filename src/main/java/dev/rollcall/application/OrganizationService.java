package dev.rollcall.application;

import dev.rollcall.application.tenancy.TenantContext;
import dev.rollcall.domain.InvalidRequestException;
import dev.rollcall.domain.Lengths;
import dev.rollcall.domain.NotFoundException;
import dev.rollcall.domain.member.Member;
import dev.rollcall.domain.organization.Organization;
import dev.rollcall.domain.organization.OrganizationRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/** The operator's view of organizations: creating one sets up everything its first admin needs. */
@Stateless
public class OrganizationService {
  private final TenantContext tenant;
  private final OrganizationSetup setup;
  private final OrganizationRepository organizations;
  private final AuditTrail audit;

  /**
   * What the operator gets back: the new organization and its first admin's API token (shown once).
   */
  public record CreatedOrganization(String id, String name, String adminToken) {
    @Override
    public String toString() {
      return "CreatedOrganization[id=" + id + ", name=" + name + ", adminToken=<redacted>]";
    }
  }

  @Inject
  public OrganizationService(
      TenantContext tenant,
      OrganizationSetup setup,
      OrganizationRepository organizations,
      AuditTrail audit) {
    this.tenant = tenant;
    this.setup = setup;
    this.organizations = organizations;
    this.audit = audit;
  }

  public OrganizationService() {
    this(null, null, null, null);
  }

  /** Creates the organization, its built-in roles and a first member holding {@code orgadmin}. */
  public CreatedOrganization create(String name, String adminEmail) {
    if (name == null || name.isBlank() || name.length() > Organization.NAME_LENGTH) {
      throw new InvalidRequestException(
          "name must be 1 to " + Organization.NAME_LENGTH + " characters");
    }
    if (adminEmail == null || !Emails.isPlausible(adminEmail)) {
      throw new InvalidRequestException("adminEmail must be an email address");
    }
    // the address is the first member's userName too
    Lengths.requireKeyed("adminEmail", adminEmail.strip(), Member.USER_NAME_LENGTH);
    String id = UUID.randomUUID().toString();
    tenant.enter(id);
    String token = setup.setUp(id, name.strip(), adminEmail.strip());
    // in the organization's own audit trail, in the transaction that creates it
    audit.operatorCall(
        "CREATE ORGANIZATION",
        "POST /api/v1/organizations "
            + quoted("name", name.strip(), "adminEmail", adminEmail.strip()),
        "organization " + name.strip() + " created; " + adminEmail.strip() + " holds orgadmin");
    return new CreatedOrganization(id, name.strip(), token);
  }

  /**
   * The operator's recovery call: the member named {@code adminEmail} becomes an active orgadmin
   * with a new API token (created if no member has that userName or email).
   */
  public OrganizationSetup.Recovery recover(String id, String adminEmail) {
    if (adminEmail == null || !Emails.isPlausible(adminEmail)) {
      throw new InvalidRequestException("adminEmail must be an email address");
    }
    tenant.enter(id);
    OrganizationSetup.Recovery recovery = setup.recover(id, adminEmail.strip());
    audit.operatorCall(
        "RECOVER ORGANIZATION",
        "POST /api/v1/organizations/"
            + id
            + "/recovery "
            + quoted("adminEmail", adminEmail.strip()),
        "member "
            + recovery.member().userName()
            + (recovery.created() ? " created" : " reactivated")
            + ", holds orgadmin, new API token issued");
    return recovery;
  }

  /** A call's JSON body as the audit trail shows it (operator bodies hold no secrets). */
  private static String quoted(String... namesAndValues) {
    var body = dev.rollcall.json.JsonFactory.JSON.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return body.build().toString();
  }

  public Organization find(String id) {
    return organizations
        .find(id)
        .orElseThrow(() -> new NotFoundException("Organization " + id + " does not exist"));
  }
}

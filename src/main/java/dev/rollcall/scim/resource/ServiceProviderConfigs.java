package dev.rollcall.scim.resource;

import dev.rollcall.scim.schema.ServiceProviderConfig;

/** What this service advertises in {@code /ServiceProviderConfig}. */
final class ServiceProviderConfigs {
  /** Largest page a list or search returns (also the cap on {@code count}). */
  static final int MAX_RESULTS = ListQuery.MAX_COUNT;

  static final int BULK_MAX_OPERATIONS = 1000;

  private ServiceProviderConfigs() {}

  /**
   * @param bulkMaxPayload the largest {@code /Bulk} body ({@code rollcall.limits.bulk-body-size}),
   *     which {@link dev.rollcall.web.limits.BodyLimit} enforces
   */
  static ServiceProviderConfig current(int bulkMaxPayload) {
    return new ServiceProviderConfig(true, BULK_MAX_OPERATIONS, bulkMaxPayload, MAX_RESULTS);
  }
}

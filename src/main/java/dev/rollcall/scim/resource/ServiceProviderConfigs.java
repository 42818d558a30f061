package dev.rollcall.scim.resource;

import dev.rollcall.scim.schema.ServiceProviderConfig;

/** What this service advertises in {@code /ServiceProviderConfig}. */
final class ServiceProviderConfigs {
  /** Largest page a list or search returns (also the cap on {@code count}). */
  static final int MAX_RESULTS = ListQuery.MAX_COUNT;

  static final int BULK_MAX_OPERATIONS = 1000;
  static final int BULK_MAX_PAYLOAD = 1_048_576;

  private ServiceProviderConfigs() {}

  static ServiceProviderConfig current() {
    return new ServiceProviderConfig(true, BULK_MAX_OPERATIONS, BULK_MAX_PAYLOAD, MAX_RESULTS);
  }
}

package dev.rollcall.scim.resource;

import dev.rollcall.scim.schema.ServiceProviderConfig;

/** What this service advertises in {@code /ServiceProviderConfig}. */
final class ServiceProviderConfigs {
  /** Largest page a list or search returns (also the cap on {@code count}). */
  static final int MAX_RESULTS = ListQuery.MAX_COUNT;

  private ServiceProviderConfigs() {}

  static ServiceProviderConfig current() {
    return new ServiceProviderConfig(false, 1000, 1_048_576, MAX_RESULTS);
  }
}

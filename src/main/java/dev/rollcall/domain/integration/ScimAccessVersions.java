package dev.rollcall.domain.integration;

import java.time.Instant;
import java.util.Map;

/**
 * A version per organization that moves whenever something a SCIM token authenticates as changes
 * (an integration created, renewed or dropped, a privilege or role grant a run-as role may rely
 * on): how every server learns, within a second, that the tokens it remembers for that organization
 * are stale.
 */
public interface ScimAccessVersions {
  /** Moves the organization's version on, in the current transaction, stamped {@code now}. */
  void bump(String organizationId, Instant now);

  /**
   * The versions of the organizations whose version moved at or after {@code since}, read outside
   * any transaction.
   */
  Map<String, Long> changedSince(Instant since);
}

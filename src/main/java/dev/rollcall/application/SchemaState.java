package dev.rollcall.application;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this server has found the database schema up to date. Until then (a server started before
 * its database, or still waiting for another server's migration) no request may read or write it:
 * they would meet missing tables.
 */
@ApplicationScoped
public class SchemaState {
  private volatile boolean migrated;

  public boolean migrated() {
    return migrated;
  }

  public void markMigrated() {
    migrated = true;
  }
}

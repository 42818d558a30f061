package dev.rollcall.domain.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The tenant. Created by the platform operator; owns every member, role, token and integration. */
@Entity
@Table(name = "organizations")
public class Organization {
  /** The length of the name column (db/changelog), checked before a write. */
  public static final int NAME_LENGTH = 255;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = NAME_LENGTH)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organization() {}

  public Organization(String id, String name, Instant createdAt) {
    this.id = Objects.requireNonNull(id);
    this.name = Objects.requireNonNull(name);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

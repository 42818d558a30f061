package dev.rollcall.web.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may take {@code burst} permits at once and {@code rate} per second
 * after that. Each bucket is one number, the time at which it is full again (the generic cell rate
 * algorithm), changed lock-free.
 *
 * <p>Memory is bounded: when a new key would make more than {@code capacity} buckets, those idle
 * for longer than {@code idle} are dropped, and if that frees nothing every bucket is (a forgotten
 * bucket starts full, so forgetting never refuses anyone).
 */
public final class RateLimiter {
  private final long interval;
  private final long tolerance;
  private final int capacity;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, AtomicLong> buckets = new ConcurrentHashMap<>();

  /**
   * @param rate permits per second, sustained
   * @param burst permits a full bucket holds
   * @param capacity most buckets kept
   * @param idle how long an unused bucket is kept when room is needed
   * @param nanoTime the monotonic clock ({@code System::nanoTime})
   */
  public RateLimiter(double rate, int burst, int capacity, Duration idle, LongSupplier nanoTime) {
    if (!(rate > 0) || burst < 1 || capacity < 1) {
      throw new IllegalArgumentException("rate, burst and capacity must be positive");
    }
    this.interval = Math.max(1, Math.round(1_000_000_000d / rate));
    this.tolerance = (burst - 1) * interval;
    this.capacity = capacity;
    this.idleNanos = idle.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one permit from the key's bucket, which is made full when there is none.
   *
   * @return 0 when taken, else how many nanoseconds until one can be taken
   */
  public long take(String key) {
    long now = nanoTime.getAsLong();
    AtomicLong full = buckets.get(key);
    if (full == null) {
      if (buckets.size() >= capacity) {
        makeRoom(now);
      }
      full = buckets.computeIfAbsent(key, k -> new AtomicLong(now));
    }
    while (true) {
      long before = full.get();
      long base = before - now > 0 ? before : now;
      long wait = base - now - tolerance;
      if (wait > 0) {
        return wait;
      }
      if (full.compareAndSet(before, base + interval)) {
        return 0;
      }
    }
  }

  /** Whether the key has a bucket. */
  public boolean contains(String key) {
    return buckets.containsKey(key);
  }

  /** Gives back a permit taken for a request that turned out not to count. */
  public void giveBack(String key) {
    AtomicLong full = buckets.get(key);
    if (full != null) {
      full.addAndGet(-interval);
    }
  }

  public void remove(String key) {
    buckets.remove(key);
  }

  int size() {
    return buckets.size();
  }

  private void makeRoom(long now) {
    buckets.values().removeIf(full -> now - full.get() > idleNanos);
    if (buckets.size() >= capacity) {
      buckets.clear();
    }
  }

  /** Whole seconds to wait for {@code nanos}, at least one: what {@code Retry-After} says. */
  public static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}

package dev.rollcall.web.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  static final long SECOND = 1_000_000_000L;
  final AtomicLong now = new AtomicLong(-5 * SECOND); // nanoTime may be negative

  RateLimiter limiter(double rate, int burst, int capacity) {
    return new RateLimiter(rate, burst, capacity, Duration.ofSeconds(60), now::get);
  }

  @Test
  void aBurstIsTakenAtOnceThenTheRate() {
    RateLimiter limiter = limiter(10, 5, 100);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, limiter.take("a"), "permit " + i);
    }
    long wait = limiter.take("a");
    assertTrue(wait > 0 && wait <= SECOND / 10, "wait " + wait);
    now.addAndGet(wait);
    assertEquals(0, limiter.take("a"));
    assertTrue(limiter.take("a") > 0);
    // a second later the bucket holds rate x 1 s again, never more than the burst
    now.addAndGet(SECOND);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, limiter.take("a"), "permit " + i);
    }
    assertTrue(limiter.take("a") > 0);
  }

  @Test
  void keysHaveTheirOwnBuckets() {
    RateLimiter limiter = limiter(1, 2, 100);
    assertEquals(0, limiter.take("a"));
    assertEquals(0, limiter.take("a"));
    assertTrue(limiter.take("a") > 0);
    assertEquals(0, limiter.take("b"));
  }

  @Test
  void aRefusalSaysHowLongToWait() {
    RateLimiter limiter = limiter(0.5, 1, 100);
    assertEquals(0, limiter.take("a"));
    long wait = limiter.take("a");
    assertEquals(2 * SECOND, wait);
    assertEquals(2, RateLimiter.seconds(wait));
    assertEquals(1, RateLimiter.seconds(1));
    assertEquals(2, RateLimiter.seconds(SECOND + 1));
  }

  @Test
  void aGivenBackPermitCanBeTakenAgain() {
    RateLimiter limiter = limiter(1, 2, 100);
    limiter.take("a");
    limiter.take("a");
    assertTrue(limiter.take("a") > 0);
    limiter.giveBack("a");
    assertEquals(0, limiter.take("a"));
  }

  @Test
  void bucketsAreBoundedIdleOnesGoFirst() {
    RateLimiter limiter = new RateLimiter(1, 1, 3, Duration.ofSeconds(10), now::get);
    limiter.take("old");
    now.addAndGet(20 * SECOND);
    limiter.take("a");
    limiter.take("b");
    limiter.take("c"); // full: "old" is idle and goes
    assertFalse(limiter.contains("old"));
    assertTrue(limiter.contains("a") && limiter.contains("b") && limiter.contains("c"));
    assertEquals(3, limiter.size());
    // nothing idle: the buckets start over rather than grow
    limiter.take("d");
    assertTrue(limiter.size() <= 3, "size " + limiter.size());
    assertTrue(limiter.contains("d"));
    for (int i = 0; i < 10_000; i++) {
      limiter.take("k" + i);
    }
    assertTrue(limiter.size() <= 3, "size " + limiter.size());
  }

  @Test
  void concurrentTakersNeverGetMoreThanTheBurst() throws Exception {
    for (int round = 0; round < 50; round++) {
      RateLimiter limiter = limiter(1, 100, 100);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger taken = new AtomicInteger();
      for (int t = 0; t < 8; t++) {
        pool.submit(
            () -> {
              start.await();
              for (int i = 0; i < 50; i++) {
                if (limiter.take("shared") == 0) {
                  taken.incrementAndGet();
                }
              }
              return null;
            });
      }
      start.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(100, taken.get(), "round " + round);
    }
  }
}

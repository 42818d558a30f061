package dev.rollcall.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation {@code count} times on {@code threads} platform threads (each takes the next
 * index until the count or the time limit is reached), timing every call.
 */
final class Runner {
  /**
   * One call; returns whether it succeeded (a failure may also throw, which names it in the
   * figures). Index {@code i} is unique within a run.
   */
  @FunctionalInterface
  interface Call {
    boolean run(int i) throws Exception;
  }

  /** How long a scenario waits at most for the server and the database to go idle. */
  static final Duration QUIET_LIMIT = Duration.ofMinutes(2);

  private Runner() {}

  static Stat run(String operation, int threads, int count, Duration limit, Call call) {
    AtomicLongArray nanos = new AtomicLongArray(count);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    awaitQuiet(operation);
    CpuMeter.Reading cpuBefore = CpuMeter.system().read();
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] workers = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        workers[t] =
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < count && System.nanoTime() < deadline;
                      i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    boolean ok;
                    try {
                      ok = call.run(i);
                    } catch (Exception | AssertionError e) {
                      firstError.compareAndSet(null, e.toString());
                      ok = false;
                    }
                    nanos.set(done.getAndIncrement(), System.nanoTime() - before);
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                });
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(operation + " failed", e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuMeter.PerOp cpu = CpuMeter.system().read().perOpSince(cpuBefore, done.get());
    long[] samples = new long[done.get()];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = nanos.get(i);
    }
    return of(operation, samples, seconds, errors.get(), firstError.get(), cpu);
  }

  /**
   * Every scenario starts on idle processes: what the previous one left behind (a bulk load's page
   * flushing above all) is not counted against it.
   */
  private static void awaitQuiet(String operation) {
    try {
      Duration waited = CpuMeter.system().awaitQuiet(QUIET_LIMIT);
      if (waited.compareTo(Duration.ofSeconds(5)) > 0) {
        System.out.printf(
            "waited %d s for the server and the database to go idle before %s%n",
            waited.toSeconds(), operation);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(operation + " interrupted", e);
    }
  }

  /**
   * The figures of samples (nanoseconds each) taken elsewhere over {@code seconds} of wall time.
   */
  static Stat of(String operation, long[] nanos, double seconds, int errors, String firstError) {
    return of(operation, nanos, seconds, errors, firstError, CpuMeter.PerOp.NONE);
  }

  private static Stat of(
      String operation,
      long[] nanos,
      double seconds,
      int errors,
      String firstError,
      CpuMeter.PerOp cpu) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Stat(
        operation,
        sorted.length,
        errors,
        seconds,
        sorted.length / seconds,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        firstError,
        cpu);
  }

  /** Nearest-rank percentile in milliseconds (0 for no samples). */
  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}

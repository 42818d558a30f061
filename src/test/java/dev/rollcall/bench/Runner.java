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
                    boolean ok = attempt(call, i, firstError);
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
   * The steady-state cost of one operation: {@code threads} clients repeat it for {@code warmup}
   * (untimed: the JIT and the caches settle), then for {@code window}, over which every call is
   * timed and each process's CPU is read. The CPU per operation is the processes' user+system time
   * over the window divided by the calls completed in it. Index {@code i} keeps counting across the
   * warm-up and the window, so it stays unique within a run.
   */
  static Stat steady(String operation, int threads, Duration warmup, Duration window, Call call) {
    awaitQuiet(operation);
    AtomicInteger next = new AtomicInteger();
    Stat warm = timeBound(operation, threads, warmup, next, call, false);
    if (warm.errors() > 0) {
      return warm;
    }
    Recording recording = Recording.start(operation);
    try {
      return timeBound(operation, threads, window, next, call, true);
    } finally {
      recording.stop();
    }
  }

  /**
   * With {@code -Dbench.jfr=<directory>} (and {@code bench.pid}), a JFR recording of the server
   * over each steady window, {@code <directory>/<operation>.jfr}, read with {@code
   * .ci/bench/jfr-top}. Profiling costs the server a little CPU: figures of a profiled run are not
   * the benchmark's.
   */
  private record Recording(String pid, String name) {
    static Recording start(String operation) {
      String directory = System.getProperty("bench.jfr", "");
      String pid = System.getProperty("bench.pid", "");
      if (directory.isBlank() || pid.isBlank()) {
        return new Recording(null, null);
      }
      String name = operation.replaceAll("[^A-Za-z0-9@]+", "-").replaceAll("^-|-$", "");
      String file = java.nio.file.Path.of(directory, name + ".jfr").toAbsolutePath().toString();
      String settings = System.getProperty("bench.jfr.settings", "profile");
      jcmd(pid, "JFR.start", "name=" + name, "settings=" + settings, "filename=" + file);
      return new Recording(pid, name);
    }

    void stop() {
      if (pid != null) {
        jcmd(pid, "JFR.stop", "name=" + name);
      }
    }

    private static void jcmd(String pid, String... command) {
      java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("jcmd", pid));
      line.addAll(java.util.List.of(command));
      try {
        Process process =
            new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (process.waitFor() != 0) {
          System.out.println("jcmd " + String.join(" ", command) + " failed");
        }
      } catch (java.io.IOException e) {
        System.out.println("jcmd " + String.join(" ", command) + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Stat timeBound(
      String operation,
      int threads,
      Duration length,
      AtomicInteger next,
      Call call,
      boolean measured) {
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    long[][] perThread = new long[threads][];
    int[] counts = new int[threads];
    CpuMeter.Reading cpuBefore = CpuMeter.system().read();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] workers = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers[t] =
            pool.submit(
                () -> {
                  long[] nanos = new long[1024];
                  int n = 0;
                  while (System.nanoTime() < deadline && errors.get() == 0) {
                    int i = next.getAndIncrement();
                    long before = System.nanoTime();
                    boolean ok = attempt(call, i, firstError);
                    if (n == nanos.length) {
                      nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - before;
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                  perThread[thread] = nanos;
                  counts[thread] = n;
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
    int done = Arrays.stream(counts).sum();
    CpuMeter.PerOp cpu =
        measured ? CpuMeter.system().read().perOpSince(cpuBefore, done) : CpuMeter.PerOp.NONE;
    long[] samples = new long[done];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(perThread[t], 0, samples, at, counts[t]);
      at += counts[t];
    }
    return of(operation, samples, seconds, errors.get(), firstError.get(), cpu);
  }

  /** One call: whether it succeeded; the first failure of a run is kept in {@code firstError}. */
  private static boolean attempt(Call call, int i, AtomicReference<String> firstError) {
    try {
      return call.run(i);
    } catch (Exception | AssertionError e) {
      firstError.compareAndSet(null, e.toString());
      return false;
    }
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

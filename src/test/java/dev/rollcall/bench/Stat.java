package dev.rollcall.bench;

/**
 * One operation's figures: how many calls completed, how many failed, the rate over the scenario's
 * wall-clock time, latency percentiles in milliseconds, what went wrong first (or null), and the
 * CPU each process spent per call ({@link CpuMeter.PerOp#NONE} for timings taken elsewhere).
 */
public record Stat(
    String operation,
    int count,
    int errors,
    double seconds,
    double perSecond,
    double p50,
    double p95,
    double p99,
    String firstError,
    CpuMeter.PerOp cpu) {}

package dev.rollcall.bench;

/**
 * One operation's figures: how many calls completed, how many failed, the rate over the scenario's
 * wall-clock time, and latency percentiles in milliseconds.
 */
public record Stat(
    String operation,
    int count,
    int errors,
    double seconds,
    double perSecond,
    double p50,
    double p95,
    double p99) {}

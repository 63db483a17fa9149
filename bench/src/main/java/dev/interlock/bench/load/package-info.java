/** A load generator for {@code interlock serve}: closed-loop throughput and fixed-rate latency over real HTTP. */
package dev.interlock.bench.load;

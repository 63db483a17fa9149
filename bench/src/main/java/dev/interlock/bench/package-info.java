/** JMH benchmarks: decisions over a command mix, rule-count scaling, shell analysis of typical and adversarial input. */
package dev.interlock.bench;

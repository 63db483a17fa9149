/**
 * The decision engine: request → analysis → environment → risk → policy → decision, failing closed on any error.
 * Holds the current policy snapshot and swaps it atomically on reload.
 */
package dev.interlock.decision;

/** The risk model: a documented, deterministic function from an operation's fields to low/medium/high/critical. */
package dev.interlock.risk;

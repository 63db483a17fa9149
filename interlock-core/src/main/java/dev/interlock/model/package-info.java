/** The vocabulary of DESIGN.md as immutable values: requests, operations, decisions. Depends on nothing else in Interlock. */
package dev.interlock.model;

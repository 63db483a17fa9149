/** Which resource types hold data or cut access when they go, and what a delete of each does to its data. */
package dev.interlock.analysis.catalogue;

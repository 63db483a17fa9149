/** Analysis: turns a request's payload into the operations it would perform. Pure: no I/O, no clock. */
package dev.interlock.analysis;

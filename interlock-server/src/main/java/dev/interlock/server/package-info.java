/** The Interlock server: storage, identity and time around the pure decision engine, behind small interfaces. */
package dev.interlock.server;

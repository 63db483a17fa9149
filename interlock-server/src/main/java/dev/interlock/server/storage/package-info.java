/** The database behind every store: embedded SQLite (WAL) by default, PostgreSQL for several servers; Flyway migrations. */
package dev.interlock.server.storage;

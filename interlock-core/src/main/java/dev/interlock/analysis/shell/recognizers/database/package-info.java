/**
 * Database clients, admin tools and schema-migration tools, and the clients of other data services (message brokers,
 * etcd): the statements or commands they send and the server and database they reach.
 */
package dev.interlock.analysis.shell.recognizers.database;

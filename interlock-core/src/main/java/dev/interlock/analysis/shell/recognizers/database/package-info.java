/** Database clients, admin tools and schema-migration tools: the statements they send and the server and database they reach. */
package dev.interlock.analysis.shell.recognizers.database;

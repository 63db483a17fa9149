/** SQL analysis with a real parser (JSqlParser): statements to operations on the database. */
package dev.interlock.analysis.sql;

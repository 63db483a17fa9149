/** File edits (an agent's Write/Edit/apply_patch tools) as operations: what the file is, and what its content will do. */
package dev.interlock.analysis.file;

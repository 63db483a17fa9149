/**
 * Research data management: iRODS's icommands, the Globus CLI, Rucio's {@code rucio} and {@code rucio-admin}, and
 * DataLad. Listings, queries and downloads read; uploads, syncs, moves and metadata edits change the data grid or
 * endpoint named; removals (recursive, trash-bypassing, every user's trash) delete; ACLs, endpoint roles, account
 * attributes and admin user types are grants, and an admin type or attribute given to the caller's own account is an
 * escalation. Where: the server the environment or flags name ({@code IRODS_HOST}, {@code RUCIO_HOST}) and a tier word
 * in the zone ({@code /prodZone/…}); with nothing named the grid is unknown, never this machine.
 */
package dev.interlock.analysis.shell.recognizers.research;

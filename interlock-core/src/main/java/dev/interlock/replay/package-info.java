/** A candidate policy tried on recorded requests before it is enforced: what would be stricter, what looser, by rule. */
package dev.interlock.replay;

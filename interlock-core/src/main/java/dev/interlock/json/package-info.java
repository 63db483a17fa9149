/** The JSON contract: requests in, decisions out, with errors that name the field at fault. */
package dev.interlock.json;

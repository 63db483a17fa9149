/** Backend-as-a-service and serverless database CLIs (neonctl, pscale, turso, convex, fauna): hosted databases whose name or project places them. */
package dev.interlock.analysis.shell.recognizers.baas;

/** Environment resolution: from flags, ambient context and the inventory to a tier (prod, staging, dev, local, unknown). */
package dev.interlock.environment;

/** The embedding API: {@code Interlock.builder().policy(dir).inventory(file).build().decide(request)}. */
package dev.interlock;

/**
 * The pipeline a host embeds: {@link dev.lakesentry.core.LakeSentry} and its builder. Stages arrive in
 * their own sub-packages.
 */
package dev.lakesentry.core;

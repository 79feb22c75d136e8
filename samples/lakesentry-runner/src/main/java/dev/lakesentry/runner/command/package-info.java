/**
 * The runner's commands, one class per command, each a thin layer over the {@code LakeSentry} pipeline.
 */
package dev.lakesentry.runner.command;

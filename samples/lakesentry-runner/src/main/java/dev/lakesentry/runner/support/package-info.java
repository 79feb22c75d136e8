/**
 * What the runner's commands share: the global options, the store session, pipeline runs with their stage-run log, progress and one-line errors.
 */
package dev.lakesentry.runner.support;

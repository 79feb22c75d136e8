/**
 * The execution stage: approved action plans carried out through executor plugins under the safety
 * model (off by default, per-type modes, derived plan status, live re-checks, blast radius, protected
 * resources, an append-only audit before and after every call, rollback); it writes only the action log.
 */
package dev.lakesentry.core.execution;

/**
 * What the runner reads out of the store for people: the cost export, the summary figures and the self-contained HTML report.
 */
package dev.lakesentry.runner.report;

/**
 * The sample command-line runner that wires the whole pipeline on the embedded store. Content arrives with the runner issue.
 */
package dev.lakesentry.runner;

/**
 * Writers and readers for generated accounts: export files (JSON Lines, CSV), {@code truth.json} and push envelopes.
 */
package dev.lakesentry.testkit.generator.export;

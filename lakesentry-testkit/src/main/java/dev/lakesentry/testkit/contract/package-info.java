/**
 * Contract tests any implementation runs by subclassing, starting with {@link dev.lakesentry.testkit.contract.StoreContract},
 * and the small hand-made fixtures they use.
 */
package dev.lakesentry.testkit.contract;

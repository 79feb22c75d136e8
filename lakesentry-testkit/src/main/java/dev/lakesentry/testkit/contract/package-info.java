/**
 * Abstract JUnit 5 contract tests that stores and plugins, built-in or third-party, subclass to prove
 * they keep the API's promises ({@link dev.lakesentry.testkit.contract.StoreContract},
 * {@link dev.lakesentry.testkit.contract.DetectorContract}), and the small hand-made fixtures they use.
 */
package dev.lakesentry.testkit.contract;

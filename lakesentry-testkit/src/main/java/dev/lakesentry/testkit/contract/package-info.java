/**
 * Abstract JUnit 5 contract tests that built-in and third-party plugins subclass to prove they keep the SPI's promises.
 */
package dev.lakesentry.testkit.contract;

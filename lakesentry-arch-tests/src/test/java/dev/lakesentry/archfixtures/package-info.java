/**
 * Planted fixtures: small classes that break one architecture rule each, so every rule is shown to
 * fail on a violation and none can pass vacuously. Test code only.
 */
package dev.lakesentry.archfixtures;

/**
 * The public API of LakeSentry: money, errors and the sub-packages that plugin authors and host
 * applications compile against. This artifact depends on the JDK only.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api;

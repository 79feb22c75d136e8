/**
 * Not API: helpers the API's own records share; may change in any release without notice.
 */
package dev.lakesentry.api.internal;

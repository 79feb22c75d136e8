/**
 * The HTTP ingestion endpoint and read-only status endpoints, over core. Content arrives with the ingestion issue.
 */
package dev.lakesentry.http;

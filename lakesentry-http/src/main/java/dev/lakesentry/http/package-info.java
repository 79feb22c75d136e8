/**
 * The HTTP ingestion endpoint ({@code POST /api/v1/ingest}) and the connector status endpoint
 * ({@code GET /api/v1/status}), on the JDK's HTTP server, over core's ingestion service.
 */
package dev.lakesentry.http;

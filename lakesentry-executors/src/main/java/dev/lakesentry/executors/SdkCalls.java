package dev.lakesentry.executors;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import dev.lakesentry.api.ExternalServiceException;
import dev.lakesentry.api.spi.WorkspaceConnection;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge to the SDK: builds clients from a connection, turns every SDK failure into an
 * {@link ExternalServiceException} with the HTTP status, and retries within a bounded budget what the
 * SDK does not (a 500, 502 or 504, a timeout). The token goes to the SDK and nowhere else.
 */
final class SdkCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SdkCalls.class);

    private final ExecutorSettings settings;

    SdkCalls(ExecutorSettings settings) {
        this.settings = settings;
    }

    WorkspaceClient client(WorkspaceConnection connection) {
        try {
            return new WorkspaceClient(new DatabricksConfig()
                    .setHost(connection.host().toString())
                    .setToken(connection.token().reveal())
                    .setAuthType("pat")
                    .setHttpTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, settings.httpTimeout().toSeconds())));
        } catch (RuntimeException e) {
            throw wrap("connecting to workspace " + connection.workspaceId() + " at " + connection.host(), e);
        }
    }

    /** Runs an idempotent call, retrying 500, 502, 504 and timeouts up to the budget. */
    <T> T call(String what, Supplier<T> call) {
        ExternalServiceException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                last = wrap(what, e);
                if (!retryable(last) || attempt == settings.maxAttempts()) {
                    break;
                }
                LOG.debug("{} failed (attempt {} of {}): {}; retrying", what, attempt, settings.maxAttempts(),
                        last.getMessage());
            }
        }
        throw last;
    }

    /** The same as {@link #call} for a call without a result. */
    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    /** Whether our budget retries it: the SDK already retried 429 and 503, so only 500, 502, 504 and no answer. */
    static boolean retryable(ExternalServiceException e) {
        int status = e.status().orElse(-1);
        return status == -1 ? isTimeoutOrConnect(e) : status == 500 || status == 502 || status == 504;
    }

    static ExternalServiceException wrap(String what, RuntimeException e) {
        if (e instanceof ExternalServiceException ese) {
            return ese;
        }
        DatabricksError error = errorWithStatus(e);
        if (error != null) {
            return new ExternalServiceException("Databricks API " + what + " failed with HTTP " + error.getStatusCode()
                    + (error.getErrorCode() == null ? "" : " " + error.getErrorCode()) + ": " + error.getMessage(),
                    error.getStatusCode(), e);
        }
        String kind = isTimeoutOrConnect(e) ? "timed out or could not connect" : "failed";
        return new ExternalServiceException("Databricks API " + what + " " + kind + ": " + rootMessage(e), e);
    }

    /** The SDK error with an HTTP status in the cause chain (after its own retries the SDK may wrap it). */
    private static DatabricksError errorWithStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabricksError error && error.getStatusCode() > 0) {
                return error;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean isTimeoutOrConnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}

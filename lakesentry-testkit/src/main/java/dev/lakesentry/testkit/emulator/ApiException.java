package dev.lakesentry.testkit.emulator;

/** An error the emulator answers with a non-2xx status and a Databricks error body. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;

    ApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ApiException invalidParameter(String message) {
        return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
    }

    static ApiException invalidState(String message) {
        return new ApiException(400, "INVALID_STATE", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "RESOURCE_DOES_NOT_EXIST", message);
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}

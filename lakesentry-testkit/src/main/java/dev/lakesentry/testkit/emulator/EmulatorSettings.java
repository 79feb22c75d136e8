package dev.lakesentry.testkit.emulator;

/** The emulator's adjustable behaviour, read by the services on each call. */
final class EmulatorSettings {

    private volatile int rowsPerChunk;
    private volatile int pendingPolls;
    private volatile int runningPolls;

    EmulatorSettings(int rowsPerChunk, int pendingPolls, int runningPolls) {
        setRowsPerChunk(rowsPerChunk);
        setStatementPolls(pendingPolls, runningPolls);
    }

    int rowsPerChunk() {
        return rowsPerChunk;
    }

    int pendingPolls() {
        return pendingPolls;
    }

    int runningPolls() {
        return runningPolls;
    }

    void setRowsPerChunk(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rowsPerChunk must be at least 1, was " + rows);
        }
        this.rowsPerChunk = rows;
    }

    void setStatementPolls(int pending, int running) {
        if (pending < 0 || running < 0) {
            throw new IllegalArgumentException("Statement polls must not be negative, were pending " + pending
                    + " and running " + running);
        }
        this.pendingPolls = pending;
        this.runningPolls = running;
    }
}

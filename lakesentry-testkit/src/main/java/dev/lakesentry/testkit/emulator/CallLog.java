package dev.lakesentry.testkit.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every call the emulator answered, in arrival order of their answers, so tests can prove that an API was or
 * was not called. Thread-safe; the lists returned are snapshots.
 *
 * @since 0.1.0
 */
public final class CallLog {

    private final List<RecordedCall> calls = new ArrayList<>();

    CallLog() {
    }

    synchronized void record(RecordedCall call) {
        calls.add(call);
    }

    /** All calls, discovery calls included. */
    public synchronized List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** The calls that ask for a change ({@link RecordedCall#isMutating()}), whatever status they got. */
    public synchronized List<RecordedCall> mutatingCalls() {
        return calls.stream().filter(RecordedCall::isMutating).toList();
    }

    /**
     * The calls to a method ({@code *} for any) and path pattern ({@code *} within a segment, {@code **} across),
     * e.g. {@code calls("POST", "/api/2.1/clusters/*")}.
     */
    public synchronized List<RecordedCall> calls(String method, String pathPattern) {
        return calls.stream().filter(c -> c.matches(method, pathPattern)).toList();
    }

    /** How many calls match a method and path pattern. */
    public synchronized int count(String method, String pathPattern) {
        return calls(method, pathPattern).size();
    }

    /** Forgets every recorded call. */
    public synchronized void clear() {
        calls.clear();
    }
}

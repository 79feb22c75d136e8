package dev.lakesentry.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input was refused as a whole. Carries every problem found (up to a producer-chosen limit), each
 * naming the record, the field and the value, so a caller can fix them all in one go.
 *
 * @since 0.1.0
 */
public class ValidationException extends LakeSentryException {
    private static final long serialVersionUID = 1L;

    /** Largest number of problems listed in one exception. */
    public static final int MAX_PROBLEMS = 100;

    private final transient List<Problem> problems;
    private final int totalProblems;

    public ValidationException(String subject, List<Problem> problems) {
        this(subject, problems, problems.size());
    }

    /**
     * @param subject       what was refused, for example {@code push 'e-1'}
     * @param problems      the problems found, at most {@link #MAX_PROBLEMS} are kept
     * @param totalProblems how many problems were found in all (may exceed the list)
     */
    public ValidationException(String subject, List<Problem> problems, int totalProblems) {
        super(message(subject, problems, totalProblems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A ValidationException needs at least one problem");
        }
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        this.totalProblems = Math.max(totalProblems, this.problems.size());
    }

    /** A refusal with exactly one problem. */
    public static ValidationException of(String location, String field, String value, String message) {
        return new ValidationException(location, List.of(new Problem(location, field, value, message)));
    }

    /** The problems, in the order found; at most {@link #MAX_PROBLEMS}. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems were found in all, which may exceed {@code problems().size()}. */
    public int totalProblems() {
        return totalProblems;
    }

    private static String message(String subject, List<Problem> problems, int total) {
        List<Problem> shown = problems.subList(0, Math.min(problems.size(), 5));
        String head = subject + " was refused: " + total + (total == 1 ? " problem" : " problems");
        String body = shown.stream().map(Problem::describe).collect(Collectors.joining("; "));
        return head + ": " + body + (total > shown.size() ? "; …" : "");
    }
}

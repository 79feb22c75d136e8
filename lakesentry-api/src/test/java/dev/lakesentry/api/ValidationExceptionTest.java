package dev.lakesentry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void messageNamesRecordFieldAndValue() {
        ValidationException e = ValidationException.of("extraction 'e-1' record 3", "usage_quantity", "abc",
                "is not a decimal");
        assertThat(e.getMessage())
                .contains("extraction 'e-1' record 3")
                .contains("field 'usage_quantity'")
                .contains("value 'abc'")
                .contains("is not a decimal");
        assertThat(e).isInstanceOf(LakeSentryException.class);
    }

    @Test
    void keepsAtMostOneHundredProblemsButCountsAll() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            problems.add(new Problem("record " + i, "c", "v" + i, "bad"));
        }
        ValidationException e = new ValidationException("push 'x'", problems, 250);
        assertThat(e.problems()).hasSize(100);
        assertThat(e.totalProblems()).isEqualTo(250);
        assertThat(e.getMessage()).startsWith("push 'x' was refused: 250 problems");
    }

    @Test
    void cutsHugeValues() {
        Problem p = new Problem("record 1", "statement_text", "x".repeat(10_000), "too long");
        assertThat(p.value()).hasSizeLessThan(200).contains("10000 chars");
    }

    @Test
    void needsAtLeastOneProblem() {
        assertThatThrownBy(() -> new ValidationException("push", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Problem(" ", null, null, "m")).hasMessageContaining("location");
    }

    @Test
    void externalServiceErrorsKnowWhenToRetry() {
        assertThat(new ExternalServiceException("x", 429, null).retryable()).isTrue();
        assertThat(new ExternalServiceException("x", 503, null).retryable()).isTrue();
        assertThat(new ExternalServiceException("x", 400, null).retryable()).isFalse();
        assertThat(new ExternalServiceException("x", null).retryable()).isTrue();
        assertThat(new ExternalServiceException("x", null).status()).isEmpty();
    }
}

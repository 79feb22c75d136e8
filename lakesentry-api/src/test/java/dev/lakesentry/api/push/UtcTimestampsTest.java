package dev.lakesentry.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampsTest {

    @Test
    void agreesWithTheFormatterOnRandomInstantsInEveryPrecision() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            String pattern = "yyyy-MM-dd'T'HH:mm:ss" + (digits == 0 ? "" : "." + "S".repeat(digits));
            String text = DateTimeFormatter.ofPattern(pattern).format(t.atOffset(java.time.ZoneOffset.UTC));
            String zone = random.nextBoolean() ? "Z" : "+00:00";
            assertThat(UtcTimestamps.parseCommonForm(text + zone, false)).as(text + zone)
                    .isEqualTo(OffsetDateTime.parse(text + zone).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01 10:00:00Z", "2025-01-01T10:00:00z", "2025-01-01T10:00:00",
            "2025-01-01T10:00:00+01:00", "2025-01-01T10:00:00.1234567891Z", "2025-01-01T10:00:60Z", "+2025-01-01T10:00:00Z",
            "2025-01-01T10:00:00.Z", "2025-01-01T24:00:00Z", "2025-1-01T10:00:00Z", "2025-01-01T10:00Z", "2025-01-01"})
    void strictModeLeavesEveryOtherShapeToTheGeneralReader(String text) {
        assertThat(UtcTimestamps.parseCommonForm(text, false)).isNull();
    }

    @Test
    void lenientModeReadsASpaceALowerCaseZoneOrNoZoneAsUtc() {
        Instant expected = Instant.parse("2025-01-01T10:00:00.250Z");
        assertThat(UtcTimestamps.parseCommonForm("2025-01-01 10:00:00.25", true)).isEqualTo(expected);
        assertThat(UtcTimestamps.parseCommonForm("2025-01-01T10:00:00.250z", true)).isEqualTo(expected);
        assertThat(UtcTimestamps.parseCommonForm("2025-01-01T10:00:00.25+00:00", true)).isEqualTo(expected);
        assertThat(UtcTimestamps.parseCommonForm("2025-01-01T10:00:00+02:00", true)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-01-01T25:00:00Z", "2025-01-32T00:00:00Z",
            "2025-01-01T00:60:00Z"})
    void fieldsOutOfRangeAreRefusedAsTheFormatterRefusesThem(String text) {
        assertThatThrownBy(() -> UtcTimestamps.parseCommonForm(text, false)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsTheDateAtTheStart() {
        assertThat(UtcTimestamps.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(UtcTimestamps.parseDate("2024-02-29T10:00:00Z")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(UtcTimestamps.parseDate("2024-2-29")).isNull();
        assertThat(UtcTimestamps.parseDate("24-02-2029")).isNull();
        assertThatThrownBy(() -> UtcTimestamps.parseDate("2025-02-29")).isInstanceOf(DateTimeException.class);
    }
}

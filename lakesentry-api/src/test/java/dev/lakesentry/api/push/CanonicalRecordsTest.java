package dev.lakesentry.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRecordsTest {

    private static SourceRecord record(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new SourceRecord(m);
    }

    @Test
    void sortsKeysAndWritesCompactJson() {
        SourceRecord r = record("b", "x", "a", 1L, "c", Map.of("z", true, "y", Arrays.asList(1, null)));
        assertThat(CanonicalRecords.canonicalJson(List.of(r)))
                .isEqualTo("[{\"a\":1,\"b\":\"x\",\"c\":{\"y\":[1,null],\"z\":true}}]");
    }

    @Test
    void normalisesNumbersToPlainDecimals() {
        SourceRecord r = record("q", new BigDecimal("4.250000000000000000"), "big", new BigDecimal("1E+3"),
                "d", 0.5d, "z", new BigDecimal("-0.000"), "i", 7);
        assertThat(CanonicalRecords.canonicalJson(List.of(r)))
                .isEqualTo("[{\"big\":1000,\"d\":0.5,\"i\":7,\"q\":4.25,\"z\":0}]");
    }

    @Test
    void escapesStringsMinimally() {
        SourceRecord r = record("s", "a\"b\\c\nd\u0001é€😀");
        assertThat(CanonicalRecords.canonicalJson(List.of(r)))
                .isEqualTo("[{\"s\":\"a\\\"b\\\\c\\nd\\u0001é€😀\"}]");
    }

    @Test
    void keepsExplicitNullsApartFromAbsentKeys() {
        assertThat(CanonicalRecords.checksum(List.of(record("a", null))))
                .isNotEqualTo(CanonicalRecords.checksum(List.of(record())));
    }

    @Test
    void checksumIsSha256OfTheCanonicalUtf8Bytes() throws Exception {
        SourceRecord r = record("record_id", "r1", "usage_quantity", "1.5");
        String expectedText = "[{\"record_id\":\"r1\",\"usage_quantity\":\"1.5\"}]";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(expectedText.getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalRecords.checksum(List.of(r))).isEqualTo(HexFormat.of().formatHex(hash));
        assertThat(CanonicalRecords.isChecksum(CanonicalRecords.checksum(List.of(r)))).isTrue();
        assertThat(CanonicalRecords.isChecksum("ABC")).isFalse();
    }

    @Test
    void orderOfKeysInTheInputDoesNotMatterButOrderOfRecordsDoes() {
        SourceRecord ab = record("a", "1", "b", "2");
        SourceRecord ba = record("b", "2", "a", "1");
        SourceRecord other = record("a", "9");
        assertThat(CanonicalRecords.checksum(List.of(ab))).isEqualTo(CanonicalRecords.checksum(List.of(ba)));
        assertThat(CanonicalRecords.checksum(List.of(ab, other)))
                .isNotEqualTo(CanonicalRecords.checksum(List.of(other, ab)));
    }

    @Test
    void sourceRecordsRefuseValuesJsonCannotHold() {
        assertThatThrownBy(() -> record("x", Double.NaN)).hasMessageContaining("'x'").hasMessageContaining("finite");
        assertThatThrownBy(() -> record("x", Map.of("y", new Object())))
                .hasMessageContaining("'x.y'").hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> new SourceRecord(null)).hasMessageContaining("values");
    }

    @Test
    void sourceRecordsAreDeepCopies() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", "v");
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("m", nested);
        SourceRecord r = new SourceRecord(top);
        nested.put("k", "changed");
        top.put("new", 1);
        assertThat(r.values()).containsOnlyKeys("m");
        assertThat(r.text("m")).contains("{\"k\":\"v\"}");
        assertThatThrownBy(() -> r.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRecordsKeptTextEqualsAFreshWriteAndTheValuesStayAnUnmodifiableMap() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("b", List.of(1, "x\ty"));
        v.put("a", Map.of("z", new BigDecimal("4.250"), "y", true));
        v.put("c", null);
        SourceRecord record = new SourceRecord(v);
        String first = CanonicalRecords.canonicalJson((Object) record.values());
        assertThat(first).isEqualTo("{\"a\":{\"y\":true,\"z\":4.25},\"b\":[1,\"x\\ty\"],\"c\":null}");
        assertThat(CanonicalRecords.canonicalJson((Object) record.values())).isSameAs(first);
        assertThat(CanonicalRecords.canonicalJson((Object) new LinkedHashMap<>(record.values()))).isEqualTo(first);
        assertThat(CanonicalRecords.checksum(List.of(record)))
                .isEqualTo(CanonicalRecords.checksum(List.of(new SourceRecord(new LinkedHashMap<>(v)))));
        assertThat(record).isEqualTo(new SourceRecord(v)).hasSameHashCodeAs(new SourceRecord(v));
        assertThat(new SourceRecord(record.values()).values()).isSameAs(record.values());
        assertThatThrownBy(() -> record.values().put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> record.values().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

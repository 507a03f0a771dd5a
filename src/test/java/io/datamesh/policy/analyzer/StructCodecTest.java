package io.datamesh.policy.analyzer;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one codec between the engine's Struct and plain values: numbers, nulls, nesting. */
class StructCodecTest {

    private static Value number(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    private static Object plain(Value value) {
        return StructCodec.toPlain(Struct.newBuilder().putFields("v", value).build()).get("v");
    }

    @Test
    void integralNumbersComeBackAsLongsAndOthersAsDoubles() {
        assertEquals(365L, plain(number(365)));
        assertEquals(-7L, plain(number(-7)));
        assertEquals(0L, plain(number(0)));
        assertEquals(9007199254740992L, plain(number(9007199254740992d)), "2^53 is still exact");
        assertEquals(1.5, plain(number(1.5)));
        assertEquals(1e300, plain(number(1e300)), "beyond 2^53 a double stays a double");
        assertEquals(Double.NaN, plain(number(Double.NaN)));
        // A registered int round-trips equal to what the program sent, as the stand-in's diff needs.
        assertEquals(Map.of("days", 30L, "ratio", 0.25),
                StructCodec.toPlain(StructCodec.toStruct(Map.of("days", 30, "ratio", 0.25))));
    }

    @Test
    void nullMembersAreDroppedNullListElementsStay() {
        var struct = Struct.newBuilder()
                .putFields("gone", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("unset", Value.getDefaultInstance())
                .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStringValue("a"))
                        .addValues(Value.newBuilder().setNullValue(NullValue.NULL_VALUE))).build())
                .build();
        var plain = StructCodec.toPlain(struct);
        assertFalse(plain.containsKey("gone"));
        assertFalse(plain.containsKey("unset"));
        assertEquals(Arrays.asList("a", null), plain.get("list"));

        var withNull = new LinkedHashMap<String, Object>();
        withNull.put("k", null);
        assertEquals(Value.KindCase.NULL_VALUE, StructCodec.toStruct(withNull).getFieldsOrThrow("k").getKindCase());
    }

    @Test
    void nestedValuesRoundTrip() {
        Map<String, Object> value = Map.of(
                "lfTagPolicy", Map.of("resourceType", "TABLE", "expressions", List.of(
                        Map.of("key", "domain", "values", List.of("sales")),
                        Map.of("key", "pii", "values", List.of("false")))),
                "permissions", List.of("SELECT", "DESCRIBE"),
                "wildcard", true,
                "nested", Map.of("deeper", Map.of("count", 3L, "share", 0.5)));
        assertEquals(value, StructCodec.toPlain(StructCodec.toStruct(value)));
    }

    @Test
    void aValueThatIsNotJsonLikeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StructCodec.toValue(new Object()));
    }
}

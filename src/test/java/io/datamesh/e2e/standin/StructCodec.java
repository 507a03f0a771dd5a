package io.datamesh.e2e.standin;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts the engine's {@code google.protobuf.Struct} property bags to plain Java maps and back. */
final class StructCodec {
    /** The engine's "unknown during preview" sentinels, one per type. */
    static final Set<String> UNKNOWN_SENTINELS = Set.of(
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
            "3eeb2bf0-c639-47a8-9e75-3b44932eb421", "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
            "030794c1-ac77-496b-92df-f27374a8bd58", "e48ece36-62e2-4504-bad9-02848725956a",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff");
    static final String UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructCodec() {
    }

    static Map<String, Object> toMap(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> toMap(value.getStructValue());
            case LIST_VALUE -> {
                var list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(v -> list.add(toJava(v)));
                yield list;
            }
        };
    }

    static Struct toStruct(Map<String, ?> map) {
        var b = Struct.newBuilder();
        map.forEach((k, v) -> b.putFields(k, toValue(v)));
        return b.build();
    }

    @SuppressWarnings("unchecked")
    static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        } else if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        } else if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        } else if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        } else if (o instanceof Map<?, ?> m) {
            return Value.newBuilder().setStructValue(toStruct((Map<String, ?>) m)).build();
        } else if (o instanceof List<?> l) {
            var lb = ListValue.newBuilder();
            l.forEach(e -> lb.addValues(toValue(e)));
            return Value.newBuilder().setListValue(lb).build();
        }
        return Value.newBuilder().setStringValue(o.toString()).build();
    }

    /** True when the value, or anything nested in it, is unknown (preview only). */
    static boolean containsUnknown(Object o) {
        if (o instanceof String s) {
            return UNKNOWN_SENTINELS.contains(s);
        } else if (o instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(StructCodec::containsUnknown);
        } else if (o instanceof List<?> l) {
            return l.stream().anyMatch(StructCodec::containsUnknown);
        }
        return false;
    }
}

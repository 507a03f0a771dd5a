package io.datamesh.policy.analyzer;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between {@code google.protobuf.Struct} and plain Java values, for the policy analyzer
 * and the e2e's stand-in provider alike. Sentinels (unknowns, secret wrappers) pass through
 * unchanged: their readers interpret them. Null object members are dropped, since an absent input
 * and a null one mean the same to every rule and to the provider's diff; null list elements stay,
 * to keep positions. The engine carries every number as a double: an integral one (ports, days,
 * counts) comes back as a {@code Long}, so it equals what the program registered, and only a
 * fraction or a magnitude beyond 2^53 (where doubles stop being exact integers) as a {@code Double}.
 */
public final class StructCodec {
    private static final double MAX_EXACT_INTEGER = 9007199254740992d;   // 2^53

    private StructCodec() {
    }

    public static Map<String, Object> toPlain(Struct struct) {
        Map<String, Object> plain = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> {
            Object v = toPlain(value);
            if (v != null) {
                plain.put(key, v);
            }
        });
        return plain;
    }

    private static Object toPlain(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRUCT_VALUE -> toPlain(value.getStructValue());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>(value.getListValue().getValuesCount());
                value.getListValue().getValuesList().forEach(v -> list.add(toPlain(v)));
                yield list;
            }
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
    }

    private static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_INTEGER ? (Object) (long) d : (Object) d;
    }

    public static Struct toStruct(Map<String, ?> plain) {
        Struct.Builder struct = Struct.newBuilder();
        plain.forEach((key, value) -> struct.putFields(key, toValue(value)));
        return struct.build();
    }

    public static Value toValue(Object plain) {
        Value.Builder value = Value.newBuilder();
        if (plain == null) {
            value.setNullValue(NullValue.NULL_VALUE);
        } else if (plain instanceof String s) {
            value.setStringValue(s);
        } else if (plain instanceof Boolean b) {
            value.setBoolValue(b);
        } else if (plain instanceof Number n) {
            value.setNumberValue(n.doubleValue());
        } else if (plain instanceof Map<?, ?> m) {
            Map<String, Object> fields = new LinkedHashMap<>();
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
            value.setStructValue(toStruct(fields));
        } else if (plain instanceof List<?> l) {
            ListValue.Builder list = ListValue.newBuilder();
            l.forEach(v -> list.addValues(toValue(v)));
            value.setListValue(list);
        } else {
            throw new IllegalArgumentException("not a JSON-like value: " + plain.getClass().getName());
        }
        return value.build();
    }
}

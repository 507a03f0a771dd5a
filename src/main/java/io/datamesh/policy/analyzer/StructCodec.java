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
 * Converts between {@code google.protobuf.Struct} and plain Java values. Sentinels (unknowns,
 * secret wrappers) pass through unchanged: the rules' property accessor interprets them. Null
 * object members are dropped, since an absent input and a null one mean the same to every rule.
 */
public final class StructCodec {
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
            case NUMBER_VALUE -> value.getNumberValue();
            case STRUCT_VALUE -> toPlain(value.getStructValue());
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>(value.getListValue().getValuesCount());
                value.getListValue().getValuesList().forEach(v -> list.add(toPlain(v)));
                yield list;
            }
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
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

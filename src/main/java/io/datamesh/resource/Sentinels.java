package io.datamesh.resource;

import java.util.Map;
import java.util.Optional;

/** The engine's property-encoding markers (pulumi sdk/go/common/resource/sig and plugin/rpc.go). */
public final class Sentinels {
    public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    public static final String UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public static final String UNKNOWN_BOOL = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
    public static final String UNKNOWN_NUMBER = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";
    public static final String UNKNOWN_ARRAY = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";
    public static final String UNKNOWN_ASSET = "030794c1-ac77-496b-92df-f27374a8bd58";
    public static final String UNKNOWN_ARCHIVE = "e48ece36-62e2-4504-bad9-02848725956a";
    public static final String UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

    /** Type names exactly as @pulumi/policy prints them in its preview message. */
    private static final Map<String, String> UNKNOWN_TYPE_NAMES = Map.of(
            UNKNOWN_STRING, "string", UNKNOWN_BOOL, "boolean", UNKNOWN_NUMBER, "number",
            UNKNOWN_ARRAY, "Array", UNKNOWN_ASSET, "asset", UNKNOWN_ARCHIVE, "archive",
            UNKNOWN_OBJECT, "Object");

    private Sentinels() {
    }

    /** The type name of an unknown sentinel, or empty for an ordinary value. */
    public static Optional<String> unknownTypeName(Object value) {
        return value instanceof String s ? Optional.ofNullable(UNKNOWN_TYPE_NAMES.get(s)) : Optional.empty();
    }

    /** The plain value behind a secret wrapper; other values unchanged. */
    public static Object unwrapSecret(Object value) {
        if (value instanceof Map<?, ?> m && SECRET_SIG.equals(m.get(SIGNATURE_KEY))) {
            return m.get("value");
        }
        return value;
    }
}

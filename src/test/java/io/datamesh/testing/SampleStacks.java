package io.datamesh.testing;

import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;
import io.datamesh.config.StackSettings;
import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.plan.SampleMesh;
import io.datamesh.plan.StackFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sample stacks' settings, parsed at the config edge like the program does, with variants. */
public final class SampleStacks {
    private SampleStacks() {
    }

    /**
     * A sample stack's validated settings with some {@code datamesh:} keys replaced (JSON text for
     * structured values, as the engine hands them over) or, with a null value, removed.
     */
    @SuppressWarnings("unchecked")
    public static <T extends StackSettings> T settings(String stack, Map<String, String> overrides) {
        try {
            RawStackConfig raw = StackFiles.load(SampleMesh.ROOT, "datamesh", stack);
            var values = new LinkedHashMap<>(raw.values());
            overrides.forEach((key, value) -> {
                if (value == null) {
                    values.remove(StackConfigParser.NS + key);
                } else {
                    values.put(StackConfigParser.NS + key, value);
                }
            });
            return (T) StackConfigParser.parse(new RawStackConfig(raw.source(), raw.org(), raw.project(), raw.stack(), values));
        } catch (StackFiles.UnreadableException e) {
            throw new AssertionError("the sample stack " + stack + " must be readable", e);
        }
    }

    /** A domain account's settings after the merge: its admins kept, cross-account version 4. */
    public static AccountSettings lakeSettings(String accountId) {
        return new AccountSettings(List.of("arn:aws:iam::" + accountId + ":role/datamesh-deployer"), List.of(), List.of(),
                Map.of(AccountSettings.CROSS_ACCOUNT_VERSION, "4"), List.of(), false, List.of(), List.of(), false);
    }
}

package io.datamesh.policy.rules;

import io.datamesh.resource.Props;

import java.util.List;

/** The rules of a {@code BucketLifecycleConfigurationV2} that apply, enabled, to every object of the bucket. */
public final class BucketLifecycleRules {
    private BucketLifecycleRules() {
    }

    /**
     * Enabled rules without a narrowing filter: no filter, or a filter whose prefix is empty and
     * which sets no tag, size bound or {@code and} block (the deprecated top-level {@code prefix}
     * counts the same way). A rule for one prefix leaves the rest of the bucket unmanaged.
     */
    public static List<Props> wholeBucketRules(Props lifecycle) {
        return lifecycle.objects("rules").stream()
                .filter(r -> r.string("status").orElse("").equals("Enabled"))
                .filter(r -> r.string("prefix").orElse("").isEmpty())
                .filter(r -> r.object("filter").map(BucketLifecycleRules::coversEverything).orElse(true))
                .toList();
    }

    private static boolean coversEverything(Props filter) {
        return filter.string("prefix").orElse("").isEmpty() && filter.object("tag").isEmpty()
                && filter.object("and").isEmpty() && filter.string("objectSizeGreaterThan").isEmpty()
                && filter.number("objectSizeGreaterThan").isEmpty() && filter.string("objectSizeLessThan").isEmpty()
                && filter.number("objectSizeLessThan").isEmpty();
    }
}

package io.datamesh.policy.rules;

import io.datamesh.resource.Props;

import java.util.Optional;

/** Buckets that hold data products, told apart by the tag the mesh gives them. */
public final class DataBuckets {
    private DataBuckets() {
    }

    /** The name of a bucket tagged {@code datamesh:purpose=data}; empty for other or auto-named buckets. */
    public static Optional<String> dataBucketName(Props bucket) {
        return bucket.string("tags", "datamesh:purpose").filter("data"::equals)
                .flatMap(p -> bucket.string("bucket")).filter(n -> !n.isEmpty());
    }
}

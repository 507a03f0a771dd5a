package io.datamesh.e2e.standin;

import io.grpc.stub.StreamObserver;

import java.util.ArrayList;
import java.util.List;

/** What a gRPC call of the stand-in answered: its values, or its error. */
final class Capture<T> implements StreamObserver<T> {
    final List<T> values = new ArrayList<>();
    Throwable error;

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
    }
}

package io.datamesh.plan;

import java.time.Duration;

/** One run of a stack through the mock engine, with how long it took (program, engine and recording). */
public record StackRun(String stack, Duration elapsed) {
}

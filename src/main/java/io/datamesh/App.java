package io.datamesh;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import io.datamesh.config.InvalidConfigException;
import io.datamesh.config.RawStackConfig;
import io.datamesh.config.StackConfigParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The entry point `pulumi up` runs (through pulumi-language-java). */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            try {
                MeshProgram.define(ctx, StackConfigParser.parse(rawConfig(ctx)), Path.of("."));
            } catch (InvalidConfigException e) {
                // A RunException is reported as a user error: the message, no stack trace.
                throw new RunException(e.getMessage());
            }
        });
    }

    /** The language host passes the whole stack config as JSON in PULUMI_CONFIG. */
    static RawStackConfig rawConfig(Context ctx) {
        String json = System.getenv().getOrDefault("PULUMI_CONFIG", "{}");
        try {
            Map<String, String> values = new ObjectMapper().readValue(json, new TypeReference<>() {
            });
            return new RawStackConfig("stack " + ctx.stackName(), ctx.organizationName(), ctx.projectName(),
                    ctx.stackName(), values);
        } catch (IOException e) {
            throw new UncheckedIOException("PULUMI_CONFIG is not a JSON object", e);
        }
    }
}

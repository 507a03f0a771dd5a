package io.datamesh.testing;

import com.pulumi.Context;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.datamesh.plan.FakeCloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mock-engine run that records what every resource would send to AWS, with the names of the
 * resources it waits for. A test file builds all its variants in one run (a run costs seconds on
 * this machine) and asserts on the recording many times.
 */
public final class RecordedRun {
    /** A registered resource: its type, logical name, the inputs the engine gets and its explicit dependencies. */
    public record Sent(String type, String name, Map<String, Object> inputs, List<String> dependsOn) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<String>> dependsOnByName = Collections.synchronizedMap(new HashMap<>());
    private TestResult result;

    private RecordedRun() {
    }

    /**
     * @param stackOutputs by fully qualified stack name, what a StackReference to it reads; a stack
     *                     not listed reads as not deployed
     */
    public static RecordedRun of(String accountId, String region, Map<String, Map<String, Object>> stackOutputs,
                                 Consumer<Context> program) {
        var run = new RecordedRun();
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                if (args.type.equals("pulumi:pulumi:StackReference")) {
                    String stack = String.valueOf(args.inputs.get("name"));
                    return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), Map.of("name", stack,
                            "outputs", stackOutputs.getOrDefault(stack, Map.of()), "secretOutputNames", List.of())));
                }
                run.sent.add(new Sent(args.type, args.name, args.inputs,
                        run.dependsOnByName.getOrDefault(args.name, List.of())));
                return CompletableFuture.completedFuture(ResourceResult.of(
                        Optional.of(FakeCloud.id(args.type, args.name, args.inputs)),
                        FakeCloud.state(args.type, args.name, args.inputs, accountId, region)));
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                throw new UnsupportedOperationException("a component test answers no invoke: " + args.token);
            }
        };
        ResourceTransformation dependencies = args -> {
            List<Resource> after = Internal.of(args.options().getDependsOn()).getValueNullable().getNow(null);
            if (after != null) {
                run.dependsOnByName.put(args.resource().pulumiResourceName(),
                        after.stream().map(Resource::pulumiResourceName).toList());
            }
            return Optional.empty();
        };
        run.result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("datamesh").stackName("test").preview(false)
                        .resourceTransformations(List.of(dependencies)).build())
                .runTest(program::accept);
        return run;
    }

    public TestResult result() {
        return result;
    }

    /** A stack output the program exported, as a plain value. */
    public Object output(String name) {
        var output = result.outputs().get(name);
        assertThat(output).as("output " + name).isNotNull();
        return PulumiTest.extractValue(output);
    }

    public List<Sent> ofType(String type) {
        return sent.stream().filter(s -> s.type().equals(type)).toList();
    }

    public List<String> names(String type) {
        return ofType(type).stream().map(Sent::name).toList();
    }

    public Sent named(String type, String name) {
        return ofType(type).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + "; have " + names(type)));
    }

    /** The resources whose logical name starts with a component's name: what that component registered. */
    public List<Sent> under(String componentName) {
        return sent.stream().filter(s -> s.name().startsWith(componentName + "-")).toList();
    }

    /** Fails the test with the program's own error when the run did not finish cleanly. */
    public RecordedRun succeeded() {
        assertThat(result.exceptions()).as("exceptions of the run").isEmpty();
        return this;
    }
}

package io.datamesh.testing;

import com.pulumi.Context;
import io.datamesh.config.StackIdentity;
import io.datamesh.plan.AccountState;
import io.datamesh.plan.MeshPlanner;
import io.datamesh.plan.StackPlan;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of a component's program through the offline plan's mock engine ({@link MeshPlanner#run}),
 * seen as what every resource would send to AWS, with the names of the resources it waits for. A
 * test file builds all its variants in one run (a run costs seconds on this machine) and asserts on
 * the recording many times.
 */
public final class RecordedRun {
    /** A registered resource: its type, logical name, the inputs the engine gets and its explicit dependencies. */
    public record Sent(String type, String name, Map<String, Object> inputs, List<String> dependsOn) {
    }

    private final StackPlan plan;
    private final List<Sent> sent;

    private RecordedRun(StackPlan plan) {
        this.plan = plan;
        this.sent = plan.resources().stream().map(r -> new Sent(r.type(), r.name(), r.inputs(),
                plan.dependsOn().getOrDefault(r.urn(), List.of()).stream().map(RecordedRun::nameOf).toList())).toList();
    }

    /**
     * @param stackOutputs by fully qualified stack name, what a StackReference to it reads; a stack
     *                     not listed reads as not deployed
     */
    public static RecordedRun of(String accountId, String region, Map<String, Map<String, Object>> stackOutputs,
                                 Consumer<Context> program) {
        var identity = new StackIdentity("organization", "datamesh", "test", accountId, region, "datamesh", 4,
                List.of(), Map.of());
        return new RecordedRun(MeshPlanner.run("test", identity, "test", AccountState.TYPICAL, stackOutputs, ctx -> {
            program.accept(ctx);
            return List.of();
        }));
    }

    /** A stack output the program exported, as a plain value. */
    public Object output(String name) {
        var output = plan.outputs().get(name);
        assertThat(output).as("output " + name).isNotNull();
        return output;
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

    private static String nameOf(String urn) {
        return urn.substring(urn.lastIndexOf("::") + 2);
    }

    /** Fails the test with the program's own error when the run did not finish cleanly. */
    public RecordedRun succeeded() {
        assertThat(plan.errors()).as("errors of the run").isEmpty();
        return this;
    }
}

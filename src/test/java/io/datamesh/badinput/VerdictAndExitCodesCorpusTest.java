package io.datamesh.badinput;

import io.datamesh.plan.SampleMesh;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.datamesh.badinput.BadInputCase.planned;
import static io.datamesh.badinput.BadInputCase.refused;

/**
 * Issue 18, parts 6 and 7: every command gives the verdict `plan` gives on the same files, and each
 * exit code means one thing. Bad options of any command exit 2 with one line and the usage, an
 * output file that cannot be written stops the command before it plans, and a configuration a
 * mandatory policy refuses is never shown as access anyone has.
 */
class VerdictAndExitCodesCorpusTest extends CorpusTest {
    /** A PII column re-tagged as not PII in its contract: lf-pii-columns-tagged (mandatory) stops the central stack. */
    static final Consumer<BadInputMesh> FULL_NAME_NOT_PII = mesh -> mesh.replace("contracts/customers.odcs.yaml",
            "description: Customer name\n        classification: pii\n",
            "description: Customer name\n        tags: [pii=false]\n");
    static final String VIOLATION = "policy mandatory: datamesh-governance/lf-pii-columns-tagged on central-sales-customers";
    /** full_name in a reader's column list, as the matrix would print it had the re-tagging been deployable. */
    static final String FULL_NAME_READABLE = "customer_id,full_name,country";
    static final Consumer<BadInputMesh> NOTHING = mesh -> {
    };
    static final String READ_ONLY = "/proc/datamesh-out.json";

    static Stream<BadInputCase> cases() {
        return Stream.of(
                // No subcommand, unknown subcommands, unknown flags, missing values: usage errors.
                refused("no subcommand", NOTHING, "Usage: datamesh").command(),
                refused("unknown subcommand", NOTHING, "Unmatched argument", "Usage: datamesh").command("nosuch"),
                refused("plan: unknown flag", NOTHING, "Unknown option: '--nosuch'", "Usage: datamesh plan")
                        .command("plan", "--dir", "{dir}", "--nosuch"),
                refused("plan: --dir without a value", NOTHING, "Missing required parameter for option '--dir'")
                        .command("plan", "--dir"),
                refused("plan: --stack without a value", NOTHING, "Missing required parameter for option '--stack'")
                        .command("plan", "--dir", "{dir}", "--stack"),
                refused("generate: a count that is not a number", NOTHING, "Invalid value for option '--producers'",
                        "Usage: datamesh generate")
                        .command("generate", "--producers", "many", "--tables", "1", "--columns", "2", "--consumers", "1",
                                "--out", "{dir}/generated"),
                refused("generate: zero producers", NOTHING, "a mesh needs ≥ 1 producer", "Usage: datamesh generate")
                        .command("generate", "--producers", "0", "--tables", "1", "--columns", "2", "--consumers", "1",
                                "--out", "{dir}/generated"),
                refused("generate: one column", NOTHING, "a mesh needs", "≥ 2 columns", "Usage: datamesh generate")
                        .command("generate", "--producers", "1", "--tables", "1", "--columns", "1", "--consumers", "1",
                                "--out", "{dir}/generated"),
                refused("generate: required options missing", NOTHING, "Missing required options", "Usage: datamesh generate")
                        .command("generate", "--producers", "1"),
                refused("policies: unknown pack", NOTHING, "no policy pack named 'nosuch'", "aws-baseline",
                        "Usage: datamesh policies").command("policies", "--pack", "nosuch"),
                refused("policies: unknown flag", NOTHING, "Unknown options: '--level', 'x'").command("policies", "--level", "x"),
                refused("access: --principal without --table", NOTHING, "--principal and --table go together",
                        "Usage: datamesh access").command("access", "--dir", "{dir}", "--principal", "datamesh-marketing-analyst"),
                refused("access: --fail-on-widening without --base", NOTHING, "--fail-on-widening needs --base")
                        .command("access", "--dir", "{dir}", "--fail-on-widening"),
                refused("access: unknown --format", NOTHING, "Invalid value for option '--format'")
                        .command("access", "--dir", "{dir}", "--base", "{dir}", "--format", "pdf"),
                refused("diagram: unknown flag", NOTHING, "Unknown options: '--json'", "Usage: datamesh diagram")
                        .command("diagram", "--dir", "{dir}", "--json", "{dir}/d.json"),
                refused("up: --from not a number", NOTHING, "Invalid value for option '--from'", "Usage: datamesh up")
                        .command("up", "--dir", "{dir}", "--from", "two"),
                refused("preview: unknown flag", NOTHING, "Unknown option: '--yes'").command("preview", "--dir", "{dir}", "--yes"),
                refused("destroy: --from without a value", NOTHING, "Missing required parameter for option '--from'")
                        .command("destroy", "--dir", "{dir}", "--from"),
                refused("verify: --dir without a value", NOTHING, "Missing required parameter for option '--dir'")
                        .command("verify", "--dir"),

                // An output file that cannot be written stops the command before it plans (or reads AWS).
                refused("plan: --json is a directory", NOTHING, "--json", "is a directory", "Usage: datamesh plan")
                        .command("plan", "--dir", "{dir}", "--json", "{dir}").never("Deploy order"),
                refused("plan: --json in a missing directory", NOTHING, "--json", "/no-such-dir/plan.json", "no directory")
                        .command("plan", "--dir", "{dir}", "--json", "{dir}/no-such-dir/plan.json").never("Deploy order"),
                refused("plan: --json in a read-only location", NOTHING, "--json " + READ_ONLY, "cannot be written")
                        .command("plan", "--dir", "{dir}", "--json", READ_ONLY).never("Deploy order"),
                refused("access: --json is a directory", NOTHING, "--json", "is a directory", "Usage: datamesh access")
                        .command("access", "--dir", "{dir}", "--json", "{dir}").never("ACCOUNT"),
                refused("access --base: --json in a missing directory", NOTHING, "--json", "/missing/diff.json", "no directory")
                        .command("access", "--dir", "{dir}", "--base", "{dir}", "--json", "{dir}/missing/diff.json")
                        .never("Access changes"),
                refused("verify: --json in a missing directory", NOTHING, "--json", "/missing/verify.json", "no directory",
                        "Usage: datamesh verify").command("verify", "--dir", "{dir}", "--json", "{dir}/missing/verify.json")
                        .never("verify: "),
                refused("verify: --json in a read-only location", NOTHING, "--json " + READ_ONLY, "cannot be written")
                        .command("verify", "--dir", "{dir}", "--json", READ_ONLY).never("verify: "),
                refused("policies: --json is a directory", NOTHING, "--json", "is a directory", "Usage: datamesh policies")
                        .command("policies", "--json", "{dir}").never("POLICY"),
                refused("diagram: --out in a missing directory", NOTHING, "--out", "/missing/mesh.mmd", "no directory")
                        .command("diagram", "--dir", "{dir}", "--out", "{dir}/missing/mesh.mmd"),

                // One verdict: what plan stops, access (every mode) and diagram stop too, with plan's words.
                planned("plan: a PII column re-tagged as not PII", FULL_NAME_NOT_PII, VIOLATION).exits(3),
                planned("access: the matrix of a refused configuration", FULL_NAME_NOT_PII, VIOLATION, "stack central")
                        .command("access", "--dir", "{dir}").exits(3).never(FULL_NAME_READABLE, "ACCOUNT"),
                planned("access: a verdict on a column a refused configuration exposes", FULL_NAME_NOT_PII, VIOLATION)
                        .command("access", "--dir", "{dir}", "--principal", "datamesh-marketing-analyst",
                                "--table", "sales.customers", "--column", "full_name").exits(3).never("ALLOWED"),
                planned("access --base: a refused configuration is no head to compare", FULL_NAME_NOT_PII, VIOLATION)
                        .command("access", "--dir", "{dir}", "--base", SampleMesh.ROOT.toString(), "--fail-on-widening")
                        .exits(3).never("Access changes", "gained"),
                planned("diagram: a refused configuration", FULL_NAME_NOT_PII, VIOLATION)
                        .command("diagram", "--dir", "{dir}").exits(3).never("flowchart"),
                planned("access and plan share --policy-config: the rule made advisory", mesh -> {
                    FULL_NAME_NOT_PII.accept(mesh);
                    mesh.write("policy.json", "{\"lf-pii-columns-tagged\": \"advisory\"}");
                }, "datamesh-marketing-analyst", FULL_NAME_READABLE)
                        .command("access", "--dir", "{dir}", "--policy-config", "{dir}/policy.json").never(VIOLATION),
                planned("access --base --fail-on-widening: a gain exits 6, not verify's 5", VerdictAndExitCodesCorpusTest::baseWithoutTheMarketingGrant,
                        "Access changes: 2 gained, 0 lost")
                        .command("access", "--dir", "{dir}", "--base", "{dir}/base", "--fail-on-widening").exits(6));
    }

    /** {@code base/}: the same stacks without the marketing analyst's TABLE grant, so the project gains it. */
    static void baseWithoutTheMarketingGrant(BadInputMesh mesh) {
        for (String file : new String[]{"Pulumi.yaml", "Pulumi.producer.yaml", "Pulumi.consumer.yaml",
                "contracts/orders.odcs.yaml", "contracts/customers.odcs.yaml"}) {
            mesh.write("base/" + file, mesh.read(file));
        }
        String central = mesh.read("Pulumi.central.yaml");
        int start = central.indexOf("    # Every non-personal column");
        int end = central.indexOf("    - name: sales-own-database");
        if (start < 0 || end < start) {
            throw new AssertionError("Pulumi.central.yaml has no marketing-sales-non-pii grant to leave out");
        }
        mesh.write("base/Pulumi.central.yaml", central.substring(0, start) + central.substring(end));
    }
}

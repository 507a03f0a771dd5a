package io.datamesh.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamesh.plan.InvalidMeshException;
import io.datamesh.verify.AccountExpectation;
import io.datamesh.verify.AccountReader;
import io.datamesh.verify.AwsAccountReader;
import io.datamesh.verify.AwsSession;
import io.datamesh.verify.Expectations;
import io.datamesh.verify.Finding;
import io.datamesh.verify.StackCredentials;
import io.datamesh.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code datamesh verify}: the live accounts against the offline plan of the same stack files, read-only. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Reads each stack's AWS account with the stack's credentials (aws:profile / aws:assumeRole)"
                + " and compares it with the offline plan: Lake Formation settings, IAM_ALLOWED_PRINCIPALS on mesh"
                + " databases and tables, grants both ways, resource links, what each analyst or engineer role reads"
                + " through Athena (zero-row queries; one-row queries too with --read-rows), and pending RAM invitations."
                + " Changes nothing.",
                "Set " + AwsSession.ENDPOINT_ENV + " to send every AWS call to one endpoint (a local emulator)."},
        footer = ExitCode.HELP)
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MeshDirectory mesh;

    @Option(names = "--stack", description = "Only verify these stacks (repeatable).")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--read-rows", description = "Also run, per role and table, a query that reads one row (LIMIT 1),"
            + " so S3 and KMS are exercised through Lake Formation's vended credentials; the zero-row probe asks the"
            + " catalog and Lake Formation only. Scans data (Athena bills the bytes scanned).")
    boolean readRows;

    @Option(names = "--json", description = "Also write the findings as JSON to this file.")
    Path json;

    private final AccountReader.Factory readers;

    public VerifyCommand() {
        this(account -> AwsAccountReader.open(AwsSession.forStack(account, AwsSession.endpoint(System::getenv)), account.accountId()));
    }

    /** With another way to read the accounts (tests: a local emulator). */
    public VerifyCommand(AccountReader.Factory readers) {
        this.readers = readers;
    }

    @Override
    public Integer call() throws IOException {
        OutputFile.requireWritable(spec, "--json", json);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, StackCredentials> credentials;
        try {
            credentials = StackCredentials.readAll(mesh.dir, Set.copyOf(stacks), System::getenv);
        } catch (InvalidMeshException e) {
            MeshDirectory.report(err, e, "nothing was verified");
            return ExitCode.INVALID_INPUT.code();
        }
        var plan = mesh.plan(err, Set.copyOf(stacks), Expectations.VERIFIED_ACCOUNT);
        if (plan.isEmpty()) {
            return ExitCode.INVALID_INPUT.code();
        }
        List<AccountExpectation> accounts;
        try {
            accounts = Expectations.of(plan.get(), Set.copyOf(stacks), credentials, readRows);
        } catch (InvalidMeshException e) {
            MeshDirectory.report(err, e, "nothing was verified");
            return ExitCode.INVALID_INPUT.code();
        }
        Verifier.Report report = Verifier.run(accounts, readers, line -> {
            err.println("verify: " + line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        print(out, report);
        if (json != null) {
            writeJson(accounts, report);
            out.println("wrote " + json);
        }
        out.flush();
        if (!report.unreadable().isEmpty()) {
            // Told apart from drift: nothing of these accounts was compared, the fix is the credentials.
            report.unreadable().forEach(f -> err.println("verify: cannot read account " + f.account() + " (stack " + f.stack()
                    + "): " + (f.subject().equals("credentials") ? "its credentials " : "") + f.problem().lines().findFirst().orElse("")
                    + ". Set aws:profile or"
                    + " aws:assumeRole in Pulumi." + f.stack() + ".yaml (docs/verify.md), then verify again."));
            err.flush();
            return ExitCode.ACCOUNT_UNREADABLE.code();
        }
        return report.matches() ? 0 : ExitCode.LIVE_DIFFERS.code();
    }

    private static void print(PrintWriter out, Verifier.Report report) {
        if (!report.matches()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"STACK", "ACCOUNT", "CHECK", "SUBJECT", "PROBLEM"});
            report.findings().forEach(f -> rows.add(new String[]{f.stack(), f.account(), f.check().name(), f.subject(), f.problem()}));
            TextTable.print(out, rows);
            out.println();
            out.println("Fixes:");
            report.findings().forEach(f -> f.fix().ifPresent(fix -> out.println("  # " + f.stack() + " " + f.check() + ": "
                    + f.subject() + System.lineSeparator() + "  " + fix)));
            out.println();
        }
        out.println(report.checked() + " planned item(s) checked, " + report.findings().size() + " difference(s): "
                + (report.matches() ? "the live mesh matches the plan" : "the live mesh differs from the plan"));
    }

    private void writeJson(List<AccountExpectation> accounts, Verifier.Report report) throws IOException {
        var root = new LinkedHashMap<String, Object>();
        root.put("matches", report.matches());
        root.put("checked", report.checked());
        root.put("stacks", accounts.stream().map(a -> Map.of("stack", a.stack(), "account", a.accountId())).toList());
        root.put("findings", report.findings().stream().map(VerifyCommand::findingJson).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
    }

    private static Map<String, Object> findingJson(Finding f) {
        var m = new LinkedHashMap<String, Object>();
        m.put("stack", f.stack());
        m.put("account", f.account());
        m.put("check", f.check().name());
        m.put("subject", f.subject());
        m.put("problem", f.problem());
        m.put("fix", f.fix().orElse(null));
        return m;
    }
}

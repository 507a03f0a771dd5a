package io.datamesh.cli;

/**
 * The exit codes of every {@code datamesh} command, each with one meaning whatever the command, so a
 * script or CI job can act on the number alone. docs/exit-codes.md is this table, kept equal by a test.
 */
public enum ExitCode {
    OK(0, "Success: planned cleanly, access allowed, the live mesh matches, every step done."),
    STACK_FAILED(1, "A stack failed: it could not be planned offline (e.g. an exceeded AWS quota), or its Pulumi"
            + " operation failed (the command that resumes is printed)."),
    INVALID_INPUT(2, "Invalid input, nothing was done: a bad option, option value or missing subcommand (one line"
            + " and the usage), a file an option names that cannot be read or written, invalid stack configuration"
            + " (one line per problem), or, for `preflight`, `up`, `preview` and `destroy`, no `pulumi` CLI on PATH (the"
            + " line names scripts/install-pulumi-tools.sh)."),
    MANDATORY_VIOLATION(3, "A mandatory policy stops a stack. `plan`, `access`, `diagram`, `up` and `preview` give"
            + " this verdict alike and print the violations."),
    ACCESS_DENIED(4, "`access --principal … --table …`: the principal cannot read it (the first missing step is printed)."),
    LIVE_DIFFERS(5, "`verify`: the live accounts differ from the plan (what could not be read within an account"
            + " it could open is a difference too)."),
    ACCESS_WIDENED(6, "`access --base … --fail-on-widening`: a principal gains access against the base."),
    PREFLIGHT_FAILED(7, "`preflight`, and `up`, `preview` and `destroy` before they run anything: an account or the"
            + " Pulumi CLI is not ready (credentials of another account or none, a permission the deployer lacks, Lake"
            + " Formation settings the stack cannot write, a CLI too old or not logged in); every problem is printed with"
            + " its fix and nothing was run; also `up --clear-iam-defaults` when an account's settings could not be"
            + " cleared (nothing was deployed)."),
    DATA_CHECK_FAILED(8, "`check-data`: a sample file does not meet its data product's contract (a column missing,"
            + " undeclared or of the wrong type, a null where required, a duplicate key, a quality rule's bound); each"
            + " failure is printed with its file, column, rule and offending rows."),
    ACCOUNT_UNREADABLE(9, "`verify`: an account could not be read at all (no credentials, credentials of another"
            + " account, STS refusing them): each is named with the stack-file keys to set; nothing of it was compared, so"
            + " this is not drift."),
    INTERNAL_ERROR(70, "An unexpected error (a bug, or the machine failed): one line; please report it."),
    INTERRUPTED(130, "`up`, `preview`, `destroy` stopped by SIGINT (^C): every running Pulumi CLI (several with"
            + " `--parallel`) was asked to cancel (as by ^C), waited for, and the command that resumes printed, with the one"
            + " that unlocks each stack whose CLI had to be killed."),
    TERMINATED(143, "As 130, stopped by SIGTERM (e.g. a cancelled CI job, `kill`).");

    /** What every command's --help says in place of a list of its own. */
    public static final String HELP = "Exit codes: docs/exit-codes.md (one meaning each, the same for every command).";

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}

package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one AWS CLI call the program ever asks a person to run, against the emulated AWS: {@code aws
 * lakeformation put-data-lake-settings --catalog-id ID --data-lake-settings JSON}, as the acting
 * account ({@value StandInAwsProvider#ACCOUNT_ENV}). Unlike the provider, the CLI sends the lists it
 * is given, so an explicitly empty default-permissions list clears the IAM-only defaults (Lake
 * Formation developer guide, "Changing the default settings for your data lake"). Any other call
 * is refused loudly: the e2e must not depend on a command this stand-in does not emulate.
 */
public final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsCli() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length < 2 || !args[0].equals("lakeformation") || !args[1].equals("put-data-lake-settings")
                || !options.containsKey("--data-lake-settings")) {
            System.err.println("stand-in aws: only `aws lakeformation put-data-lake-settings [--catalog-id ID]"
                    + " --data-lake-settings JSON` is emulated, not: aws " + String.join(" ", args));
            return 252;
        }
        String account = env.getOrDefault(StandInAwsProvider.ACCOUNT_ENV, StandInAwsProvider.DEFAULT_ACCOUNT);
        String catalogId = options.getOrDefault("--catalog-id", account);
        if (!catalogId.equals(account)) {
            System.err.println("An error occurred (AccessDeniedException) when calling the PutDataLakeSettings operation:"
                    + " the credentials are for account " + account + ", not " + catalogId);
            return 254;
        }
        Map<String, Object> request = LakeFormationShapes.settingsFromApi(JSON.readTree(options.get("--data-lake-settings")));
        EmulatedAws.transact(Path.of(env.get(StandInAwsProvider.STATE_ENV)), aws -> {
            LakeFormationEmulator.putDataLakeSettings(aws, catalogId, request);
            return null;
        });
        return 0;
    }
}

package io.datamesh.e2e.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The identity policies of each account's deployer, the {@code datamesh-deployer} role the provider
 * and the AWS-API endpoint act as ({@link EmulatedAws#deployerPolicies}). AWS managed policies are
 * their published documents (src/test/resources/.../managed-policies, sources in
 * docs/aws-behaviours.md). The e2e gives a deployer other policies with this class's main:
 * <pre>
 *   Deployers STATE_FILE ACCOUNT POLICY...   # POLICY: an AWS managed policy's name, or NAME=FILE (inline)
 *   Deployers STATE_FILE ACCOUNT --admin     # back to AdministratorAccess
 * </pre>
 */
public final class Deployers {
    static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";

    private Deployers() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: Deployers STATE_FILE ACCOUNT (--admin | POLICY...), POLICY a managed policy name or NAME=FILE");
            System.exit(2);
        }
        Map<String, String> policies = new LinkedHashMap<>();
        for (String arg : java.util.Arrays.asList(args).subList(2, args.length)) {
            if (arg.equals("--admin")) {
                policies.clear();
                break;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                policies.put(arg.substring(0, eq), Files.readString(Path.of(arg.substring(eq + 1))));
            } else {
                policies.put(arg, managed(arg).orElseThrow(() ->
                        new IllegalArgumentException("no AWS managed policy document for " + arg + " in the stand-in")));
            }
        }
        String account = args[1];
        EmulatedAws.transact(Path.of(args[0]), aws -> policies.isEmpty()
                ? aws.deployerPolicies.remove(account) : aws.deployerPolicies.put(account, policies));
    }

    /** The deployer's policies by name: its own, or AdministratorAccess when the account set none. */
    static Map<String, String> of(EmulatedAws aws, String account) {
        Map<String, String> set = aws.deployerPolicies.get(account);
        return set != null ? set : Map.of(ADMINISTRATOR_ACCESS, managed(ADMINISTRATOR_ACCESS).orElseThrow());
    }

    /** An AWS managed policy's document, if the stand-in has it. */
    static Optional<String> managed(String name) {
        try (InputStream in = Deployers.class.getResourceAsStream("managed-policies/" + name + ".json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the managed policy " + name, e);
        }
    }
}

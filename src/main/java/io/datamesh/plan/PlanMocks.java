package io.datamesh.plan;

import com.pulumi.test.Mocks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mock engine's view of AWS for one stack: every resource is "created" with deterministic ids
 * and ARNs ({@link FakeCloud}), invokes are answered from an {@link AccountState}, and stack
 * references return the outputs of stacks planned before this one (or none: not deployed yet).
 */
final class PlanMocks implements Mocks {
    private final String accountId;
    private final String region;
    private final AccountState account;
    private final Map<String, Map<String, Object>> deployedOutputs;
    private final Map<String, Map<String, Object>> inputsByKey = new ConcurrentHashMap<>();

    PlanMocks(String accountId, String region, AccountState account, Map<String, Map<String, Object>> deployedOutputs) {
        this.accountId = accountId;
        this.region = region;
        this.account = account;
        this.deployedOutputs = deployedOutputs;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            String stack = String.valueOf(args.inputs.get("name"));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), Map.of(
                    "name", stack,
                    "outputs", deployedOutputs.getOrDefault(stack, Map.of()),
                    "secretOutputNames", List.of())));
        }
        inputsByKey.put(key(args.type, args.name), args.inputs);
        return CompletableFuture.completedFuture(ResourceResult.of(
                Optional.of(FakeCloud.id(args.type, args.name, args.inputs)),
                FakeCloud.state(args.type, args.name, args.inputs, accountId, region)));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> account.callerIdentity(accountId);
            case "aws:iam/getSessionContext:getSessionContext" -> account.sessionContext(accountId);
            case "aws:lakeformation/getDataLakeSettings:getDataLakeSettings" -> account.dataLakeSettings(accountId);
            default -> throw new UnsupportedOperationException("the offline plan does not answer invoke " + args.token);
        };
        return CompletableFuture.completedFuture(result);
    }

    Map<String, Object> inputs(String type, String name) {
        return inputsByKey.getOrDefault(key(type, name), Map.of());
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}

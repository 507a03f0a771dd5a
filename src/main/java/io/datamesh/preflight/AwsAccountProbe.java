package io.datamesh.preflight;

import io.datamesh.lakeformation.AccountSettings;
import io.datamesh.preflight.DeployerActions.RequiredAction;
import io.datamesh.verify.AwsAccountReader;
import io.datamesh.verify.AwsSession;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link AccountProbe} through the AWS SDK for Java v2. */
public final class AwsAccountProbe implements AccountProbe {
    private final StsClient sts;
    private final LakeFormationClient lakeFormation;
    private final IamClient iam;

    AwsAccountProbe(StsClient sts, LakeFormationClient lakeFormation, IamClient iam) {
        this.sts = sts;
        this.lakeFormation = lakeFormation;
        this.iam = iam;
    }

    public static AwsAccountProbe open(AwsSession session) {
        return open(session, session.client(IamClient.builder()));
    }

    /** With another IAM client: the local emulator has no policy simulator, so tests bring their own. */
    public static AwsAccountProbe open(AwsSession session, IamClient iam) {
        return new AwsAccountProbe(session.client(StsClient.builder()), session.client(LakeFormationClient.builder()), iam);
    }

    @Override
    public CallerIdentity callerIdentity() {
        return CallerIdentity.of(sts);
    }

    @Override
    public AccountSettings settings() {
        return AwsAccountReader.accountSettings(lakeFormation.getDataLakeSettings(r -> { }).dataLakeSettings());
    }

    /**
     * One simulation per resource and condition context, since a request carries one context for all its
     * actions; every page of each (IsTruncated, Marker).
     */
    @Override
    public List<Decision> simulate(String principalArn, List<RequiredAction> actions) {
        Map<List<Object>, List<RequiredAction>> groups = actions.stream().collect(Collectors.groupingBy(
                a -> List.of(a.resource(), a.context()), LinkedHashMap::new, Collectors.toList()));
        Map<RequiredAction, Decision> decisions = new HashMap<>();
        for (List<RequiredAction> group : groups.values()) {
            RequiredAction first = group.get(0);
            var request = SimulatePrincipalPolicyRequest.builder().policySourceArn(principalArn)
                    .actionNames(group.stream().map(RequiredAction::action).toList())
                    .resourceArns(first.resource())
                    .contextEntries(first.context().entrySet().stream().map(e -> ContextEntry.builder().contextKeyName(e.getKey())
                            .contextKeyType(ContextKeyTypeEnum.STRING).contextKeyValues(e.getValue()).build()).toList());
            List<EvaluationResult> results = new ArrayList<>();
            SimulatePrincipalPolicyResponse page = iam.simulatePrincipalPolicy(request.build());
            results.addAll(page.evaluationResults());
            while (Boolean.TRUE.equals(page.isTruncated())) {
                page = iam.simulatePrincipalPolicy(request.marker(page.marker()).build());
                results.addAll(page.evaluationResults());
            }
            for (RequiredAction action : group) {
                decisions.put(action, results.stream().filter(r -> r.evalActionName().equalsIgnoreCase(action.action()))
                        .findFirst().map(r -> decision(action, r))
                        .orElse(new Decision(action, false, Optional.empty())));
            }
        }
        return actions.stream().map(decisions::get).toList();
    }

    private static Decision decision(RequiredAction action, EvaluationResult result) {
        if (result.evalDecision() == PolicyEvaluationDecisionType.ALLOWED) {
            return new Decision(action, true, Optional.empty());
        }
        Optional<String> deniedBy = result.evalDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY
                ? Optional.of(result.matchedStatements().stream().map(Statement::sourcePolicyId).distinct()
                .collect(Collectors.joining(", "))).filter(s -> !s.isEmpty())
                : Optional.empty();
        return new Decision(action, false, deniedBy);
    }

    @Override
    public void close() {
        sts.close();
        lakeFormation.close();
        iam.close();
    }
}

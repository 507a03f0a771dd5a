package io.datamesh.policy.rules.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.resource.Props;
import io.datamesh.policy.engine.ResourceRule;
import io.datamesh.policy.engine.RuleEnv;
import io.datamesh.resource.ResourceTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code "Statement": {...}} is valid IAM, but scanners that iterate statements skip such a
 * document without a word (checkov's CKV_AWS_61 gives no result at all): the policy goes unreviewed.
 * A document that is not valid JSON is left to the rules that read it.
 */
public final class IamStatementList extends ResourceRule {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> DOCUMENTS = Map.of(
            ResourceTypes.IAM_ROLE, List.of("assumeRolePolicy"),
            ResourceTypes.IAM_ROLE_POLICY, List.of("policy"),
            ResourceTypes.BUCKET_POLICY, List.of("policy"),
            ResourceTypes.KMS_KEY, List.of("policy"),
            ResourceTypes.GLUE_RESOURCE_POLICY, List.of("policy"));

    public IamStatementList() {
        super("iam-statement-list", EnforcementLevel.MANDATORY,
                "IAM, bucket, key and Glue resource policies write Statement as a list.",
                DOCUMENTS.keySet().toArray(String[]::new));
    }

    @Override
    public List<String> check(Props inputs, RuleEnv env) {
        Map<String, String> documents = new LinkedHashMap<>();
        DOCUMENTS.values().stream().flatMap(List::stream).distinct()
                .forEach(key -> inputs.string(key).ifPresent(json -> documents.put(key, json)));
        List<Props> inline = inputs.objects("inlinePolicies");
        for (int i = 0; i < inline.size(); i++) {
            String source = "inlinePolicies[" + i + "].policy";
            inline.get(i).string("policy").ifPresent(json -> documents.put(source, json));
        }
        return documents.entrySet().stream().filter(d -> statementIsObject(d.getValue()))
                .map(d -> d.getKey() + " has a single Statement object, not a list")
                .toList();
    }

    private static boolean statementIsObject(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return root != null && root.path("Statement").isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}

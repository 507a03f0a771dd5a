package io.datamesh.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.resource.PlannedResource;
import io.datamesh.policy.engine.EnforcementLevel;
import io.datamesh.policy.engine.PackEvaluator;
import io.datamesh.policy.engine.PolicyContext;
import io.datamesh.policy.engine.PolicyFinding;
import io.datamesh.policy.engine.PolicyPack;
import io.datamesh.policy.engine.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Minimal resources and stacks for rule tests; JSON is written with single quotes for readability. */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String CENTRAL = "111111111111";
    public static final String PRODUCER = "222222222222";
    public static final String CONSUMER = "333333333333";

    public static final PolicyContext CENTRAL_STACK = new PolicyContext("central", "datamesh", Map.of(
            "datamesh:role", "central", "datamesh:accountId", CENTRAL,
            "datamesh:producers", "[{\"domain\":\"sales\",\"accountId\":\"" + PRODUCER + "\"}]",
            "datamesh:consumers", "[{\"domain\":\"marketing\",\"accountId\":\"" + CONSUMER + "\"}]"));
    public static final PolicyContext PRODUCER_STACK = new PolicyContext("sales", "datamesh", Map.of(
            "datamesh:role", "producer", "datamesh:accountId", PRODUCER, "datamesh:centralAccountId", CENTRAL,
            "datamesh:consumers", "[{\"domain\":\"marketing\",\"accountId\":\"" + CONSUMER + "\"}]"));

    private Fixtures() {
    }

    public static PlannedResource res(String type, String name, String singleQuotedJson) {
        return new PlannedResource("urn:pulumi:test::datamesh::" + type + "::" + name, type, name, Optional.empty(),
                inputs(singleQuotedJson));
    }

    public static Map<String, Object> inputs(String singleQuotedJson) {
        try {
            return JSON.readValue(singleQuotedJson.replace('\'', '"'), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuotedJson, e);
        }
    }

    public static PlannedResource res(String type, String name, Map<String, Object> inputs) {
        return new PlannedResource("urn:pulumi:test::datamesh::" + type + "::" + name, type, name, Optional.empty(), inputs);
    }

    /** A policy document as the JSON string the inputs carry. */
    public static String doc(String singleQuotedJson) {
        return singleQuotedJson.replace('\'', '"');
    }

    /** Runs one rule at mandatory level the way the analyzer would: per resource, then per stack. */
    public static List<PolicyFinding> run(Rule rule, PolicyContext context, List<PlannedResource> stack) {
        PackEvaluator evaluator = new PackEvaluator(new PolicyPack("test", "0.0.1", "", EnforcementLevel.MANDATORY, List.of(rule)));
        List<PolicyFinding> findings = new ArrayList<>();
        stack.forEach(r -> findings.addAll(evaluator.analyzeResource(r, context)));
        findings.addAll(evaluator.analyzeStack(stack, context));
        return findings;
    }
}

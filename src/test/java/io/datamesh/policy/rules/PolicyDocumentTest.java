package io.datamesh.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyDocumentTest {
    private static PolicyDocument.Statement only(String json) {
        PolicyDocument doc = PolicyDocument.parse("policy", json.replace('\'', '"'));
        assertEquals(java.util.Optional.empty(), doc.error());
        assertEquals(1, doc.statements().size());
        return doc.statements().get(0);
    }

    @Test
    void readsTheShapesIamAccepts() {
        var s = only("{'Version':2012,'Statement':{'Effect':'Allow','NotPrincipal':{'AWS':['1','2'],'Service':'s'},"
                + "'NotAction':'s3:Get*','NotResource':['a','b'],'Condition':{'Bool':{'aws:SecureTransport':false},"
                + "'NumericLessThan':{'s3:max-keys':[10,'20']}}}}");
        assertEquals(List.of(new PolicyDocument.Principal("AWS", "1"), new PolicyDocument.Principal("AWS", "2"),
                new PolicyDocument.Principal("Service", "s")), s.notPrincipals());
        assertEquals(List.of("s3:Get*"), s.notActions());
        assertEquals(List.of("a", "b"), s.notResources());
        assertEquals(List.of(new PolicyDocument.Condition("Bool", "aws:SecureTransport", List.of("false")),
                new PolicyDocument.Condition("NumericLessThan", "s3:max-keys", List.of("10", "20"))), s.conditions());
        assertTrue(only("{'Statement':[{'Effect':'Allow','Principal':'*'}]}").hasWildcardPrincipal());
    }

    @Test
    void duplicateKeysAreRefusedNotResolvedToTheLast() {
        PolicyDocument doc = PolicyDocument.parse("policy", ("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}],"
                + "'Statement':[{'Effect':'Deny','Action':'*','Resource':'*'}]}").replace('\'', '"'));
        assertTrue(doc.problem().orElse("").startsWith("policy is not a valid IAM policy: Duplicate field 'Statement'"), doc.toString());
        assertEquals(List.of(), doc.statements());
    }

    @Test
    void malformedDocumentsGiveAProblemNotAnException() {
        for (String json : List.of("", "nope", "[]", "{}", "{'Statement':'x'}", "{'Statement':[{'Effect':'allow'}]}",
                "{'Statement':[{'Effect':'Allow','Principal':['*']}]}", "{'Statement':[{'Effect':'Allow','Action':[1]}]}",
                "{'Statement':[{'Effect':'Allow','Condition':{'Bool':{'k':{'v':1}}}}]}")) {
            PolicyDocument doc = PolicyDocument.parse("policy", json.replace('\'', '"'));
            assertTrue(doc.problem().orElse("").startsWith("policy is not a valid IAM policy: "), json + " → " + doc);
            assertEquals(List.of(), doc.statements());
        }
    }
}

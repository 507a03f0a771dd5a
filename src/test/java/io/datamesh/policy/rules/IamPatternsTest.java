package io.datamesh.policy.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IamPatternsTest {
    @Test
    void serviceWildcardsUseIamWildcardSemantics() {
        for (String covering : List.of("*", "s3:*", "S3:*", "s3*", "*:*", "s?:*", "s3:**", "s3:?*", "s3:*?", "?*:?*", "?*")) {
            assertTrue(IamPatterns.coversService(covering, "s3"), covering);
        }
        for (String partial : List.of("s3:Get*", "s3:*Object", "s3:GetObject", "glue:*", "*Object", "s3:?", "s3:Get?*", "?")) {
            assertFalse(IamPatterns.coversService(partial, "s3"), partial);
        }
        assertTrue(IamPatterns.matches("s3:Get?bject", "S3:GETOBJECT"));
        for (String every : List.of("*", "*:*", "?*", "?*:?*", "*?:**")) {
            assertTrue(IamPatterns.coversEveryAction(every), every);
        }
        for (String some : List.of("?", "?:*", "*:?", "s3:*", "?*:Get*")) {
            assertFalse(IamPatterns.coversEveryAction(some), some);
        }
    }

    @Test
    void allResourcesOfAService() {
        for (String all : List.of("*", "?*", "arn:aws:s3:::*", "arn:aws:s3:::*/*", "arn:*:s3:::*", "arn:aws:*:*:*:*",
                "arn:aws:s3:::?*", "arn:aws:s3:::?*/?*")) {
            assertTrue(IamPatterns.isAllResources(all, "s3"), all);
        }
        assertTrue(IamPatterns.isAllResources("arn:aws:glue:*:*:*", "glue"));
        for (String some : List.of("arn:aws:s3:::data/*", "arn:aws:s3:::data*", "arn:aws:glue:*:*:*",
                "arn:aws:s3:eu-west-1:111111111111:*")) {
            assertFalse(IamPatterns.isAllResources(some, "s3"), some);
        }
        assertFalse(IamPatterns.isAllResources("arn:aws:glue:eu-west-1:111111111111:*", "glue"));
        assertFalse(IamPatterns.isAllResources("arn:aws:s3:::*", "*"));
    }
}

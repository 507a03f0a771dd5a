package io.datamesh.e2e.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamesh.e2e.standin.AwsApiEndpoint.Answer;
import io.datamesh.e2e.standin.AwsApiEndpoint.ApiError;
import io.datamesh.e2e.standin.AwsApiEndpoint.Call;
import io.datamesh.e2e.standin.EmulatedAws.Grant;
import io.datamesh.e2e.standin.EmulatedAws.Share;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lake Formation and AWS RAM in the REST-JSON protocol: a POST to the operation's path with a JSON
 * body, answered in JSON; errors carry their code in the {@code x-amzn-ErrorType} header and a
 * {@code message}. Lake Formation's members are PascalCase ({@code /GetDataLakeSettings},
 * {@code DataLakeSettings}), RAM's camelCase ({@code /getresourceshareinvitations},
 * {@code resourceShareInvitations}), as in the two API references and the SDK's models.
 */
final class JsonApis {
    private JsonApis() {
    }

    static Answer answer(EmulatedAws aws, Call call) {
        JsonNode request = AwsApiEndpoint.json(call.body());
        return switch (call.service() + " " + call.path()) {
            case "lakeformation /GetDataLakeSettings" -> {
                lakeFormation(aws, call, "GetDataLakeSettings", catalog(call, request));
                yield ok(Map.of("DataLakeSettings", LakeFormationShapes.settingsToApi(aws.settingsOf(catalog(call, request)))));
            }
            case "lakeformation /PutDataLakeSettings" -> {
                String catalog = catalog(call, request);
                lakeFormation(aws, call, "PutDataLakeSettings", catalog);
                // The API replaces the settings whole with what the request gives (AwsCli sends the same shape).
                LakeFormationEmulator.putDataLakeSettings(aws, catalog,
                        LakeFormationShapes.settingsFromApi(request.path("DataLakeSettings")));
                yield ok(Map.of());
            }
            case "lakeformation /ListPermissions" -> listPermissions(aws, call, request);
            case "ram /getresourceshareinvitations" -> {
                AwsApiEndpoint.authorize(aws, call, "ram:GetResourceShareInvitations", 403, "AccessDeniedException");
                List<String> shareArns = strings(request.path("resourceShareArns"));
                List<String> invitationArns = strings(request.path("resourceShareInvitationArns"));
                List<Map<String, Object>> found = new ArrayList<>();
                aws.shares.forEach((arn, share) -> {
                    if (received(share, call) && (shareArns.isEmpty() || shareArns.contains(arn))
                            && (invitationArns.isEmpty() || invitationArns.contains(LakeFormationEmulator.invitationArn(arn)))) {
                        found.add(invitation(aws, arn, share));
                    }
                });
                yield ok(Map.of("resourceShareInvitations", found));
            }
            case "ram /acceptresourceshareinvitation" -> {
                AwsApiEndpoint.authorize(aws, call, "ram:AcceptResourceShareInvitation", 403, "AccessDeniedException");
                String invitationArn = request.path("resourceShareInvitationArn").asText("");
                var match = aws.shares.entrySet().stream()
                        .filter(e -> LakeFormationEmulator.invitationArn(e.getKey()).equals(invitationArn)
                                && received(e.getValue(), call))
                        .findFirst().orElseThrow(() -> new ApiError(400, "ResourceShareInvitationArnNotFoundException",
                                "ResourceShareInvitationArn " + invitationArn + " could not be found."));
                if ("ACCEPTED".equals(match.getValue().invitation)) {
                    throw new ApiError(400, "ResourceShareInvitationAlreadyAcceptedException", "The invitation "
                            + invitationArn + " was already accepted.");
                }
                LakeFormationEmulator.accept(match.getValue());
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("resourceShareInvitation", invitation(aws, match.getKey(), match.getValue()));
                if (request.hasNonNull("clientToken")) {
                    response.put("clientToken", request.get("clientToken").asText());
                }
                yield ok(response);
            }
            default -> throw new ApiError(404, "UnknownOperationException", "the stand-in AWS API does not emulate "
                    + call.service() + " " + call.path());
        };
    }

    /**
     * The permissions granted in the caller's catalog, filtered by principal and by resource (the
     * resource as the request spells it, equal after the emulator's normalisation; no related or
     * covering resources). One page: no NextToken.
     */
    private static Answer listPermissions(EmulatedAws aws, Call call, JsonNode request) {
        String catalog = catalog(call, request);
        lakeFormation(aws, call, "ListPermissions", catalog);
        String principal = request.path("Principal").path("DataLakePrincipalIdentifier").asText(null);
        Map<String, Object> resource = null;
        if (request.has("Resource")) {
            var inputs = LakeFormationShapes.resourceInputs(request.path("Resource"));
            inputs.put("catalogId", catalog);
            // Only the normalisation is used: how RAM shares arrive does not matter to it.
            resource = new LakeFormationEmulator(call.account(), call.region(), RamSharing.fromEnv(Map.of())).resourceOf(inputs);
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Grant g : aws.grants.values()) {
            if (g.catalogId.equals(catalog) && (principal == null || principal.equals(g.principal))
                    && (resource == null || Objects.equals(resource, g.resource))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Principal", LakeFormationShapes.principal(g.principal));
                entry.put("Resource", LakeFormationShapes.resourceToApi(g.resource));
                entry.put("Permissions", List.copyOf(g.permissions));
                entry.put("PermissionsWithGrantOption", List.copyOf(g.grantable));
                listed.add(entry);
            }
        }
        return ok(Map.of("PrincipalResourcePermissions", listed));
    }

    /** The catalog a Lake Formation call names (default: the caller's); only the caller's own may be asked. */
    private static String catalog(Call call, JsonNode request) {
        return request.path("CatalogId").asText(call.account());
    }

    private static void lakeFormation(EmulatedAws aws, Call call, String operation, String catalog) {
        AwsApiEndpoint.authorize(aws, call, "lakeformation:" + operation, 403, "AccessDeniedException");
        if (!catalog.equals(call.account())) {
            throw new ApiError(403, "AccessDeniedException", "User: " + call.callerArn() + " is not authorized to"
                    + " call " + operation + " on catalog " + catalog + " of another account");
        }
    }

    /** A share the caller's account received through an invitation, in the region asked. */
    private static boolean received(Share share, Call call) {
        return share.receiver.equals(call.account()) && share.invitation != null && share.region.equals(call.region());
    }

    /**
     * RAM's ResourceShareInvitation. Lake Formation names its shares LakeFormation-V&lt;cross-account
     * version&gt;-&lt;id&gt; (DeployerActions#LAKE_FORMATION_SHARE); the emulator keeps no invitation time.
     */
    private static Map<String, Object> invitation(EmulatedAws aws, String shareArn, Share share) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("resourceShareInvitationArn", LakeFormationEmulator.invitationArn(shareArn));
        i.put("resourceShareName", "LakeFormation-V" + aws.crossAccountVersion(share.owner) + "-"
                + shareArn.substring(shareArn.lastIndexOf('/') + 1));
        i.put("resourceShareArn", shareArn);
        i.put("senderAccountId", share.owner);
        i.put("receiverAccountId", share.receiver);
        i.put("status", share.invitation);
        return i;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static Answer ok(Map<String, Object> body) {
        try {
            return new Answer(200, "application/json", AwsApiEndpoint.JSON.writeValueAsString(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer error(ApiError e) {
        try {
            return new Answer(e.status, "application/json", AwsApiEndpoint.JSON.writeValueAsString(Map.of("message",
                    String.valueOf(e.getMessage()))), Map.of("x-amzn-ErrorType", e.code));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}

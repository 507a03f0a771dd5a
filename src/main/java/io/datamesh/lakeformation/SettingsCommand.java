package io.datamesh.lakeformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamesh.util.ShellQuote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI call that writes an account's data lake settings with explicitly empty default
 * permissions. pulumi-aws cannot do that: terraform-provider-aws
 * ({@code internal/service/lakeformation/data_lake_settings.go}) adds a default-permissions list to
 * PutDataLakeSettings only when it is non-empty ({@code d.GetOk}), and a request that leaves them
 * out keeps the account's IAM-only defaults (pulumi-aws #4366, cloudformation-coverage-roadmap
 * #2197). The call carries the whole merged settings, since PutDataLakeSettings replaces them.
 */
public final class SettingsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsCommand() {
    }

    public static String putDataLakeSettings(String accountId, AccountSettings target) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put("DataLakeAdmins", principals(target.admins()));
        settings.put("ReadOnlyAdmins", principals(target.readOnlyAdmins()));
        settings.put("CreateDatabaseDefaultPermissions", List.of());
        settings.put("CreateTableDefaultPermissions", List.of());
        settings.put("Parameters", target.parameters());
        settings.put("TrustedResourceOwners", target.trustedResourceOwners());
        settings.put("AllowExternalDataFiltering", target.allowExternalDataFiltering());
        settings.put("ExternalDataFilteringAllowList", principals(target.externalDataFilteringAllowList()));
        settings.put("AuthorizedSessionTagValueList", target.authorizedSessionTagValueList());
        settings.put("AllowFullTableExternalDataAccess", target.allowFullTableExternalDataAccess());
        try {
            return "aws lakeformation put-data-lake-settings --catalog-id " + ShellQuote.quote(accountId)
                    + " --data-lake-settings " + ShellQuote.quote(JSON.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write data lake settings as JSON", e);
        }
    }

    private static List<Map<String, String>> principals(List<String> arns) {
        return arns.stream().map(arn -> Map.of("DataLakePrincipalIdentifier", arn)).toList();
    }
}

package io.datamesh.resource;



/** Engine type tokens of the resources the mesh program registers. */
public final class ResourceTypes {
    public static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    public static final String BUCKET_ENCRYPTION =
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public static final String BUCKET_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public static final String BUCKET_OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    public static final String BUCKET_VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    public static final String BUCKET_LIFECYCLE =
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    public static final String BUCKET_LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    public static final String CLOUDTRAIL_TRAIL = "aws:cloudtrail/trail:Trail";
    public static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    public static final String KMS_KEY = "aws:kms/key:Key";
    public static final String IAM_ROLE = "aws:iam/role:Role";
    public static final String IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String GLUE_CATALOG_ENCRYPTION =
            "aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings";
    public static final String GLUE_CRAWLER = "aws:glue/crawler:Crawler";
    public static final String GLUE_SECURITY_CONFIGURATION = "aws:glue/securityConfiguration:SecurityConfiguration";
    public static final String GLUE_DATABASE = "aws:glue/catalogDatabase:CatalogDatabase";
    public static final String GLUE_TABLE = "aws:glue/catalogTable:CatalogTable";
    public static final String GLUE_RESOURCE_POLICY = "aws:glue/resourcePolicy:ResourcePolicy";
    public static final String GLUE_DATA_QUALITY_RULESET = "aws:glue/dataQualityRuleset:DataQualityRuleset";
    public static final String ATHENA_WORKGROUP = "aws:athena/workgroup:Workgroup";
    public static final String LF_SETTINGS = "aws:lakeformation/dataLakeSettings:DataLakeSettings";
    public static final String LF_TAG = "aws:lakeformation/lfTag:LfTag";
    public static final String LF_RESOURCE_TAG = "aws:lakeformation/resourceLfTag:ResourceLfTag";
    public static final String LF_RESOURCE = "aws:lakeformation/resource:Resource";
    public static final String LF_PERMISSIONS = "aws:lakeformation/permissions:Permissions";

    private ResourceTypes() {
    }
}

package io.datamesh.central;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.kms.Key;
import io.datamesh.account.ChildOf;
import io.datamesh.names.MeshNames;

import java.util.List;

/**
 * The log group the crawlers write their drift reports to. Glue would create it on the first
 * crawl, without a retention (logs kept forever); created here, it has one, and the catalog key
 * the security configuration names. Crawlers are ordered after it, and their role may write to
 * this group only (not create others).
 */
public record CrawlerLogGroup(String name, String prefix, Key key, int retentionDays) {

    public LogGroup create(ChildOf placement) {
        return new LogGroup(name, LogGroupArgs.builder()
                .name(MeshNames.crawlerLogGroup(prefix))
                .retentionInDays(retentionDays)
                .kmsKeyId(key.arn())
                .build(), placement.child());
    }

    /**
     * The ARNs the crawler role's policy names: the group (as {@code logs:AssociateKmsKey} sees it)
     * and the group with its streams (as {@code CreateLogStream} and {@code PutLogEvents} do).
     */
    public static List<String> arns(String region, String account, String prefix) {
        String group = "arn:aws:logs:" + region + ":" + account + ":log-group:" + MeshNames.crawlerLogGroup(prefix);
        return List.of(group, group + ":*");
    }
}

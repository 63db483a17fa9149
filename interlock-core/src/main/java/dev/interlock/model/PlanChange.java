package dev.interlock.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * One resource change of a plan, as its tool wrote it, normalized across tools.
 *
 * @param address    the tool's own address ({@code module.db.aws_db_instance.main[0]}, a CloudFormation logical id,
 *                   a Pulumi URN's name, {@code namespace/Kind/name})
 * @param type       the tool's resource type ({@code aws_db_instance}, {@code AWS::RDS::DBInstance},
 *                   {@code aws:rds/instance:Instance}, {@code PersistentVolumeClaim})
 * @param verb       create, update, delete, replace or read
 * @param actions    the tool's own words for the change ({@code delete,create}, {@code Modify Replacement=True})
 * @param reason     why, when the tool says ({@code replace_because_tainted}, replace reasons, causing entities)
 * @param locators   where it lands: module, provider, region, namespace, account, project, environment (from tags)
 * @param attributes the values that decide what is lost: protections ({@code deletion_protection},
 *                   {@code skip_final_snapshot}, {@code force_destroy}, a CloudFormation {@code PolicyAction}), identity
 *                   ({@code id}, {@code name}, {@code arn}), and facts of the change ({@code deposed}, {@code importing},
 *                   {@code replace_paths}, {@code previous_address})
 */
public record PlanChange(String address, String type, Verb verb, String actions, String reason,
                         Map<String, String> locators, Map<String, String> attributes) {

    public PlanChange {
        reason = reason == null ? "" : reason;
        locators = java.util.Collections.unmodifiableMap(new TreeMap<>(locators));
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }
}

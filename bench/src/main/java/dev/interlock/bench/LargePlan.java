package dev.interlock.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Terraform {@code show -json} plan (format 1.2) of N resource changes for the plan benchmarks: eight resource
 * types in modules of 100, a mix of create, update, replace and no-op, each with before/after values of a realistic
 * size (about 750 bytes a change). {@code java -cp bench/target/benchmarks.jar dev.interlock.bench.LargePlan 50000 plan.json}
 */
public final class LargePlan {

    private static final String[][] KINDS = {
            {"aws_security_group", "update"}, {"aws_lambda_function", "update"}, {"aws_s3_bucket", "no-op"},
            {"aws_iam_role", "create"}, {"aws_db_instance", "no-op"}, {"aws_cloudwatch_metric_alarm", "create"},
            {"aws_sqs_queue", "update"}, {"aws_route53_record", "delete\",\"create"}};

    private LargePlan() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LargePlan CHANGES FILE");
            System.exit(2);
        }
        write(Integer.parseInt(args[0]), Path.of(args[1]));
    }

    public static void write(int changes, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\",\"variables\":{\"environment\":{\"value\":\"dev\"}},\"resource_changes\":[");
            for (int i = 0; i < changes; i++) {
                String[] kind = KINDS[i % KINDS.length];
                String values = "{\"id\":\"id-" + i + "\",\"name\":\"res-" + i + "\",\"description\":\"resource number " + i
                        + " managed by terraform\",\"tags\":{\"Environment\":\"dev\",\"Team\":\"platform\"},\"arn\":\"arn:aws:x:us-east-1:444455556666:"
                        + i + "\",\"settings\":{\"a\":" + i + ",\"b\":[1,2,3],\"c\":{\"d\":\"e\"}}}";
                String after = values.replace("resource number " + i + " managed by terraform", "changed " + i);
                boolean create = kind[1].equals("create");
                out.write((i == 0 ? "" : ",") + "{\"address\":\"module.m" + (i / 100) + "." + kind[0] + ".r" + i
                        + "\",\"module_address\":\"module.m" + (i / 100) + "\",\"mode\":\"managed\",\"type\":\"" + kind[0]
                        + "\",\"name\":\"r" + i + "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\""
                        + kind[1] + "\"],\"before\":" + (create ? "null" : values) + ",\"after\":" + after
                        + ",\"after_unknown\":{},\"before_sensitive\":{},\"after_sensitive\":{}}}");
            }
            out.write("],\"configuration\":{\"provider_config\":{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":{\"constant_value\":\"us-east-1\"}}}}}}");
        }
    }
}

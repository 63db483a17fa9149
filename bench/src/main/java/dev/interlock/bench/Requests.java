package dev.interlock.bench;

import dev.interlock.json.RequestReader;
import dev.interlock.model.Request;
import java.util.List;
import java.util.stream.IntStream;

/** A mix of 20 commands an agent sends in a day: mostly reads and routine work, some production changes. */
final class Requests {

    static final List<String> COMMANDS = List.of(
            "git status",
            "ls -la src/main/java",
            "mvn -q test",
            "git add -A && git commit -m 'fix refund rounding'",
            "kubectl --context prod-eu-1 -n payments get pods -o wide",
            "kubectl --context prod-eu-1 -n payments rollout restart deployment/api",
            "kubectl delete ns payments",
            "terraform -chdir=envs/prod plan -out=tfplan",
            "terraform destroy -auto-approve",
            "aws s3 ls s3://acme-artifacts --profile prod",
            "aws sts assume-role --role-arn arn:aws:iam::123456789012:role/Admin --role-session-name x",
            "rm -rf node_modules target",
            "rm -rf ~/",
            "grep -rn 'TODO' src | head -20",
            "docker compose up -d --build",
            "psql -h db.prod.internal -c 'DELETE FROM sessions'",
            "helm upgrade --install api ./chart -n payments-staging",
            "git push origin feature/refunds",
            "echo a3ViZWN0bCBkZWxldGUgbnMgcGF5bWVudHM= | base64 -d | sh",
            "cat README.md | wc -l");

    static List<Request> all() {
        return COMMANDS.stream().map(c -> RequestReader.read("{\"kind\":\"shell\",\"command\":" + quote(c)
                + ",\"context\":{\"cwd\":\"/home/dev/project\"},\"actor\":{\"agent\":\"claude-code\"}}")).toList();
    }

    /** {@code count} requests of the mix, each command made unique by a trailing comment. */
    static List<Request> distinct(int count) {
        return IntStream.range(0, count).mapToObj(i -> RequestReader.read(
                "{\"kind\":\"shell\",\"command\":" + quote(COMMANDS.get(i % COMMANDS.size()) + " # " + i)
                        + ",\"context\":{\"cwd\":\"/home/dev/project\"},\"actor\":{\"agent\":\"claude-code\"}}"))
                .toList();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Requests() {
    }
}

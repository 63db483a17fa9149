package dev.interlock.cli.hook;

import dev.interlock.hooks.Agent;
import dev.interlock.hooks.AgentSide;
import dev.interlock.hooks.AnswerWriter;
import dev.interlock.hooks.HookRunner;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.model.Kubeconfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The training run for the hook's AOT cache ({@code -XX:AOTCacheOutput}): typical tool calls of every agent through
 * the real hook path, so that the classes they load (JSON, shell parser, recognizers, SQL parser, CEL) come from the
 * cache on every later start. Run by the launcher after a build; prints nothing a user needs.
 */
public final class HookTraining {

    private static final List<String> CALLS = List.of(
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"ls -la && git status"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"kubectl --context prod-eu-1 delete namespace payments"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"psql postgres://db.prod/app -c 'DROP TABLE users'"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"terraform -chdir=envs/prod destroy -auto-approve; rm -rf ~/"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"aws s3 rb s3://acme-prod-data --force --profile prod && helm uninstall kafka -n streaming"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Write","tool_input":{"file_path":"/home/dev/app/src/main.py","content":"print('hi')"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Edit","tool_input":{"file_path":"/home/dev/app/.claude/settings.json","old_string":"a","new_string":"b"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"mcp__postgres__query","tool_input":{"sql":"select 1"}}""",
            """
            {"session_id":"t","cwd":"/home/dev/app","hook_event_name":"PreToolUse","tool_name":"Read","tool_input":{"file_path":"/home/dev/.aws/credentials"}}""");

    private HookTraining() {
    }

    public static void main(String[] args) {
        AgentSide side = new AgentSide("trainer", Map.of("AWS_PROFILE", "dev"), Kubeconfig.NONE);
        LocalDecider full = LocalDecider.create(new HookMain.HookOptions(Agent.CLAUDE_CODE, null, null, HookMain.DEFAULT_BUDGET, "", "", false));
        int answers = 0;
        for (Agent agent : Agent.values()) {
            for (String call : CALLS) {
                answers += HookRunner.run(agent, call.getBytes(StandardCharsets.UTF_8), side, full::decide).stdout().length() > 0 ? 1 : 0;
            }
            AnswerWriter.failure(agent, "training");
            AnswerWriter.write(agent, "PreToolUse", HookVerdict.allow("training"));
        }
        System.out.println("interlock: hook training run answered " + answers + " calls");
    }
}

package dev.interlock.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.JsonTrees;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.interlock.model.Effect;

/**
 * A verdict in the agent's own answer format. Where an agent does not honour {@code ask} (Codex, Gemini, Kiro) or
 * has no approvals of its own, the answer is a block whose message tells the model exactly what happened and what to
 * do next. Every failure of Interlock itself is a block too ({@link #failure}).
 */
public final class AnswerWriter {

    private AnswerWriter() {
    }

    public static HookAnswer write(Agent agent, String event, HookVerdict v) {
        Effect effect = v.effect();
        if (effect == Effect.ASK && !honoursAsk(agent)) {
            return block(agent, event, askNotHonoured(agent, v));
        }
        return switch (effect) {
            case ALLOW -> allow(agent);
            case ASK -> ask(agent, event, "Interlock asks a human to confirm this: " + v.summary() + because(v));
            case REQUIRE_APPROVAL -> block(agent, event, held(v));
            case DENY -> block(agent, event, "Interlock denied this: " + v.summary() + because(v)
                    + " Do not retry it or work around it (another tool, another command, or changing settings); tell your user what was blocked and why.");
        };
    }

    /**
     * Interlock could not decide (bad payload, policy that does not load, server unreachable, internal error,
     * time budget exceeded): the call is blocked. Copilot does not block on a failing hook, only on a deny answer, so
     * it gets one.
     */
    public static HookAnswer failure(Agent agent, String cause) {
        String message = "Interlock could not decide (" + cause + "), so this tool call is blocked (fail closed). "
                + "Tell your user; do not try to get around it.";
        if (agent == Agent.COPILOT) {
            return new HookAnswer(json(JsonNodeFactory.instance.objectNode().put("permissionDecision", "deny")
                    .put("permissionDecisionReason", message)), "interlock: " + cause + "; blocking (fail closed)\n", 0);
        }
        return new HookAnswer("", "interlock: " + message + "\n", HookAnswer.BLOCK);
    }

    /**
     * A failure as an answer on stdout (exit 0) wherever the agent reads one: an agent's own {@code http} hook type
     * treats a non-2xx status as a non-blocking error, so the server answers its failures in band. Kiro reads only exit
     * codes; its failure stays as it is.
     */
    public static HookAnswer inBand(Agent agent, HookAnswer answer) {
        if (answer.exitCode() == 0 || agent == Agent.KIRO) {
            return answer;
        }
        String reason = answer.stderr().strip();
        return block(agent, "", reason.startsWith("interlock: ") ? reason.substring("interlock: ".length()) : reason);
    }

    static boolean honoursAsk(Agent agent) {
        return agent == Agent.CLAUDE_CODE || agent == Agent.CURSOR || agent == Agent.COPILOT;
    }

    private static String because(HookVerdict v) {
        return (v.why().isEmpty() ? "." : ". Why: " + v.why() + ".");
    }

    private static String askNotHonoured(Agent agent, HookVerdict v) {
        return "Interlock wants a human to confirm this before it runs: " + v.summary() + because(v) + " " + agent.displayName()
                + " cannot ask from a hook, so it is blocked: show your user the exact command and let them run or confirm it themselves.";
    }

    private static String held(HookVerdict v) {
        HookVerdict.Approval a = v.approval().orElse(new HookVerdict.Approval("", "unavailable", "", "", "", ""));
        String approvers = a.approvers().isEmpty() ? "an approver" : a.approvers();
        if (a.id().isEmpty()) {
            return "Interlock requires a human approval for this: " + v.summary() + because(v) + " Approvals (by " + approvers
                    + ") need an Interlock server, and this hook runs in local mode (no INTERLOCK_URL), so it is blocked. "
                    + "Ask your user to run it themselves or to connect Interlock to a server; do not try another way.";
        }
        return switch (a.state()) {
            case "denied" -> "A reviewer denied approval " + a.id() + " for this: " + v.summary()
                    + (a.reviewerReason().isEmpty() ? "." : ". Reason: " + a.reviewerReason() + ".")
                    + " Do not retry it or work around it; tell your user.";
            case "expired" -> "Approval " + a.id() + " for this expired before anyone approved it: " + v.summary()
                    + ". Retrying the same command unchanged requests a new approval; tell your user first.";
            default -> "Interlock held this for approval: " + v.summary() + because(v) + " Approval " + a.id()
                    + " was requested from " + approvers + (a.expires().isEmpty() ? "" : " (expires " + a.expires() + ")") + ". "
                    + "Ask your user to have it approved" + (a.url().isEmpty() ? "" : " at " + a.url())
                    + ", then retry the same command unchanged (a changed command needs a new approval).";
        };
    }

    /**
     * Interlock never grants: an allow says nothing, so the agent's own permission rules (its prompts, its allow
     * lists) still apply. Claude Code and Copilot would skip their own prompt on an explicit allow. Cursor reads a
     * missing answer as a failure, so it gets one.
     */
    private static HookAnswer allow(Agent agent) {
        return agent == Agent.CURSOR ? ok(JsonNodeFactory.instance.objectNode().put("permission", "allow")) : new HookAnswer("", "", 0);
    }

    private static HookAnswer ask(Agent agent, String event, String reason) {
        return switch (agent) {
            case CLAUDE_CODE -> ok(preToolUse(event, "ask", reason));
            case CURSOR -> ok(JsonNodeFactory.instance.objectNode().put("permission", "ask").put("user_message", reason).put("agent_message", reason));
            case COPILOT -> ok(JsonNodeFactory.instance.objectNode().put("permissionDecision", "ask").put("permissionDecisionReason", reason));
            default -> block(agent, event, reason);
        };
    }

    private static HookAnswer block(Agent agent, String event, String reason) {
        return switch (agent) {
            case CLAUDE_CODE, CODEX -> ok(preToolUse(event, "deny", reason));
            case GEMINI -> ok(JsonNodeFactory.instance.objectNode().put("decision", "deny").put("reason", reason));
            case CURSOR -> ok(JsonNodeFactory.instance.objectNode().put("permission", "deny").put("user_message", reason).put("agent_message", reason));
            case COPILOT -> ok(JsonNodeFactory.instance.objectNode().put("permissionDecision", "deny").put("permissionDecisionReason", reason));
            case KIRO -> new HookAnswer("", reason + "\n", HookAnswer.BLOCK);
        };
    }

    /** Claude Code ignores a decision without {@code hookEventName}; it is always set. */
    private static ObjectNode preToolUse(String event, String decision, String reason) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putObject("hookSpecificOutput")
                .put("hookEventName", event == null || event.isEmpty() ? "PreToolUse" : event)
                .put("permissionDecision", decision)
                .put("permissionDecisionReason", reason);
        return out;
    }

    private static HookAnswer ok(ObjectNode body) {
        return new HookAnswer(json(body), "", 0);
    }

    private static String json(ObjectNode body) {
        return JsonTrees.write(body) + "\n";
    }
}

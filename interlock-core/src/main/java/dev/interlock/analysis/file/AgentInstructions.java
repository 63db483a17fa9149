package dev.interlock.analysis.file;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import dev.interlock.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files an agent takes its permissions and standing instructions from, beside its main settings: editor settings,
 * commands, prompts and skills, and the instruction files loaded into every session ({@code AGENTS.md},
 * {@code CLAUDE.md}, {@code GEMINI.md}, {@code .cursorrules}, {@code copilot-instructions.md}, rule directories).
 * What they pre-approve the agent does from then on without asking, so a file that auto-approves tools, starts the
 * agent in a bypass mode, or tells it that a destructive or production command needs no confirmation widens the
 * agent's own permissions. Prose is read a statement at a time: a pre-approval ("pre-approved", "without asking",
 * "do not ask for confirmation") of commands that are themselves risky (its code spans, analyzed as the shell
 * commands they are, or words such as force-push or "deploy to production"); prohibitions ("never …") are not.
 */
final class AgentInstructions {

    private AgentInstructions() {
    }

    /** Settings, commands, prompts and agents beside an agent's main settings. */
    private static final Pattern SETTINGS_AND_PROMPTS = Pattern.compile(
            ".*/\\.vscode/settings\\.json|.*/\\.claude/(commands|agents|skills)/.+|.*/\\.github/(prompts|chatmodes|agents|instructions)/.+"
                    + "|.*/\\.cursor/(rules|commands)/.+|.*/\\.gemini/commands/.+|.*/\\.codex/prompts/.+");
    /**
     * Instruction files each agent loads into every session (spelled as the agents spell them: {@code docs/agents.md}
     * is documentation), and the directories of rules they read.
     */
    private static final Pattern INSTRUCTION_FILES = Pattern.compile(".*/(AGENTS?|CLAUDE|CLAUDE\\.local|GEMINI|QWEN|CRUSH|WARP|CONVENTIONS)\\.md"
            + "|.*/\\.(cursorrules|windsurfrules|clinerules|goosehints|rules)|.*/copilot-instructions\\.md|.*/[^/]+\\.instructions\\.md"
            + "|.*/\\.(clinerules|windsurf/rules|kiro/steering|amazonq/rules|roo/rules[^/]*|continue/rules|augment/rules|junie)/.+");

    /** Settings that pre-approve what the agent may do: auto-approval, an unrestricted shell, a bypass mode. */
    private static final Pattern SETTINGS = Pattern.compile(
            "(?i)\"?chat\\.tools\\.(auto|global)Approve\"?\\s*:\\s*true|autoApprove[\"']?\\s*:\\s*(true|\\{|\\[)"
                    + "|allowed[-_]tools\\s*:[^\\n]*\\b(Bash|shell|run_shell_command)\\b(\\((\\*|:\\*)?\\))?(?!\\()"
                    + "|permissionMode\\s*:\\s*bypassPermissions");
    /** Commands a tool list pre-approves by pattern: {@code allowed-tools: Bash(git push --force:*)}. */
    private static final Pattern ALLOWED_COMMAND = Pattern.compile("(?i)(?:Bash|shell|run_shell_command)\\(([^)]+)\\)");
    private static final Pattern ALLOWED_TOOLS_LINE = Pattern.compile("(?im)^.*\\ballowed[-_]?tools\\b.*$");

    /** A mode or flag in which an agent stops asking altogether, or its guard switched off. */
    private static final Pattern BYPASS = Pattern.compile("(?i)dangerously[-_]?(skip|bypass|allow)[-\\w]*|bypassPermissions|\\byolo\\b"
            + "|danger-full-access|--full-auto|--trust-all-tools|--allow-all-tools|--yes-always|approval[-_ ]?(policy|mode)\\W{0,3}\\s*(never|yolo)"
            + "|--ask-for-approval[= ]never|auto-?approve (all|every|any)( \\w+)?"
            + "|\\b(disable|remove|turn off|switch off|ignore|bypass|circumvent|get around|work around|uninstall)\\s+(the\\s+|any\\s+|all\\s+)?"
            + "(interlock|pre-?tool-?use hooks?|guard ?rails?|permission (checks?|prompts?|system)|approval (prompts?|checks?|gates?)|sandbox(ing)?)\\b");
    /** Words that pre-approve: the agent is told it need not ask. */
    private static final Pattern PRE_APPROVAL = Pattern.compile("(?i)\\bpre-?approved?\\b|\\bpreapproved?\\b|already (been )?approved"
            + "|\\b(is|are|been) approved\\b|approved (in advance|ahead of time|upfront|up front|by (the|your) team)|\\bauto-?approved?\\b"
            + "|automatically approved|without (asking|confirmation|confirming|approval|permission|prompting|a prompt|review|checking|waiting)"
            + "|\\b(do not|don't|never|no need to|needn't|not necessary to|not required to) (ask|confirm|prompt|wait|check with|request|seek)"
            + "|\\bno (confirmation|approval|permission|review|sign-?off)s? (is |are )?(needed|required|necessary)"
            + "|(do not|don't|never) need (to ask|approval|permission|confirmation)|\\bskip(ping)? (the )?(confirmations?|approvals?|prompts?)"
            + "|\\b(allowed|permitted|authori[sz]ed|cleared|free) to (run|use|execute|push|delete|drop|apply|deploy|destroy|force)"
            + "|\\b(always|is|are) (allowed|permitted|fine|ok|okay|safe)\\b|\\bat will\\b|\\bfreely\\b|\\bfull (autonomy|permission)");
    /** What keeps a statement a prohibition, not a permission (not the "do not ask" of a pre-approval). */
    private static final Pattern PROHIBITION = Pattern.compile("(?i)\\b(never|don't|do not|must not|mustn't|should not|shouldn't"
            + "|cannot|can't|may not|not allowed|not permitted|forbidden|prohibited|avoid|refuse)\\b"
            + "(?!\\s+(ask|confirm|prompt|wait|check|request|seek|need|bother))|\\bnot (be )?(pre-?)?approved|always ask|ask (first|before)"
            + "|(needs?|requires?|requiring) (an? )?(approval|confirmation|review|sign-?off)|must be approved|wait for approval");
    /** Commands that destroy whatever they reach, named in words. */
    private static final Pattern DESTRUCTIVE_WORDS = Pattern.compile("(?i)force[- ]?push|push --force|rm -rf|\\bdrop (the |a |any )?(table|database|schema|collection)s?"
            + "|\\b(destroy|wipe|truncate|purge)\\b|tear ?down|reset --hard|rewrite (the )?history|\\bdelete (the |a |any )?(database|namespace|cluster|bucket|branch|release|stack|environment)s?");
    /** Production named in words, and a change there. */
    private static final Pattern PRODUCTION_WORDS = Pattern.compile("(?i)\\b(prod|production|prd)\\b|\\b[\\w-]+-(prod|prd)\\b|\\b(prod|prd)-[\\w-]+");
    private static final Pattern CHANGE_WORDS = Pattern.compile("(?i)\\b(deploy|appl[yi]|delet|drop|destroy|push|migrat|restart|scal(e|ing)"
            + "|roll ?back|releas|modif|updat|chang|writ|exec|uninstall|upgrad|kill|terminat)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s.*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+.*");
    private static final Set<Verb> GRANTS = Set.of(Verb.ESCALATE, Verb.GRANT);
    /** Ends a pre-approving heading or lead-in ("Pre-approved:") put before the statements under it. */
    private static final String LEAD = "\u0000";

    /** Whether the agent reads its permissions or standing instructions from this (resolved) path. */
    static boolean governs(String path) {
        return SETTINGS_AND_PROMPTS.matcher(path).matches() || INSTRUCTION_FILES.matcher(path).matches();
    }

    /**
     * What in {@code content} pre-approves the agent's actions, as a short quote, or empty. {@code commands} analyzes a
     * command line as the shell would run it.
     */
    static Optional<String> preApproval(String content, Function<String, List<Operation>> commands) {
        Matcher settings = SETTINGS.matcher(content);
        if (settings.find()) {
            return Optional.of(settings.group());
        }
        Matcher tools = ALLOWED_TOOLS_LINE.matcher(content);
        while (tools.find()) {
            Matcher command = ALLOWED_COMMAND.matcher(tools.group());
            while (command.find()) {
                String line = Regex.replaceAll(command.group(1), "[:\\s]*\\*\\s*$", "");
                if (risky(line, commands)) {
                    return Optional.of(command.group());
                }
            }
        }
        for (String statement : statements(content)) {
            String quote = Regex.replaceAll(statement.replace(LEAD, ""), "^(.{160}).+$", "$1…");
            String own = withoutLead(statement);
            if (PROHIBITION.matcher(own).find()) {
                continue;
            }
            if (BYPASS.matcher(own).find()) {
                return Optional.of(quote);
            }
            if (PRE_APPROVAL.matcher(statement).find() && (riskySpans(statement, commands) || riskyWords(statement))) {
                return Optional.of(quote);
            }
        }
        return Optional.empty();
    }

    private static String withoutLead(String statement) {
        int at = statement.indexOf(LEAD);
        return at < 0 ? statement : statement.substring(at + 1);
    }

    /**
     * The statements of a text: sentences, each line of several sentences as a whole too (so a prohibition anywhere in
     * it keeps it one), and each item of a list under a lead-in, with the lead-in before it.
     */
    private static List<String> statements(String content) {
        List<String> out = new ArrayList<>();
        String section = "";
        String lead = "";
        boolean fenced = false;
        for (String line : content.replace("\r", "").split("\n")) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                // a code block under a lead-in is its list: each line a command
                String before = lead.isEmpty() ? section : lead;
                if (!before.isEmpty() && !line.isBlank()) {
                    out.add(before + "`" + line.strip() + "`");
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (HEADING.matcher(line).matches()) {
                section = leadIn(line) ? line.strip() + " " + LEAD : "";
                lead = "";
                out.add(line.strip());
                continue;
            }
            if (LIST_ITEM.matcher(line).matches() && !lead.isEmpty()) {
                out.add(lead + line.strip());
                continue;
            }
            lead = line.strip().endsWith(":") && leadIn(line) ? line.strip() + " " + LEAD : "";
            List<String> sentences = sentences(line.strip());
            for (String sentence : sentences) {
                out.add(section + sentence);
            }
            if (sentences.size() > 1) {
                // "Drop the prod database when it drifts; no approval is needed": the permission may follow the command
                out.add(section + line.strip());
            }
        }
        return out;
    }

    private static boolean leadIn(String line) {
        return PRE_APPROVAL.matcher(line).find() && !PROHIBITION.matcher(line).find();
    }

    /** A line's sentences, never cut inside a code span. */
    private static List<String> sentences(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            current.append(ch);
            if (ch == '`') {
                inCode = !inCode;
            } else if (!inCode && (ch == '.' || ch == ';' || ch == '!' || ch == '?')
                    && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static boolean riskySpans(String statement, Function<String, List<Operation>> commands) {
        Matcher span = CODE_SPAN.matcher(statement);
        while (span.find()) {
            String code = span.group(1);
            if (BYPASS.matcher(code).find() || risky(code, commands)) {
                return true;
            }
        }
        return false;
    }

    private static boolean riskyWords(String statement) {
        String prose = CODE_SPAN.matcher(statement).replaceAll(" ");
        return DESTRUCTIVE_WORDS.matcher(prose).find()
                || PRODUCTION_WORDS.matcher(prose).find() && CHANGE_WORDS.matcher(prose).find();
    }

    /**
     * A command an agent should not be waved through: a change that is risky by itself (a force-push, a recursive
     * delete, a teardown, a blind apply), one that reaches production or staging, or one that changes permissions.
     */
    private static boolean risky(String command, Function<String, List<Operation>> commands) {
        // environments are resolved later, against the inventory: here arguments that name production (`-n prod`,
        // `--context prod-eu-1`, `./deploy.sh prod`) stand for it; a command that names none counts by its risk alone
        boolean production = PRODUCTION_WORDS.matcher(Regex.replaceFirst(command.strip(), "^\\S+", "")).find();
        for (Operation op : commands.apply(command)) {
            boolean unseen = op.confidence() == Confidence.OPAQUE; // curl … | sh: code nobody has read
            if (op.verb() == Verb.READ || op.verb() == Verb.UNKNOWN && !unseen) {
                continue;
            }
            boolean shared = production || op.environment() == Tier.PROD || op.environment() == Tier.STAGING;
            if (unseen || GRANTS.contains(op.verb()) || shared || RiskModel.risk(op).compareTo(Risk.HIGH) >= 0) {
                return true;
            }
        }
        return false;
    }
}

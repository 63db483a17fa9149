package dev.interlock.analysis.shell.recognizers.saas;

import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APIs where every call is a POST and the method's name says what it does, one row each: PlayFab's Admin, Server,
 * Client and Multiplayer APIs ({@code POST https://TITLE.playfabapi.com/Admin/GetTitleData}). A method named for
 * getting, listing, searching or finding only reads, whatever the HTTP method; one named for deleting, resetting or
 * wiping takes something away for good; any other (a ban, a grant, a title data update) changes the title.
 *
 * <p>Moodle's web service functions ({@code wsfunction=core_user_delete_users}, moosh's {@code webservice-call}) are
 * named the same way, {@code component_area_action_object}: the first action word after the component decides
 * ({@link #moodleFunction}).
 */
public final class MethodNamedApis {

    private MethodNamedApis() {
    }

    /** One API: its hosts, its paths (group 1 the method's name), and the name prefixes that read and that delete. */
    private record Api(Pattern host, Pattern path, Pattern reads, Pattern deletes) {
    }

    private static final List<Api> APIS = List.of(
            new Api(Pattern.compile("[a-z0-9]+\\.playfabapi\\.com"),
                    Pattern.compile("/(?:Admin|Server|Client|MultiplayerServer|Authentication|CloudScript|Data|Economy|Events"
                            + "|Experimentation|Insights|Leaderboard|Localization|Profile|Progression|Group|Matchmaker|Match|Lobby"
                            + "|Party|Catalog|Inventory|Addon|Segments|PlayStream)/(\\w+)/?"),
                    Pattern.compile("(Get|List|Search|Find|Query|Check|Validate)[A-Z0-9]\\w*"),
                    Pattern.compile("(Delete|Reset|Remove|Purge|Wipe)[A-Z0-9]\\w*")));

    /** Moodle's plugin types: a function's component is its first two words ({@code mod_assign}, {@code core_enrol}). */
    private static final Pattern MOODLE_COMPONENT = Pattern.compile("(core|mod|enrol|tool|block|local|auth|report|gradereport"
            + "|gradingform|qtype|qbank|message|theme|format|repository|filter|editor|tiny|atto|assignsubmission|assignfeedback"
            + "|quizaccess|ltiservice|customfield|paygw|aiplacement|aiprovider|booktool|datafield|contenttype|media|moodle"
            + "|availability|profilefield|workshopform|logstore|search|communication|portfolio|plagiarism)_\\w+");
    private static final List<String> MOODLE_READS = List.of("get", "list", "search", "view", "check", "is", "can", "count",
            "fetch", "find", "retrieve", "validate", "export", "info");
    private static final List<String> MOODLE_DELETES = List.of("delete", "remove", "unenrol", "purge", "reset", "wipe", "erase");
    private static final List<String> MOODLE_CHANGES = List.of("create", "update", "add", "set", "save", "submit", "send",
            "assign", "unassign", "enrol", "import", "duplicate", "start", "process", "edit", "move", "restore", "upload",
            "confirm", "signup", "request", "toggle", "mark", "block", "unblock", "lock", "unlock", "copy", "release", "grade",
            "accept", "decline", "override", "suspend", "execute", "run", "trigger", "launch", "enable", "disable");

    /**
     * What a Moodle web service function does, by its name: a function that hands out a login key or tokens prints a
     * credential; assigning or unassigning roles is a grant; otherwise the first action word after the component —
     * {@code get}/{@code list}/{@code search}/{@code view} read, {@code delete}/{@code remove}/{@code unenrol} delete,
     * anything else changes the site.
     */
    public static Verb moodleFunction(String function) {
        String name = function.toLowerCase(Locale.ROOT);
        if (Pattern.compile("autologin|_tokens?(_|$)|_get_token|_private_key").matcher(name).find()) {
            return Verb.CREDENTIAL;
        }
        List<String> words = List.of(name.split("_"));
        int from = name.startsWith("moodle_") ? 1 : MOODLE_COMPONENT.matcher(name).matches() ? 2 : 0;
        for (String word : words.subList(Math.min(from, words.size()), words.size())) {
            if ((word.equals("assign") || word.equals("unassign")) && name.contains("role")
                    || name.startsWith("core_role_") && !MOODLE_READS.contains(word) && MOODLE_CHANGES.contains(word)) {
                return Verb.GRANT;
            }
            if (MOODLE_READS.contains(word)) {
                return Verb.READ;
            }
            if (MOODLE_DELETES.contains(word)) {
                return Verb.DELETE;
            }
            if (MOODLE_CHANGES.contains(word)) {
                return Verb.UPDATE;
            }
        }
        return Verb.UPDATE;
    }

    /** What a POST to {@code host}{@code path} does, when the host is one of these APIs. */
    public static Optional<Verb> verb(String host, String path) {
        String h = host.toLowerCase(Locale.ROOT);
        for (Api api : APIS) {
            Matcher m = api.path().matcher(path);
            if (api.host().matcher(h).matches() && m.matches()) {
                String method = m.group(1);
                return Optional.of(api.reads().matcher(method).matches() ? Verb.READ
                        : api.deletes().matcher(method).matches() ? Verb.DELETE : Verb.CREATE);
            }
        }
        return Optional.empty();
    }
}

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

package dev.interlock.analysis.shell.recognizers.research;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * iRODS's icommands. {@code ils}, {@code iget}, {@code iquest}, {@code imeta ls|lsw|qu}, {@code ienv}, {@code ips},
 * {@code ichksum} and {@code iadmin}'s listings read; {@code iput} ({@code -f} overwrites), {@code irsync} (not with
 * {@code -l}, which only lists), {@code imkdir}, {@code imv}, {@code icp}, {@code irepl} and {@code imeta add|set|mod}
 * change the grid; {@code irm} ({@code -r}: a whole collection; {@code -f}: past the trash, for good), {@code irmtrash}
 * ({@code -M}: every user's trash) and {@code imeta rm|rmw} delete; {@code ichmod} and {@code iticket create} grant
 * access ({@code -r}: a whole collection); {@code iadmin mkuser|moduser|atg} grant (the caller's own user made
 * {@code rodsadmin}: an escalation), {@code iadmin rmuser|rmresc|rmzone} delete. Where: {@code IRODS_HOST}, and a tier
 * word in {@code IRODS_ZONE_NAME} or the zone a logical path starts with.
 */
final class IRods {

    private IRods() {
    }

    private static final Placement SERVER = Placement.of("host").orVariables("IRODS_HOST");

    private static final Set<String> VALUED = Set.of("-D", "-n", "-N", "-p", "-R", "-S", "-G", "-X", "-t", "-z", "-u",
            "--age", "--metadata", "--acl", "--retries", "--lfrestart", "--wlock", "--repl", "--resource",
            "--hostname", "--resc_hier");

    private static final CommandTable.Act USER_GRANT = grant("user").note("changes an iRODS user's or group's rights");

    private static final Map<String, CommandTable.Act> PROGRAM_ACTS = Map.ofEntries(
            Map.entry("ils", read("collection")), Map.entry("iget", read("data-object")),
            Map.entry("iquest", read("catalog")), Map.entry("ienv", read("configuration")), Map.entry("ips", read("connection")),
            Map.entry("ipwd", read("collection")), Map.entry("icd", read("collection")), Map.entry("iuserinfo", read("user")),
            Map.entry("ilsresc", read("resource")), Map.entry("ichksum", read("data-object")), Map.entry("iqstat", read("rule")),
            Map.entry("imiscsvrinfo", read("server")), Map.entry("izonereport", read("zone")), Map.entry("iscan", read("data-object")),
            Map.entry("ierror", read("error")), Map.entry("ihelp", read("help")), Map.entry("istream", read("data-object")),
            Map.entry("iinit", local("configuration")), Map.entry("iexit", local("configuration")),
            Map.entry("iput", create("data-object").note("uploads to the data grid")),
            Map.entry("irsync", update("collection").note("synchronizes data into the target")),
            Map.entry("imkdir", create("collection")), Map.entry("imv", update("collection")), Map.entry("icp", create("data-object")),
            Map.entry("ireg", create("data-object")), Map.entry("irepl", create("replica")), Map.entry("iphymv", update("replica")),
            Map.entry("itrim", delete("replica").note("trims replicas of the data objects")),
            Map.entry("imcoll", update("collection")), Map.entry("ibun", update("collection")), Map.entry("iphybun", update("collection")),
            Map.entry("irule", update("rule").note("runs a rule on the server")), Map.entry("iqdel", update("rule")),
            Map.entry("iqmod", update("rule")), Map.entry("ipasswd", update("password").note("changes the user's password")),
            Map.entry("irm", delete("data-object")), Map.entry("irmdir", delete("collection")),
            Map.entry("irmtrash", delete("trash").many().losesData().note("empties the trash: what it held is gone for good")),
            Map.entry("ichmod", grant("permission").note("changes who may read, write or own the data")),
            Map.entry("imeta", update("metadata")), Map.entry("iticket", read("ticket")), Map.entry("iadmin", read("catalog")));
    static final Set<String> PROGRAMS = PROGRAM_ACTS.keySet();

    private static final CommandTable IMETA = CommandTable.builder()
            .add("", "ls lsw qu", read("metadata"))
            .add("", "add adda addw set mod cp", update("metadata"))
            .add("", "rm rmi", delete("metadata"))
            .add("", "rmw", delete("metadata").many().note("removes every attribute the wildcards match"))
            .build();

    private static final CommandTable ITICKET = CommandTable.builder()
            .add("", "ls ls-all", read("ticket"))
            .add("", "create mod", grant("ticket").note("a ticket lets whoever holds it read or write the data"))
            .add("", "delete", update("ticket"))
            .build();

    private static final CommandTable IADMIN = CommandTable.builder()
            .add("", "lu lua luan luz lt lr ls lz lg lgd lrg lf get_grid_configuration get_delay_server_info", read("catalog"))
            .add("", "spass dspass", credential("password").note("scrambles or unscrambles a password"))
            .add("", "mkuser moduser atg aua", USER_GRANT)
            .add("", "rfg rua rpp", USER_GRANT)
            .add("", "mkgroup", create("group"))
            .add("", "rmuser rmgroup", delete("user"))
            .add("", "mkresc modresc addchildtoresc rmchildfromresc modrescdatapaths", update("resource"))
            .add("", "rmresc", delete("resource").losesData().note("removes a storage resource from the grid"))
            .add("", "mkzone modzone modzonecollacl", update("zone"))
            .add("", "rmzone", delete("zone").all())
            .add("", "suq sgq cu set_quota calculate-usage", update("quota"))
            .add("", "asq rsq", update("query"))
            .add("", "rum", delete("metadata").many().note("removes every unused attribute"))
            .add("", "set_grid_configuration set_delay_server ctime modrepl", update("configuration"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String program = inv.program();
        CommandTable.Act act = PROGRAM_ACTS.get(program);
        String name = words.isEmpty() ? "" : words.getLast();
        switch (program) {
            case "imeta" -> {
                Optional<CommandTable.Found> found = IMETA.find(words);
                act = found.map(CommandTable.Found::act).orElse(act);
                name = found.map(f -> f.name(words)).orElse(name);
            }
            case "iticket" -> act = ITICKET.find(words).map(CommandTable.Found::act).orElse(act);
            case "iadmin" -> {
                Optional<CommandTable.Found> found = IADMIN.find(words);
                act = found.map(CommandTable.Found::act).orElse(words.isEmpty() ? act : update("catalog"));
                name = found.map(f -> f.name(words)).orElse(name);
                act = escalation(inv, words, act, name);
            }
            case "irm", "irmdir" -> {
                if (p.has("-r") || words.size() > 1) {
                    act = act.many();
                }
                if (p.has("-f")) {
                    act = act.losesData().note("bypasses the trash: removed for good");
                } else if (act.scope() == Scope.MANY) {
                    act = act.note("moves the collection to the trash");
                }
            }
            case "irmtrash" -> {
                if (p.has("-M") || p.has("--orphan") || p.has("-u")) {
                    act = act.all().note("empties other users' trash (admin mode): gone for good");
                }
            }
            case "iput" -> {
                if (p.has("-f")) {
                    act = CommandTable.replace("data-object").note("overwrites what the target holds");
                }
            }
            case "irsync" -> {
                if (p.has("-l")) {
                    act = read("collection").note("only lists what it would synchronize");
                } else if (!name.startsWith("i:")) {
                    act = read("data-object").note("synchronizes from the grid into this machine's files");
                }
            }
            case "istream" -> {
                if (!words.isEmpty() && !words.getFirst().equalsIgnoreCase("read")) {
                    act = update("data-object");
                }
            }
            case "ichmod" -> {
                if (p.has("-r")) {
                    act = act.many();
                }
            }
            default -> {
                // the program's own act
            }
        }
        if (act.verb() != Verb.READ && act.type().equals("collection") && p.has("-r")) {
            act = act.many();
        }
        return GridPlacement.place(inv, p, act, "irods", name, SERVER, zone(inv, words));
    }

    /**
     * An admin user type or group given to the caller's own user ({@code IRODS_USER_NAME}): iRODS's {@code rodsadmin}
     * can read and change everything in the zone.
     */
    private static CommandTable.Act escalation(Invocation inv, List<String> words, CommandTable.Act act, String name) {
        if (act.verb() != Verb.GRANT || words.size() < 2) {
            return act;
        }
        boolean admin = words.stream().anyMatch(w -> w.equalsIgnoreCase("rodsadmin") || w.equalsIgnoreCase("groupadmin"));
        String user = words.getFirst().equals("atg") && words.size() > 2 ? words.get(2) : words.get(1);
        String own = inv.env().getOrDefault("IRODS_USER_NAME", "");
        if (!own.isEmpty() && user.split("#")[0].equals(own)) {
            return new CommandTable.Act(Verb.ESCALATE, "user", false, false, Scope.ONE,
                    "changes the caller's own iRODS user" + (admin ? " into an administrator" : ""));
        }
        return admin ? act.note("makes an iRODS administrator") : act;
    }

    /** {@code IRODS_ZONE_NAME}, else the zone an absolute logical path starts with ({@code i:/prodZone/…}, {@code /devZone/…}). */
    private static String zone(Invocation inv, List<String> words) {
        String zone = inv.env().getOrDefault("IRODS_ZONE_NAME", "");
        if (!zone.isEmpty()) {
            return zone;
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i).startsWith("i:") ? words.get(i).substring(2) : words.get(i);
            if (w.startsWith("/") && w.length() > 1) {
                String first = w.substring(1).split("/")[0];
                if (first.toLowerCase(Locale.ROOT).endsWith("zone") || w.contains("/home/") || w.contains("/projects/")) {
                    return first;
                }
            }
        }
        return "";
    }
}

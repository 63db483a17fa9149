package dev.interlock.analysis.shell.recognizers.saas;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Salesforce's {@code sf} (and the older {@code sfdx force:…}). Queries, retrieves and deploy validations read the
 * org (so does a deploy with {@code --dry-run}, {@code --checkonly} in sfdx); deploys, data changes and anonymous Apex
 * change it; an export copies the org's records (customers' personal data) onto this machine; {@code org display}
 * prints the access token. The target org ({@code --target-org}, {@code -o}, {@code -u}) says where: a scratch org is a
 * disposable development org.
 */
final class SalesforceCli {

    private SalesforceCli() {
    }

    /** An export writes the org's records to a file here: a copy of the data, as a query's rows written to a file are. */
    private static final Act EXPORT = read("records").many().note("copies the org's records onto this machine");
    /**
     * Logins an agent completes alone, with a private key or an auth-URL file it holds (a browser or device login is a
     * human's): the key is used and the org's session is kept on this machine.
     */
    private static final CommandTable KEYED_LOGINS = CommandTable.builder()
            .add("org login", "jwt sfdx-url", credential("org-session"))
            .add("auth", "jwt sfdxurl", credential("org-session"))
            .build();
    private static final Set<String> LOGIN_KEYS = Set.of("--jwt-key-file", "--jwtkeyfile", "--sfdx-url-file", "--sfdxurlfile", "-f");
    /** The org a login signs in to: the alias it is saved under, else the user's name. */
    private static final Placement LOGIN_ALIAS = Placement.of("account", "--alias", "-a", "--setalias");
    private static final Placement LOGIN_USER = Placement.of("account", "--username", "-o", "-u");
    private static final CommandTable TABLE = CommandTable.builder()
            .add("data", "query search", read("records"))
            .add("data get", "record", read("record"))
            .add("data query", "resume", read("records"))
            .add("data export", "tree bulk resume", EXPORT)
            .add("data create", "record file", create("record"))
            .add("data update", "record bulk resume", update("records"))
            .add("data upsert", "bulk resume", update("records"))
            .add("data import", "tree bulk resume", create("records"))
            .add("data delete", "record", delete("record"))
            .add("data delete", "bulk resume", delete("records").many())
            .add("project deploy", "start quick resume cancel", update("metadata").note("deploys metadata and code to the org"))
            .add("project deploy", "validate preview report", read("metadata"))
            .add("project retrieve", "start preview", read("metadata"))
            .add("project delete", "source", delete("metadata"))
            .add("project", "generate convert list reset", local("project"))
            .add("project delete", "tracking", local("project"))
            .add("apex", "run", execute("apex").note("runs anonymous Apex in the org"))
            // Apex tests roll back every record they write
            .add("apex run", "test", read("apex-tests"))
            .add("apex get", "test log", read("apex"))
            .add("apex list", "log", read("apex"))
            .add("apex tail", "log", read("apex"))
            .add("apex generate", "class trigger", local("apex"))
            .add("org", "display open", read("org"))
            .add("org display", "user", credential("org-user"))
            .add("org", "list shape", read("org"))
            .add("org list", "metadata metadata-types users auth limits sobject", read("org"))
            .add("org create", "sandbox user", create("org"))
            .add("org delete", "sandbox", delete("org").all())
            .add("org refresh", "sandbox", replace("org").note("replaces the sandbox's data and metadata"))
            .add("org resume", "sandbox scratch", read("org"))
            .add("org assign", "permset permsetlicense", grant("user"))
            .add("org generate", "password", credential("org-user").note("sets and prints a user's password"))
            .add("org", "login logout enable disable", local("cli"))
            .add("package", "install", update("package"))
            .add("package", "uninstall delete", delete("package"))
            .add("package", "create", create("package"))
            .add("package version", "create", create("package-version"))
            .add("package version", "promote update", update("package-version"))
            .add("package version", "delete", delete("package-version"))
            .add("package", "list installed", read("package"))
            .add("package version", "list report", read("package-version"))
            .add("sobject", "describe list", read("schema"))
            .add("schema", "generate", local("schema"))
            .add("limits api", "display", read("limits"))
            .add("community", "create", create("community"))
            .add("community", "publish", update("community"))
            .add("", "alias config plugins update version help doctor whoami info search env which autocomplete lightning "
                    + "visualforce static-resource template analytics", local("cli"))
            // sfdx force:… spellings
            .add("source", "deploy push", update("metadata").note("deploys metadata and code to the org"))
            .add("source", "retrieve pull status", read("metadata"))
            .add("mdapi", "deploy", update("metadata"))
            .add("mdapi", "retrieve", read("metadata"))
            .add("data soql", "query", read("records"))
            .add("data record", "get", read("record"))
            .add("data record", "create", create("record"))
            .add("data record", "update", update("record"))
            .add("data record", "delete", delete("record"))
            .add("data bulk", "delete", delete("records").many())
            .add("data bulk", "upsert status", update("records"))
            .add("data tree", "export", EXPORT)
            .add("data tree", "import", create("records"))
            .add("apex", "execute", execute("apex").note("runs anonymous Apex in the org"))
            .add("apex test", "run report", read("apex-tests"))
            .add("apex log", "get list tail", read("apex"))
            .add("user permset", "assign", grant("user"))
            .add("user", "display", credential("org-user"))
            .add("user password", "generate", credential("org-user"))
            .add("auth", "web jwt sfdxurl device logout list", local("cli"))
            .add("schema sobject", "describe list", read("schema"))
            .build();
    /** Scratch orgs: created by a developer for one change, expiring on their own. */
    private static final CommandTable SCRATCH = CommandTable.builder()
            .add("org create", "scratch", create("scratch-org"))
            .add("org delete", "scratch", delete("scratch-org"))
            .add("org", "create", create("scratch-org"))
            .add("org", "delete", delete("scratch-org"))
            .build();
    /** The org the command acts on; commands that make scratch orgs name the Dev Hub that owns them instead. */
    private static final Placement ORG = Placement.of("account", "--target-org", "-o", "-u", "--targetusername");
    private static final Placement DEV_HUB = Placement.of("account", "--target-dev-hub", "-v", "--targetdevhubusername");
    private static final Set<String> VALUED = Set.of("--target-org", "-o", "-u", "--targetusername", "--target-dev-hub", "-v",
            "--targetdevhubusername", "--query", "-q", "--file", "-f", "--sobject", "-s", "--record-id", "-i", "--wait", "-w",
            "--manifest", "-x", "--source-dir", "-d", "--metadata", "-m", "--test-level", "-l", "--tests", "-t",
            "--output-dir", "--output-file", "--outputdir", "--definition-file", "--alias", "-a", "--duration-days", "-y",
            "--name", "-n", "--values",
            "--where", "--plan", "-p", "--api-version", "--result-format", "--job-id", "--sandbox-name",
            "--class-names", "--suite-names", "--package", "--installation-key", "-k", "--external-id", "--line-ending",
            "--column-delimiter", "--prefix", "--permsetname", "--on-behalf-of", "-b", "--instance-url", "--client-id",
            "--jwt-key-file", "--jwtkeyfile", "--setalias", "--clientid", "--instanceurl", "--sfdxurlfile", "--username",
            "--sfdx-url-file", "--url", "--path", "--license-type", "--release");

    static Operation recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> words = SaasAdmin.commandWords(p.words()).stream().filter(w -> !w.equals("force")).toList();
        String org = ORG.target(inv, p).orElse("");
        // sfdx force:org:create makes a scratch org unless told otherwise; sf names the kind (org create scratch|sandbox)
        var scratch = SCRATCH.find(words).filter(f -> f.words() == 3 || words.size() == 2);
        var login = KEYED_LOGINS.find(words).filter(f -> p.has(LOGIN_KEYS.toArray(String[]::new)));
        if (login.isPresent()) {
            String key = p.value(LOGIN_KEYS.toArray(String[]::new)).orElse("");
            String target = LOGIN_ALIAS.target(inv, p).or(() -> LOGIN_USER.target(inv, p)).orElse("");
            return login.get().act().note("signs in with " + key + ": the org's session is kept on this machine")
                    .placed(inv, "salesforce", target, target.isEmpty() ? Map.of() : Map.of("account", target), Tier.UNKNOWN, "");
        }
        Act act = scratch.map(CommandTable.Found::act).orElseGet(() -> TABLE.findOrGuess(words, 3, "org").act());
        if (words.equals(List.of("org", "display")) || words.equals(List.of("org", "open")) && p.has("--url-only", "-r")) {
            act = credential("org").note("prints the org's access token or a signed-in URL");
        }
        if (act.verb() == Verb.UPDATE && act.type().equals("metadata") && p.has("--dry-run", "--check-only", "--checkonly")) {
            // a check-only deploy compiles and runs the tests, then rolls back: a validation, like project deploy validate
            act = read("metadata").note("validates the deployment and runs its tests; nothing is saved to the org");
        }
        boolean scratchOrg = scratch.isPresent() || org.toLowerCase(Locale.ROOT).contains("scratch");
        if (act == EXPORT && scratchOrg) {
            act = read("records").note("exports a scratch org's seed data");
        }
        String name = p.value("--sobject", "-s", "--record-id", "-i", "--name", "-n", "--manifest", "-x", "--source-dir", "-d",
                "--alias", "-a").orElse(org);
        Map<String, String> where = scratch.isPresent() ? Map.of() : org.isEmpty() ? DEV_HUB.locators(inv, p) : ORG.locators(inv, p);
        Operation op = act.placed(inv, "salesforce", name, where,
                scratchOrg ? Tier.DEV : Tier.UNKNOWN, "a scratch org: a disposable development org");
        if (act == EXPORT) {
            return DatabaseOps.rowsWrittenTo(op, p.value("--output-file", "--output-dir", "-d", "--outputdir")
                    .orElse("the current directory"));
        }
        // sf data query --output-file: the query's records land in a file here, as with "> file"
        return DatabaseOps.returnsRows(op) ? p.value("--output-file").map(f -> DatabaseOps.rowsWrittenTo(op, f)).orElse(op) : op;
    }
}

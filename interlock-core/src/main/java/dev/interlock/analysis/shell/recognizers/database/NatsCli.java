package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * The NATS CLI ({@code nats GROUP VERB NAME}): a JetStream stream's, a key-value bucket's or an object store's
 * contents are data (removing or purging them loses it), a durable consumer holds its delivery state, publishing
 * reaches whatever subscribes, and {@code info}/{@code ls}/{@code report}/{@code get} read. It acts on the server
 * {@code -s} names ({@code nats://127.0.0.1:4222} is this machine) or the saved {@code --context}; the contexts
 * themselves are files on this machine.
 */
final class NatsCli {

    private NatsCli() {
    }

    private static final String STREAM_READS = "info ls list report view get subjects state find backup";
    private static final String CLUSTER_MOVES = "cluster step-down peer-remove balance";

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("stream", STREAM_READS, read("stream"))
            .add("stream", "add create copy restore", create("stream"))
            .add("stream", "edit update", update("stream").note("changes the stream's subjects, limits or retention"))
            .add("stream", "seal", update("stream").losesData().note("seals the stream: nothing can be written or deleted again"))
            .add("stream", "rm delete", delete("stream").note("deletes the stream and every message in it"))
            .add("stream", "purge", delete("stream").note("deletes the stream's messages"))
            .add("stream", "rmm", delete("message"))
            .add("stream", CLUSTER_MOVES, update("stream").note("moves the stream's replicas or leader"))
            .add("consumer", "info ls list report graph", read("consumer"))
            .add("consumer", "add create copy", create("consumer"))
            .add("consumer", "edit update pause resume unpin", update("consumer"))
            .add("consumer", "rm delete", delete("consumer").note("deletes the durable consumer and its delivery state"))
            // fetching acknowledges: a work-queue stream then deletes what was fetched (--no-ack only reads)
            .add("consumer", "next sub", update("consumer").note("acknowledges the messages it fetches"))
            .add("consumer", CLUSTER_MOVES, update("consumer"))
            .add("kv", "get history ls list watch info status keys", read("bucket"))
            .add("kv", "add", create("bucket"))
            .add("kv", "put create update edit", update("key"))
            .add("kv", "del delete", delete("key"))
            .add("kv", "purge", delete("key").note("deletes the key and its history"))
            .add("kv", "compact", delete("bucket").many().note("drops the history of deleted keys"))
            .add("kv", "rm", delete("bucket").note("deletes the bucket and every key in it"))
            .add("object", "get ls list info watch status", read("bucket"))
            .add("object", "add", create("bucket"))
            .add("object", "put", update("object"))
            .add("object", "del delete", delete("object"))
            .add("object", "rm", delete("bucket").note("deletes the object store and every object in it"))
            .add("object", "seal", update("bucket").losesData().note("seals the bucket for good"))
            .add("", "pub publish request req", update("subject").note("sends messages: whatever subscribes acts on them"))
            .add("", "reply", update("subject").note("answers requests on the subject as if it were the service"))
            .add("", "bench", update("subject").note("publishes a load test's messages"))
            .add("", "sub subscribe rtt latency events trace errors schema micro cheat completion", read("subject"))
            .add("server", "ls list ping info check report request mapping", read("server"))
            .add("server", "raft cluster", update("server").note("moves a meta leader or cluster peer"))
            .add("server", "config", update("server").note("reloads the server's configuration"))
            .add("server", "account", update("account"))
            .add("server", "account purge", delete("account").all().note("deletes every stream and consumer of the account"))
            .add("server", "run passwd generate", local("server"))
            .add("account", "info report tls", read("account"))
            .add("account", "backup", read("account"))
            .add("account", "restore", create("stream").many())
            .add("context", "ls list show info validate", read("context"))
            .add("context", "add edit rm delete select copy import export", local("context"))
            .add("auth", "ls list info", read("account"))
            .add("auth", "account user operator", grant("account").note("changes accounts, users or their credentials"))
            .build();

    private static final Set<String> VALUED = Set.of("-s", "--server", "--context", "--user", "--password",
            "--creds", "--nkey", "--tlscert", "--tlskey", "--tlsca", "--socks-proxy", "--colors", "--timeout",
            "--js-api-prefix", "--js-event-prefix", "--js-domain", "--inbox-prefix", "--connection-name", "--jwt",
            "--token", "--count", "--subject", "--subjects", "--replicas", "--storage", "--retention", "--discard",
            "--max-msgs", "--max-bytes", "--max-age", "--seq", "--filter", "--keep", "--ack", "--deliver", "--pull",
            "--output", "-o", "--header", "-H", "--sleep", "--msgs", "--size", "--pub", "--sub", "--wait", "--history",
            "--ttl", "--description", "--config", "--placement-cluster", "--tag");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "stream");
        CommandTable.Act act = found.command().startsWith("consumer next") || found.command().startsWith("consumer sub")
                ? p.has("--no-ack") ? read("consumer") : found.act() : found.act();
        String name = found.name(words);
        Operation.Builder b = act.operation(inv, "nats", name);
        if (act.here()) {
            return b.build();
        }
        p.value("--context").ifPresent(context -> b.locator("context", context));
        return DataServiceRecognizer.located(b, DataServiceRecognizer.host(p.value("-s", "--server").orElse("")), inv);
    }
}

package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
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
import dev.interlock.model.Verb;
import java.util.Set;

/**
 * The Solana CLI and SPL Token CLI, placed by {@code -u/--url} ({@code m}, {@code d}, {@code t}, {@code l} or an RPC
 * URL); with none, the cluster in the CLI's config decides, which Interlock cannot see. Transfers, deployments,
 * upgrades, stake and vote changes are signed transactions; authority changes are grants ({@code --final} makes a
 * program immutable for good); closing a program frees its address forever. {@code solana-keygen} writes keypairs
 * here, and with {@code --force} overwrites one: the old key, and whatever only it could sign for, is lost.
 */
final class SolanaCli {

    private SolanaCli() {
    }

    static final Placement CLUSTER = Placement.of("network", "-u", "--url");

    private static final CommandTable.Act TRANSFER = OnChain.sent(update("funds"))
            .note("sends lamports or tokens: a transfer on chain cannot be called back");
    private static final CommandTable.Act AUTHORITY = OnChain.sent(grant("authority"))
            .note("hands the authority over the account or program to another key");

    private static final CommandTable SOLANA = CommandTable.builder()
            .add("", "address balance account block block-height block-production block-time blocks cluster-date"
                    + " cluster-version confirm epoch epoch-info fees first-available-block genesis-hash gossip inflation"
                    + " largest-accounts leader-schedule live-slots logs slot stake-account stake-history stakes supply"
                    + " transaction-count transaction-history validators vote-account rent catchup nonce nonce-account"
                    + " decode-transaction resolve-signer create-address-with-seed verify-offchain-signature ping",
                    read("account"))
            .add("", "airdrop", read("faucet").note("asks a test cluster's faucet for coins: mainnet has none"))
            .add("program", "show dump", read("program"))
            .add("program-v4", "show dump", read("program"))
            .add("feature", "status", read("feature"))
            .add("validator-info", "get", read("validator"))
            .add("address-lookup-table", "get", read("lookup-table"))
            .add("config", "get", read("config"))
            .add("config", "set import-address-labels export-address-labels", local("config"))
            .add("", "help completion sign-offchain-message", local("config"))
            .add("", "transfer withdraw-stake withdraw-from-vote-account withdraw-from-nonce-account", TRANSFER)
            .add("", "deploy", OnChain.sent(create("program")).note("deploys a program"))
            .add("program", "deploy", OnChain.sent(create("program")).note("deploys a program, or upgrades the one at its id"))
            .add("program-v4", "deploy", OnChain.sent(create("program")).note("deploys a program, or upgrades the one at its id"))
            .add("program", "write-buffer", OnChain.sent(create("buffer")))
            .add("program", "upgrade extend", OnChain.sent(update("program")).note("changes a live program"))
            .add("program", "set-upgrade-authority set-buffer-authority", AUTHORITY)
            .add("program-v4", "transfer-authority finalize", AUTHORITY)
            .add("program", "close", delete("program").note("closes the program: its address can never hold code again"))
            .add("program-v4", "close", delete("program").note("closes the program: its address can never hold code again"))
            .add("", "stake-authorize stake-authorize-checked vote-authorize-voter vote-authorize-withdrawer"
                    + " vote-authorize-voter-checked vote-authorize-withdrawer-checked authorize-nonce-account stake-set-lockup",
                    AUTHORITY)
            .add("", "create-stake-account create-stake-account-checked delegate-stake deactivate-stake split-stake"
                    + " merge-stake redelegate-stake create-vote-account vote-update-validator vote-update-commission"
                    + " create-nonce-account new-nonce", OnChain.sent(update("stake")))
            .add("", "close-vote-account", delete("vote-account"))
            .add("validator-info", "publish", OnChain.sent(update("validator")))
            .add("feature", "activate", OnChain.sent(update("feature")).all().note("activates a feature for the whole cluster"))
            .build();

    private static final CommandTable SPL_TOKEN = CommandTable.builder()
            .add("", "accounts balance supply display address account-info", read("token"))
            .add("", "transfer wrap unwrap", TRANSFER)
            .add("", "mint create-token create-account create-multisig", OnChain.sent(create("token")))
            .add("", "freeze thaw", OnChain.sent(update("token")))
            .add("", "burn close close-mint", delete("token"))
            .add("", "gc", delete("token").many().note("closes every empty token account"))
            .add("", "authorize approve revoke", OnChain.sent(grant("authority"))
                    .note("hands authority over the token, or an allowance to spend it, to another key"))
            .build();

    private static final CommandTable KEYGEN = CommandTable.builder()
            .add("", "pubkey verify", read("keypair"))
            .add("", "new grind recover", local("keypair"))
            .build();

    private static final Set<String> VALUED = Set.of("-u", "--url", "-k", "--keypair", "--fee-payer", "--from",
            "--program-id", "--upgrade-authority", "--new-upgrade-authority", "--buffer", "--max-len", "--output", "-o",
            "--commitment", "--with-compute-unit-price", "--with-memo", "--nonce", "--nonce-authority", "--ws",
            "--stake-authority", "--withdraw-authority", "--owner", "--mint-authority", "--recipient", "--outfile",
            "--word-count", "--language", "--starts-with", "--ends-with", "--starts-and-ends-with", "--num-threads",
            "--authority", "--program-data-account", "--close-authority", "--decimals", "--program-2022", "--config", "-C");

    static Operation solana(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = SOLANA.findOrGuess(p.words(), Math.min(2, p.words().size()), "account");
        CommandTable.Act act = found.act();
        if (found.command().equals("program set-upgrade-authority") && p.has("--final")) {
            act = act.note("makes the program immutable forever: no one can ever upgrade or fix it");
        } else if (found.command().equals("program close") && p.has("--buffers")) {
            act = act.on("buffer").many();
        }
        return OnChain.place(inv, "solana", act, found.name(p.words()), CLUSTER.target(inv, p));
    }

    static Operation splToken(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = SPL_TOKEN.findOrGuess(p.words(), 1, "token");
        return OnChain.place(inv, "spl-token", found.act(), found.name(p.words()), CLUSTER.target(inv, p));
    }

    static Operation keygen(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = KEYGEN.find(p.words()).orElseGet(() -> new CommandTable.Found("", local("keypair"), 0));
        String file = p.value("-o", "--outfile").orElse(found.command().equals("new") ? "~/.config/solana/id.json" : "");
        CommandTable.Act act = p.has("--force") && !found.command().equals("grind")
                ? OnChain.here(Verb.DELETE, "keypair", "--force overwrites the keypair: the old key, and what only it signs for, is lost")
                : found.act();
        return OnChain.place(inv, "solana-keygen", act, file.isEmpty() ? found.name(p.words()) : file, CLUSTER.target(inv, p));
    }
}

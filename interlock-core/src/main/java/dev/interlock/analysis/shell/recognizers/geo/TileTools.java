package dev.interlock.analysis.shell.recognizers.geo;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector-tile builders and Mapbox's tilesets CLI. tippecanoe and tile-join read their inputs and write the tileset
 * {@code -o}/{@code -e} names on this machine; {@code --force} only replaces that output, and its many
 * {@code --drop-…}/{@code --coalesce-…} options shape tiles, deleting nothing; its {@code --prefilter}/{@code --postfilter}
 * commands run as shell commands. {@code tilesets} sends data to Mapbox: an upload of a source is a transfer of the
 * local file to a third party, publishing changes live tiles, deleting a source or tileset deletes it; listings,
 * status, recipes and validations read. Placed by the Mapbox account (the username, or a tileset id's prefix).
 */
final class TileTools {

    private TileTools() {
    }

    static final Set<String> PROGRAMS = Set.of("tippecanoe", "tile-join", "tippecanoe-decode", "tippecanoe-enumerate",
            "tippecanoe-json-tool", "tippecanoe-overzoom", "tilesets");

    private static final Set<String> TIPPECANOE_VALUED = Set.of("-o", "--output", "-e", "--output-to-directory", "-l", "--layer",
            "-L", "--named-layer", "-n", "--name", "-A", "--attribution", "-N", "--description", "-z", "--maximum-zoom", "-Z",
            "--minimum-zoom", "-B", "--base-zoom", "-d", "--full-detail", "-D", "--low-detail", "-m", "--minimum-detail",
            "-x", "--exclude", "-y", "--include", "-j", "--feature-filter", "-J", "--feature-filter-file", "-r", "--drop-rate",
            "-T", "--attribute-type", "-E", "--accumulate-attribute", "-t", "--temporary-directory", "-M",
            "--maximum-tile-bytes", "-O", "--maximum-tile-features", "-S", "--simplification", "-g", "--gamma", "-C",
            "--prefilter", "-c", "--postfilter", "-s", "--projection", "-R", "--one-tile", "-Y", "--attribute-description",
            "-P", "--read-parallel", "--csv", "--use-attribute-for-id", "--set-attribute", "--cluster-distance",
            "--coalesce-densest-as-needed-smallest", "--smallest-maximum-zoom-guess", "--order-by", "--order-descending-by",
            "-i", "--if-matched-key", "--unless-matched-key", "-q", "--extra-detail", "--convert-stringified-ids-to-numbers");
    private static final Set<String> TILE_JOIN_VALUED = Set.of("-o", "--output", "-e", "--output-to-directory", "-c", "--csv",
            "-x", "--exclude", "-y", "--include", "-l", "--layer", "-L", "--exclude-layer", "-n", "--name", "-A",
            "--attribution", "-N", "--description", "-z", "--maximum-zoom", "-Z", "--minimum-zoom", "-R", "--rename-layer",
            "-j", "--feature-filter", "-J", "--feature-filter-file", "-i", "--if-matched");

    private static final CommandTable.Act UPLOAD = new CommandTable.Act(Verb.TRANSFER, "tileset-source", false, false, Scope.ONE,
            "sends the local data to Mapbox");

    private static final CommandTable TILESETS = CommandTable.builder()
            .add("", "status tilejson list jobs job list-sources view-source view-recipe validate-recipe validate-source"
                    + " estimate-area estimate-cu list-activity --help --version", read("tileset"))
            .add("", "upload-source upload-raster-source add-source", UPLOAD)
            .add("", "create", create("tileset"))
            .add("", "publish", update("tileset").note("publishes the tileset: every map that uses it changes"))
            .add("", "update update-recipe", update("tileset"))
            .add("", "delete-source", delete("tileset-source"))
            .add("", "delete", delete("tileset").note("deletes the tileset: maps that use it lose their data"))
            .build();
    private static final Set<String> TILESETS_VALUED = Set.of("--token", "-t", "--name", "--description", "--attribution",
            "--recipe", "-r", "--limit", "--start", "--stage", "--indent", "--no-validation", "--privacy");
    /** Commands whose first two positionals are the account and the source id, not a tileset id. */
    private static final Set<String> SOURCE_COMMANDS = Set.of("upload-source", "upload-raster-source", "add-source",
            "delete-source", "view-source", "list-sources");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "tilesets" -> tilesets(inv);
            case "tippecanoe", "tile-join", "tippecanoe-overzoom" -> builder(inv, nested);
            default -> List.of(LocalFiles.read(inv, inv.parse(Set.of()).positional(0).orElse("")));
        };
    }

    private static List<Operation> builder(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(inv.program().equals("tile-join") ? TILE_JOIN_VALUED : TIPPECANOE_VALUED);
        List<Operation> ops = new ArrayList<>();
        if (inv.program().equals("tippecanoe")) {
            for (String filter : List.of("-C", "--prefilter", "-c", "--postfilter")) {
                p.flags().getOrDefault(filter, List.of()).stream().filter(f -> !f.isEmpty())
                        .forEach(f -> nested.shell(f, inv).forEach(op -> ops.add(op.withEvidence(inv.evidence()))));
            }
        }
        String output = p.value("-o", "--output", "-e", "--output-to-directory")
                .orElse(inv.program().equals("tippecanoe-overzoom") ? p.positional(1).orElse("") : "");
        boolean replaces = p.has("-f", "--force", "-F", "--allow-existing");
        if (!output.isEmpty()) {
            ops.add(LocalFiles.on(inv, replaces ? Verb.UPDATE : Verb.CREATE, "file", output).build());
        } else {
            ops.add(LocalFiles.read(inv, p.positional(0).orElse("")));
        }
        return ops;
    }

    private static List<Operation> tilesets(Invocation inv) {
        List<String> pos = inv.parse(TILESETS_VALUED).words();
        CommandTable.Found found = TILESETS.findOrGuess(pos, 1, "tileset");
        List<String> rest = pos.size() > found.words() ? pos.subList(found.words(), pos.size()) : List.of();
        String account;
        String name;
        if (SOURCE_COMMANDS.contains(found.command())) {
            account = rest.isEmpty() ? "" : rest.getFirst();
            name = rest.size() > 1 ? rest.get(1) : "";
        } else {
            String id = rest.isEmpty() ? "" : rest.getFirst();
            int dot = id.indexOf('.');
            account = dot > 0 ? id.substring(0, dot) : found.command().equals("list") ? id : "";
            name = id;
        }
        return List.of(found.act().placed(inv, "mapbox", name, Map.of("account", account), Tier.UNKNOWN, ""));
    }
}

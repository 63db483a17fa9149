package dev.interlock.analysis.shell.recognizers.cms;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Site CLIs of content-management, e-commerce and headless-CMS platforms, one table each: WP-CLI's {@code wp}, Drupal's
 * {@code drush}, Magento's {@code bin/magento}, {@code directus} and {@code strapi}. They act on a live site (its
 * database, code and accounts), placed by {@link SiteTarget}; embedded SQL is judged by the SQL analysis. The hosted
 * headless CMSs' CLIs ({@code contentful}, {@code sanity}, {@code storyblok}, {@code prismic}) act on the vendor's
 * platform instead, placed by the environment or dataset they name ({@link HostedCms}).
 */
public final class SiteClis implements Recognizer {

    private static final Set<String> DATABASE_TYPES = Set.of("database", "rows", "schema");

    /**
     * The operation of a table row on {@code name}. A read of the whole database (an export, a dump) is a copy of the
     * site's data that now lives elsewhere ({@link DatabaseOps#COPIES_DATA}).
     */
    static Operation operation(Act act, Invocation inv, String system, String name) {
        // the site's database, its tables and schema are a database's, judged as any other (a local one is a sandbox)
        Operation.Builder b = act.operation(inv, DATABASE_TYPES.contains(act.type()) ? DatabaseOps.SYSTEM : system, name);
        if (act.verb() == Verb.READ && act.scope() == Scope.ALL) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        return b.build();
    }

    @Override
    public Set<String> programs() {
        return Set.of("wp", "wp-cli.phar", "drush", "magento", "directus", "strapi", "contentful", "sanity", "storyblok", "prismic");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.contains("--version")) {
            return List.of();
        }
        return switch (inv.program()) {
            case "wp", "wp-cli.phar" -> WordPressCli.recognize(inv, nested);
            case "drush" -> DrushCli.recognize(inv, nested);
            case "magento" -> MagentoCli.recognize(inv);
            case "contentful", "sanity", "storyblok", "prismic" -> HostedCms.recognize(inv);
            default -> HeadlessCms.recognize(inv);
        };
    }
}

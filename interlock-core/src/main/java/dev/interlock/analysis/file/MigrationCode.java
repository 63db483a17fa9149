package dev.interlock.analysis.file;

import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migrations written in a framework's own language (Rails, Alembic, Django, Knex, Sequelize, TypeORM, EF Core, Ecto,
 * migrate-mongo and other MongoDB migrators): the schema calls
 * that drop or rewrite data, and the SQL they pass through ({@code execute "DROP …"}, {@code op.execute(…)},
 * {@code RunSQL(…)}, {@code knex.raw(…)}), as the operations they are when the migration runs. The rollback half
 * ({@code def down}, {@code downgrade()}, {@code exports.down}, EF Core's {@code Down(MigrationBuilder)}) undoes a creation and is not what running the
 * migration does, so it is left out.
 */
final class MigrationCode {

    private MigrationCode() {
    }

    /** One schema call: the pattern (group 1 the table, group 2 a column when there is one) and what it does. */
    private record Call(Pattern pattern, Verb verb, String type, Scope scope) {
        Call(String regex, Verb verb, String type, Scope scope) {
            this(Pattern.compile(regex), verb, type, scope);
        }
    }

    private static final String Q = "[\"'`]";
    private static final String NAME = ":?" + Q + "?(\\w+)" + Q + "?";

    private static final List<Call> CALLS = List.of(
            // Rails
            new Call("\\bdrop_(?:join_)?table\\s*\\(?\\s*" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("\\bremove_(?:column|reference|belongs_to|timestamps)s?\\s*\\(?\\s*" + NAME + "(?:\\s*,\\s*" + NAME + ")?", Verb.DELETE, "column", Scope.ALL),
            new Call("\\brename_(?:table|column)\\s*\\(?\\s*" + NAME, Verb.UPDATE, "table", Scope.ALL),
            new Call("\\bchange_column\\s*\\(?\\s*" + NAME + "\\s*,\\s*" + NAME, Verb.UPDATE, "column", Scope.ALL),
            // Alembic
            new Call("\\bop\\.drop_table\\(\\s*" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("\\bop\\.drop_column\\(\\s*" + NAME + "\\s*,\\s*" + NAME, Verb.DELETE, "column", Scope.ALL),
            new Call("\\bop\\.alter_column\\(\\s*" + NAME + "\\s*,\\s*" + NAME, Verb.UPDATE, "column", Scope.ALL),
            // Django
            new Call("\\bmigrations\\.DeleteModel\\(\\s*(?:name\\s*=\\s*)?" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("\\bmigrations\\.RemoveField\\(\\s*(?:model_name\\s*=\\s*)?" + NAME + "\\s*,\\s*(?:name\\s*=\\s*)?" + NAME, Verb.DELETE, "column", Scope.ALL),
            new Call("\\bmigrations\\.AlterField\\(\\s*(?:model_name\\s*=\\s*)?" + NAME + "\\s*,\\s*(?:name\\s*=\\s*)?" + NAME, Verb.UPDATE, "column", Scope.ALL),
            // Knex, Sequelize, TypeORM
            new Call("\\.dropTable(?:IfExists)?\\(\\s*" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("\\.(?:dropColumns?|removeColumn)\\(\\s*" + NAME + "(?:\\s*,\\s*" + NAME + ")?", Verb.DELETE, "column", Scope.ALL),
            new Call("\\.bulkDelete\\(\\s*" + NAME + "\\s*,\\s*(?:null|\\{\\s*\\}|undefined)", Verb.DELETE, "table", Scope.ALL),
            new Call("\\.truncate\\(\\s*" + NAME + "?\\s*\\)", Verb.DELETE, "table", Scope.ALL),
            // EF Core's MigrationBuilder (named arguments: name:, table:; DropColumn names the column first)
            new Call("\\.DropTable\\(\\s*(?:name\\s*:\\s*)?" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("\\.DropColumn\\(\\s*(?:name\\s*:\\s*)?" + NAME, Verb.DELETE, "column", Scope.ALL),
            new Call("\\.Rename(?:Table|Column)\\(\\s*(?:name\\s*:\\s*)?" + NAME, Verb.UPDATE, "table", Scope.ALL),
            new Call("\\.AlterColumn<[\\w?]+>\\(\\s*(?:name\\s*:\\s*)?" + NAME, Verb.UPDATE, "column", Scope.ALL),
            // Ecto: drop table(:payments); remove :email inside an alter table(:users) block
            new Call("\\bdrop(?:_if_exists)?\\s+table\\(\\s*" + NAME, Verb.DELETE, "table", Scope.ALL),
            new Call("(?s)\\balter\\s+table\\(\\s*" + NAME + "[^)]*\\)\\s+do\\b(?:(?!\\bend\\b).)*?\\bremove(?:_if_exists)?\\s+" + NAME,
                    Verb.DELETE, "column", Scope.ALL),
            new Call("\\brename\\s+table\\(\\s*" + NAME, Verb.UPDATE, "table", Scope.ALL),
            // MongoDB (migrate-mongo's up(db), mongodb-migrations): a dropped or emptied collection is lost data too
            new Call("\\.collection\\(\\s*" + NAME + "\\s*\\)\\s*\\.drop\\(", Verb.DELETE, "collection", Scope.ALL),
            new Call("\\.dropCollection\\(\\s*" + NAME, Verb.DELETE, "collection", Scope.ALL),
            new Call("\\.collection\\(\\s*" + NAME + "\\s*\\)\\s*\\.(?:deleteMany|remove)\\(\\s*\\{\\s*\\}", Verb.DELETE, "collection", Scope.ALL),
            new Call("\\.dropDatabase\\(\\s*()\\)", Verb.DELETE, "database", Scope.ALL));

    /** SQL handed to the database as text: Rails execute (also heredocs), op.execute, RunSQL, raw and query calls. */
    private static final List<Pattern> SQL = List.of(
            Pattern.compile("\\bexecute\\s*\\(?\\s*<<[~-]?(\\w+)\\s*\\n(.*?)\\n\\s*\\1", Pattern.DOTALL),
            Pattern.compile("\\b(?:execute|RunSQL|raw|query)\\s*\\(?\\s*(?:sql\\s*=\\s*)?(\"\"\"|'''|[\"'`])(.*?)\\1", Pattern.DOTALL),
            // EF Core's migrationBuilder.Sql("…") and Sql(@"…")
            Pattern.compile("\\.Sql\\(\\s*(?:sql\\s*:\\s*)?@?(\")(.*?)\\1", Pattern.DOTALL));

    /** Where the rollback half starts, and where an up half starts again. */
    private static final Pattern DOWN = Pattern.compile("\\bdef\\s+down\\b|\\bdef\\s+downgrade\\s*\\(|\\bexports\\.down\\s*="
            + "|\\bvoid\\s+Down\\s*\\(|\\bexport\\s+(?:async\\s+)?function\\s+down\\b|\\bdown\\s*:\\s*(?:async\\s*)?(?:function|\\()|\\basync\\s+down\\s*\\(");
    private static final Pattern UP = Pattern.compile("\\bdef\\s+(?:up|change)\\b|\\bdef\\s+upgrade\\s*\\(|\\bexports\\.up\\s*="
            + "|\\bvoid\\s+Up\\s*\\(|\\bexport\\s+(?:async\\s+)?function\\s+up\\b|\\bup\\s*:\\s*(?:async\\s*)?(?:function|\\()|\\basync\\s+up\\s*\\(");

    /** What running the migration does to the database; {@code sql} analyzes the SQL it passes through. */
    static List<Operation> analyze(String content, BiFunction<String, String, List<Operation>> sql) {
        String up = withoutRollback(content);
        List<Operation> ops = new ArrayList<>();
        for (Call call : CALLS) {
            Matcher m = call.pattern().matcher(up);
            while (m.find()) {
                String table = m.group(1) == null ? "" : m.group(1);
                String column = m.groupCount() > 1 && m.group(2) != null ? m.group(2) : "";
                String name = call.type().equals("column") && !column.isEmpty() ? table + "." + column : table;
                ops.add(Operation.builder("database", call.verb()).resource(call.type(), name).scope(call.scope())
                        .stateful(true).reversible(call.verb() != Verb.DELETE).evidence(Evidence.text(m.group().strip()))
                        .note(m.group().strip()).build());
            }
        }
        for (Pattern p : SQL) {
            Matcher m = p.matcher(up);
            while (m.find()) {
                ops.addAll(sql.apply(m.group(2), ""));
            }
        }
        return ops;
    }

    private static String withoutRollback(String content) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        Matcher down = DOWN.matcher(content);
        while (down.find(at)) {
            out.append(content, at, down.start());
            Matcher up = UP.matcher(content);
            at = up.find(down.end()) ? up.start() : content.length();
        }
        return out.append(content.substring(Math.min(at, content.length()))).toString();
    }
}

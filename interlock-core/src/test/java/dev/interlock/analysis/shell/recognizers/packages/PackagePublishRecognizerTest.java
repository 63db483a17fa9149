package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.recognizers.SqlRecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackagePublishRecognizerTest {

    private final PackagePublishRecognizer recognizer = new PackagePublishRecognizer();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), new SqlRecordingNested());
    }

    private static void published(Operation o) {
        assertThat(o.verb()).isEqualTo(Verb.TRANSFER);
        assertThat(o.scope()).isEqualTo(Scope.MANY);
        assertThat(o.reversible()).isFalse();
        assertThat(o.environment()).isEqualTo(Tier.UNKNOWN);
    }

    @Test
    void npmFamily() {
        assertThat(run("npm", "publish", "--access", "public")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("npm", "publish", "--dry-run")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("pnpm", "-r", "publish")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("yarn", "npm", "publish")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("npm", "unpublish", "left-pad", "--force")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.scope()).isEqualTo(Scope.ALL);
        });
        assertThat(run("npm", "unpublish", "left-pad@1.0.1")).singleElement().satisfies(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
        assertThat(run("npm", "publish", "--registry", "http://localhost:4873")).singleElement()
                .satisfies(o -> assertThat(o.resource().locator("host")).isEqualTo("localhost"));
        for (String[] local : new String[][] {{"test"}, {"run", "build"}, {"run", "lint"}}) {
            assertThat(run("npm", local)).singleElement().satisfies(o -> {
                assertThat(o.verb()).isEqualTo(Verb.EXECUTE);
                assertThat(o.environment()).isEqualTo(Tier.LOCAL);
            });
        }
        // installs replace what runs here imports: local on the agent's machine, a declared environment's on a server
        for (String[] install : new String[][] {{"install"}, {"ci"}}) {
            assertThat(run("npm", install)).singleElement().satisfies(o -> {
                assertThat(o.verb()).isEqualTo(Verb.UPDATE);
                assertThat(o.resource().type()).isEqualTo("dependencies");
                assertThat(o.environment()).isEqualTo(Tier.LOCAL);
            });
        }
        assertThat(run("yarn")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(run("npm", "run", "deploy:prod")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.UNKNOWN));
    }

    @Test
    void jvmPythonRustRuby() {
        assertThat(run("mvn", "-B", "clean", "deploy", "-P", "release")).anySatisfy(PackagePublishRecognizerTest::published);
        assertThat(run("./mvnw".replace("./", ""), "release:perform")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("mvn", "clean", "install")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(run("gradle", "publish")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("gradlew", ":lib:publishAllPublicationsToSonatypeRepository")).singleElement()
                .satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("gradlew", "publishToMavenLocal")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.EXECUTE));
        assertThat(run("twine", "upload", "dist/*")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("twine", "check", "dist/*")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("cargo", "publish")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("cargo", "publish", "--dry-run")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("cargo", "yank", "--version", "1.0.1", "mycrate")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.UPDATE));
        assertThat(run("cargo", "test")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(run("gem", "push", "mygem-1.0.0.gem")).singleElement().satisfies(PackagePublishRecognizerTest::published);
    }

    @Test
    void github() {
        assertThat(run("gh", "repo", "delete", "acme/api", "--yes")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.scope()).isEqualTo(Scope.ALL);
            assertThat(o.stateful()).isTrue();
            assertThat(o.resource().locator("repository")).isEqualTo("acme/api");
        });
        assertThat(run("gh", "release", "create", "v1.2.0", "--generate-notes")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.CREATE));
        assertThat(run("gh", "release", "delete", "v1.2.0", "-y")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.DELETE));
        assertThat(run("gh", "release", "list")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
        assertThat(run("gh", "pr", "list")).singleElement().satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.READ));
    }

    @Test
    void projectBinariesHandTheirCommandBack() {
        SqlRecordingNested nested = new SqlRecordingNested();
        recognizer.recognize(Invocation.of("pnpm", "prisma", "migrate", "reset", "--force"), nested);
        recognizer.recognize(Invocation.of("yarn", "drizzle-kit", "push", "--force"), nested);
        recognizer.recognize(Invocation.of("yarn", "knex", "migrate:make", "add users"), nested);
        assertThat(nested.shell).containsExactly("prisma migrate reset --force", "drizzle-kit push --force",
                "knex migrate:make 'add users'");
    }

    @Test
    void otherRegistriesAndDotnet() {
        assertThat(run("poetry", "publish", "--build")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("uv", "publish")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("lerna", "publish", "from-package")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("dotnet", "nuget", "push", "x.nupkg")).singleElement().satisfies(PackagePublishRecognizerTest::published);
        assertThat(run("dotnet", "ef", "database", "drop", "--force")).singleElement().satisfies(o -> {
            assertThat(o.verb()).isEqualTo(Verb.DELETE);
            assertThat(o.scope()).isEqualTo(Scope.ALL);
        });
        assertThat(run("dotnet", "test")).singleElement().satisfies(o -> assertThat(o.environment()).isEqualTo(Tier.LOCAL));
        assertThat(run("mvn", "deploy", "-Dmaven.deploy.skip=true")).singleElement()
                .satisfies(o -> assertThat(o.verb()).isEqualTo(Verb.EXECUTE));
    }
}

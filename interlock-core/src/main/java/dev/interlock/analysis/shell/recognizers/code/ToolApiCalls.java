package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python libraries that are a tool's own API, written back as the tool's command line so that they are judged exactly
 * like it: CI servers' clients (python-jenkins and jenkinsapi → {@code jenkins-cli -s URL delete-job …}; python-gitlab's
 * project and group deletes → {@code glab}), and migration frameworks' entry points (Alembic's
 * {@code alembic.config.main(argv=[…])} and {@code command.downgrade(cfg, 'base')} → {@code alembic downgrade base};
 * Django's {@code call_command('flush')} → {@code manage.py flush}). The variables that place the tool
 * ({@code DATABASE_URL}, {@code JENKINS_URL}, {@code DJANGO_SETTINGS_MODULE}) go with the command.
 */
final class ToolApiCalls {

    private ToolApiCalls() {
    }

    /** python-jenkins and jenkinsapi methods → jenkins-cli's command. */
    private static final Map<String, String> JENKINS = Map.ofEntries(
            Map.entry("delete_job", "delete-job"), Map.entry("delete_node", "delete-node"), Map.entry("delete_view", "delete-view"),
            Map.entry("delete_build", "delete-builds"), Map.entry("delete_credential", "delete-credentials"),
            Map.entry("disable_job", "disable-job"), Map.entry("enable_job", "enable-job"), Map.entry("create_job", "create-job"),
            Map.entry("copy_job", "copy-job"), Map.entry("reconfig_job", "update-job"), Map.entry("rename_job", "update-job"),
            Map.entry("create_view", "create-view"), Map.entry("reconfig_view", "update-view"),
            Map.entry("create_node", "create-node"), Map.entry("reconfig_node", "update-node"),
            Map.entry("disable_node", "offline-node"), Map.entry("enable_node", "online-node"),
            Map.entry("build_job", "build"), Map.entry("run_script", "groovy"), Map.entry("install_plugin", "install-plugin"),
            Map.entry("quiet_down", "quiet-down"), Map.entry("safe_restart", "safe-restart"),
            Map.entry("create_credential", "create-credentials-by-xml"),
            Map.entry("get_jobs", "list-jobs"), Map.entry("get_all_jobs", "list-jobs"), Map.entry("get_job_info", "get-job"),
            Map.entry("get_job_config", "get-job"), Map.entry("get_info", "list-jobs"), Map.entry("get_whoami", "who-am-i"),
            Map.entry("get_version", "version"), Map.entry("get_nodes", "list-jobs"), Map.entry("get_node_info", "get-node"),
            Map.entry("get_build_info", "get-job"), Map.entry("get_build_console_output", "console"),
            Map.entry("get_plugins", "list-plugins"), Map.entry("get_plugins_info", "list-plugins"),
            Map.entry("get_queue_info", "list-jobs"), Map.entry("get_views", "list-jobs"), Map.entry("job_exists", "get-job"),
            Map.entry("jobs_count", "list-jobs"), Map.entry("get_job", "get-job"), Map.entry("get_node", "get-node"),
            Map.entry("has_job", "get-job"));
    private static final Pattern JENKINS_SERVER = Pattern.compile("\\bJenkins\\s*\\(\\s*(?:baseurl\\s*=\\s*|url\\s*=\\s*)?" + LIT);
    private static final Pattern JENKINS_CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(\\s*(?:(?:name|jobname|job_name|node_name|view_name)\\s*=\\s*)?(?:" + LIT + ")?");
    /** jenkinsapi: {@code del J['deploy-api']} deletes the job. */
    private static final Pattern JENKINS_DEL = Pattern.compile("\\bdel\\s+\\w+\\s*\\[\\s*" + LIT + "\\s*\\]");

    private static final Pattern GITLAB_GET = Pattern.compile("(?:(\\w+)\\s*=\\s*)?[\\w.]*\\.\\s*(projects|groups|users)\\s*\\.\\s*get\\s*\\(\\s*(?:id\\s*=\\s*)?(?:" + LIT + "|(\\d+))[^)]*\\)(\\s*\\.\\s*delete\\s*\\(\\s*\\))?");
    private static final Pattern GITLAB_DELETE = Pattern.compile("\\.\\s*(projects|groups|users)\\s*\\.\\s*delete\\s*\\(\\s*(?:id\\s*=\\s*)?(?:" + LIT + "|(\\d+))");
    private static final Pattern GITLAB_LIST = Pattern.compile("\\.\\s*(projects|groups|users)\\s*\\.\\s*list\\s*\\(");

    /** python-ovh: {@code ovh.Client(endpoint='ovh-eu').delete('/cloud/project/…')} is an HTTP call of that API path. */
    private static final Pattern OVH_CLIENT = Pattern.compile("\\bovh\\s*\\.\\s*Client\\s*\\(([^)]*)\\)");
    private static final Pattern OVH_ENDPOINT = Pattern.compile("endpoint\\s*=\\s*['\"]([\\w-]+)['\"]");
    private static final Pattern OVH_CALL = Pattern.compile("\\.\\s*(get|post|put|delete)\\s*\\(\\s*(['\"])(/[^'\"]*)\\2");
    /** The API host of each of python-ovh's endpoint names. */
    private static final Map<String, String> OVH_HOSTS = Map.of("ovh-eu", "eu.api.ovh.com", "ovh-ca", "ca.api.ovh.com",
            "ovh-us", "api.us.ovhcloud.com", "kimsufi-eu", "eu.api.kimsufi.com", "kimsufi-ca", "ca.api.kimsufi.com",
            "soyoustart-eu", "eu.api.soyoustart.com", "soyoustart-ca", "ca.api.soyoustart.com");

    private static final Pattern ALEMBIC_MAIN = Pattern.compile("\\bmain\\s*\\(\\s*(?:argv\\s*=\\s*)?[\\[(]([^\\])]*)[\\])]");
    private static final Pattern ALEMBIC_COMMAND = Pattern.compile("\\bcommand\\s*\\.\\s*(upgrade|downgrade|stamp|current|history|heads|check)\\s*\\(\\s*[\\w.]+(?:\\s*\\([^)]*\\))?\\s*(?:,\\s*(?:revision\\s*=\\s*)?" + LIT + ")?");
    private static final Pattern ALEMBIC_CONFIG = Pattern.compile("\\bConfig\\s*\\(\\s*(?:file_\\s*=\\s*)?" + LIT);
    private static final Pattern ALEMBIC_URL = Pattern.compile("set_main_option\\s*\\(\\s*['\"]sqlalchemy\\.url['\"]\\s*,\\s*" + LIT);

    private static final Pattern CALL_COMMAND = Pattern.compile("\\bcall_command\\s*\\(([^)]*)\\)");
    private static final Pattern DJANGO_SETTINGS = Pattern.compile("DJANGO_SETTINGS_MODULE['\"]\\s*(?:\\]\\s*=|,)\\s*" + LIT);
    private static final Pattern STRING = Pattern.compile("(?:\\b(\\w+)\\s*=\\s*)?(?:" + LIT + "|\\b(True|False|\\d+)\\b)");

    /** Variables that place these tools, passed on to the command that stands for the call. */
    private static final List<String> PLACING = List.of("DATABASE_URL", "SQLALCHEMY_DATABASE_URI", "JENKINS_URL",
            "DJANGO_SETTINGS_MODULE", "GITLAB_HOST");

    static void find(String code, Map<String, String> env, List<String> lines, Set<String> accounted) {
        List<String> found = new ArrayList<>();
        if (code.contains("jenkins")) {
            jenkins(code, found, accounted);
        }
        if (code.contains("gitlab")) {
            gitlab(code, found, accounted);
        }
        if (code.contains("ovh")) {
            ovh(code, env, found, accounted);
        }
        if (code.contains("alembic")) {
            alembic(code, found, accounted);
        }
        if (code.contains("call_command") && code.contains("django")) {
            django(code, found, accounted);
        }
        StringBuilder prefix = new StringBuilder();
        for (String name : PLACING) {
            if (env.containsKey(name)) {
                prefix.append(name).append('=').append(quote(env.get(name))).append(' ');
            }
        }
        found.forEach(line -> lines.add(prefix + line));
    }

    /** Each call of an OVH client becomes {@code curl -X METHOD https://HOST/1.0/PATH}: judged as that request is. */
    private static void ovh(String code, Map<String, String> env, List<String> lines, Set<String> accounted) {
        Matcher client = OVH_CLIENT.matcher(code);
        if (!client.find() || !Regex.find(code, "\\bimport\\s+ovh\\b")) {
            return;
        }
        Matcher endpoint = OVH_ENDPOINT.matcher(client.group(1));
        String name = endpoint.find() ? endpoint.group(1) : env.getOrDefault("OVH_ENDPOINT", "ovh-eu");
        String host = OVH_HOSTS.getOrDefault(name, "eu.api.ovh.com");
        Matcher call = OVH_CALL.matcher(code);
        while (call.find()) {
            accounted.add(call.group(1));
            lines.add("curl -X " + call.group(1).toUpperCase(java.util.Locale.ROOT) + " " + quote("https://" + host + "/1.0" + call.group(3)));
        }
    }

    private static void jenkins(String code, List<String> lines, Set<String> accounted) {
        if (!Regex.find(code, "\\bimport\\s+jenkins\\b|\\bjenkinsapi\\b|\\bfrom\\s+jenkins\\s+import")) {
            return;
        }
        Matcher server = JENKINS_SERVER.matcher(code);
        String url = server.find() ? " -s " + quote(lit(server, 1)) : "";
        Matcher m = JENKINS_CALL.matcher(code);
        while (m.find()) {
            String command = JENKINS.get(m.group(1));
            if (command == null) {
                continue;
            }
            accounted.add(m.group(1));
            String name = lit(m, 2);
            lines.add("jenkins-cli" + url + " " + command + (name.isEmpty() ? "" : " " + quote(name)));
        }
        Matcher del = JENKINS_DEL.matcher(code);
        while (del.find()) {
            lines.add("jenkins-cli" + url + " delete-job " + quote(lit(del, 1)));
        }
    }

    private static void gitlab(String code, List<String> lines, Set<String> accounted) {
        Map<String, String> objects = new HashMap<>();
        Matcher get = GITLAB_GET.matcher(code);
        while (get.find()) {
            String id = get.group(3) != null || get.group(4) != null ? lit(get, 3) : get.group(5);
            String kind = get.group(2);
            accounted.add("get");
            if (get.group(6) != null) {
                accounted.add("delete");
                lines.add(gitlabDelete(kind, id));
            } else {
                if (get.group(1) != null) {
                    objects.put(get.group(1), kind + "/" + id);
                }
                lines.add("glab api " + quote(kind + "/" + id.replace("/", "%2F")));
            }
        }
        objects.forEach((variable, path) -> {
            if (Regex.find(code, "\\b" + Pattern.quote(variable) + "\\s*\\.\\s*delete\\s*\\(\\s*\\)")) {
                accounted.add("delete");
                lines.add(gitlabDelete(path.substring(0, path.indexOf('/')), path.substring(path.indexOf('/') + 1)));
            }
        });
        Matcher delete = GITLAB_DELETE.matcher(code);
        while (delete.find()) {
            accounted.add("delete");
            lines.add(gitlabDelete(delete.group(1), delete.group(2) != null || delete.group(3) != null ? lit(delete, 2) : delete.group(4)));
        }
        Matcher list = GITLAB_LIST.matcher(code);
        while (list.find()) {
            accounted.add("list");
            lines.add("glab api " + list.group(1));
        }
    }

    private static String gitlabDelete(String kind, String id) {
        return kind.equals("projects") ? "glab repo delete " + quote(id) + " --yes"
                : "glab api --method DELETE " + quote(kind + "/" + id.replace("/", "%2F"));
    }

    private static void alembic(String code, List<String> lines, Set<String> accounted) {
        Matcher config = ALEMBIC_CONFIG.matcher(code);
        String options = config.find() ? " -c " + quote(lit(config, 1)) : "";
        Matcher url = ALEMBIC_URL.matcher(code);
        if (url.find()) {
            options += " -x " + quote("sqlalchemy.url=" + lit(url, 1));
            accounted.add("set_main_option");
        }
        Matcher main = ALEMBIC_MAIN.matcher(code);
        while (main.find()) {
            List<String> argv = new ArrayList<>();
            Matcher s = Regex.pattern(LIT).matcher(main.group(1));
            while (s.find()) {
                argv.add(quote(lit(s, 1)));
            }
            if (!argv.isEmpty()) {
                accounted.add("main");
                lines.add("alembic" + options + " " + String.join(" ", argv));
            }
        }
        Matcher command = ALEMBIC_COMMAND.matcher(code);
        while (command.find()) {
            accounted.add(command.group(1));
            String revision = lit(command, 2);
            lines.add("alembic" + options + " " + command.group(1) + (revision.isEmpty() ? "" : " " + quote(revision)));
        }
    }

    private static void django(String code, List<String> lines, Set<String> accounted) {
        Matcher settings = DJANGO_SETTINGS.matcher(code);
        String settingsOption = settings.find() ? " --settings " + quote(lit(settings, 1)) : "";
        Matcher call = CALL_COMMAND.matcher(code);
        while (call.find()) {
            StringBuilder line = new StringBuilder("manage.py");
            Matcher a = STRING.matcher(call.group(1));
            boolean options = false;
            while (a.find()) {
                String keyword = a.group(1);
                String value = a.group(4) != null ? a.group(4) : lit(a, 2);
                if (keyword == null) {
                    line.append(' ').append(quote(value));
                } else if (keyword.equals("interactive") && value.equals("False")) {
                    line.append(" --noinput");
                } else if (keyword.equals("settings")) {
                    options = true;
                    line.append(" --settings ").append(quote(value));
                } else if (!value.equals("False")) {
                    line.append(" --").append(keyword.replace('_', '-')).append(value.equals("True") ? "" : " " + quote(value));
                }
            }
            accounted.add("call_command");
            lines.add(line + (options ? "" : settingsOption));
        }
    }
}

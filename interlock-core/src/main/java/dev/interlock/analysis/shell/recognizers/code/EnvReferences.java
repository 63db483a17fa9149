package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code that reads where to connect from its environment ({@code os.environ['REDIS_URL']}, {@code process.env.AMQP_URL},
 * {@code ENV["DATABASE_URL"]}) connects where the command's environment points it: the context's variables and an
 * {@code env X=…} or {@code X=…} prefix. Each such read of a server variable is written as the literal it holds, so the
 * SDK finders place the call exactly as if the URL had been typed into the code.
 */
final class EnvReferences {

    private static final Pattern READ = Pattern.compile("(?:\\bos\\.environ\\s*\\[\\s*|\\bos\\.environ\\.get\\s*\\(\\s*|\\bos\\.getenv\\s*\\(\\s*"
            + "|\\bENV\\s*\\[\\s*|\\bENV\\.fetch\\s*\\(\\s*|\\bDeno\\.env\\.get\\s*\\(\\s*|\\bprocess\\.env\\s*\\[\\s*)['\"](\\w+)['\"]\\s*(?:[\\])]|,[^()]*\\))"
            + "|\\bprocess\\.env\\.(\\w+)\\b");
    /** Variables that name a server: a URL, a host, a broker list. */
    private static final Pattern SERVER = Pattern.compile("\\w*(?:_URL|_URI|_DSN|HOST|_ENDPOINT|_ADDR|_SERVER|_SERVERS|_BOOTSTRAP|_BROKERS)");

    private EnvReferences() {
    }

    static String inlined(String code, Map<String, String> env) {
        if (env.isEmpty() || !Regex.find(code, "environ|getenv|ENV|\\.env\\b")) {
            return code;
        }
        Matcher m = READ.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.get(name);
            boolean server = value != null && SERVER.matcher(name).matches() && !Regex.find(value, "['\"\\\\\\s$`]");
            m.appendReplacement(out, Matcher.quoteReplacement(server ? "'" + value + "'" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}

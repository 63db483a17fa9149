package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail sent from one-liner code (Python's {@code smtplib}, Node's {@code nodemailer}, Ruby's {@code Net::SMTP}, PHP's
 * {@code mail()}), written back as the {@code swaks} command that sends the same, so that it is judged like one: a
 * note to a literal address is routine, recipients computed at run time (rows of a file or a query) are a crowd, a
 * catcher on this machine delivers nothing. A data file named for production that the code reads travels with the mail
 * (an attachment to swaks): production's data leaves.
 */
final class MailCalls {

    private MailCalls() {
    }

    /** Per language: the library the code must load, the call that sends, the server, the recipient argument. */
    private record Client(String gate, Pattern send, Pattern server, Pattern recipient) {
    }

    private static final String LIT = "['\"]([^'\"]*)['\"]";

    private static final List<Client> PYTHON = List.of(new Client("smtplib",
            Pattern.compile("\\.(?:sendmail|send_message)\\s*\\("),
            Pattern.compile("\\bSMTP(?:_SSL)?\\s*\\(\\s*(?:host\\s*=\\s*)?" + LIT + "(?:\\s*,\\s*(?:port\\s*=\\s*)?(\\d+))?"),
            // sendmail(FROM, TO, msg): the second argument; send_message(msg) takes them from msg['To']
            Pattern.compile("\\.sendmail\\s*\\(\\s*[^,]+,\\s*([^,]+),|\\[\\s*['\"]To['\"]\\s*\\]\\s*=\\s*([^;\\n]+)")));
    private static final List<Client> JAVASCRIPT = List.of(new Client("nodemailer",
            Pattern.compile("\\.sendMail\\s*\\("),
            Pattern.compile("\\bhost\\s*:\\s*" + LIT + "(?:\\s*,\\s*port\\s*:\\s*(\\d+))?"),
            Pattern.compile("\\bto\\s*:\\s*([^,}]+)")));
    private static final List<Client> RUBY = List.of(new Client("Net::SMTP",
            Pattern.compile("\\.(?:send_message|sendmail|send_mail)\\b"),
            Pattern.compile("\\bNet::SMTP\\.(?:start|new)\\s*\\(?\\s*" + LIT + "(?:\\s*,\\s*(\\d+))?"),
            Pattern.compile("\\.(?:send_message|sendmail|send_mail)\\s*\\(?\\s*[^,]+,\\s*[^,]+,\\s*([^,)\\n]+)")));
    private static final List<Client> PHP = List.of(new Client("mail",
            Pattern.compile("(?<![\\w$>:])mail\\s*\\("),
            Pattern.compile("(?!)"),
            Pattern.compile("(?<![\\w$>:])mail\\s*\\(\\s*([^,]+),")));

    /** A file the code opens: the first string literal after an open/read call. */
    private static final Pattern OPENED = Pattern.compile("(?:\\bopen|\\bread_csv|\\breadFileSync|\\bFile\\.(?:read|open|foreach|readlines)"
            + "|\\bCSV\\.(?:read|foreach)|\\bfile_get_contents|\\bfopen|\\bfile)\\s*\\(?\\s*" + LIT);
    /** Files that hold data rather than a message: rows, exports, dumps. */
    private static final Pattern DATA_FILE = Pattern.compile("(?i).*\\.(csv|tsv|jsonl|ndjson|parquet|xlsx?|sql|dump)(\\.gz)?");

    /** The {@code swaks} command lines the code's mail sends stand for; empty when it sends none. */
    static List<String> commandLines(String code, Language language) {
        List<Client> clients = switch (language) {
            case PYTHON -> PYTHON;
            case JAVASCRIPT -> JAVASCRIPT;
            case RUBY -> RUBY;
            case PHP -> PHP;
            default -> List.of();
        };
        List<String> lines = new ArrayList<>();
        for (Client c : clients) {
            // cheap tests first: the library's name, then the sending call
            if (!code.contains(c.gate()) || !c.send().matcher(code).find()) {
                continue;
            }
            StringBuilder line = new StringBuilder("swaks");
            for (String to : recipients(code, c)) {
                line.append(" --to ").append(to);
            }
            Matcher server = c.server().matcher(code);
            if (server.find()) {
                line.append(" --server ").append(quoted(server.group(1) + (server.group(2) == null ? "" : ":" + server.group(2))));
            }
            productionData(code).ifPresent(file -> line.append(" --attach ").append(quoted(file)));
            lines.add(line.toString());
        }
        return lines;
    }

    /** Literal addresses as words; anything else is computed when the code runs. */
    private static List<String> recipients(String code, Client c) {
        List<String> out = new ArrayList<>();
        Matcher m = c.recipient().matcher(code);
        while (m.find()) {
            String arg = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            Matcher literal = Pattern.compile("\\[?\\s*" + LIT + "\\s*(?:,\\s*" + LIT + "\\s*)*\\]?").matcher(arg);
            if (literal.matches()) {
                Matcher each = Pattern.compile(LIT).matcher(arg);
                while (each.find()) {
                    out.add(quoted(each.group(1)));
                }
            } else {
                out.add("\"$computed_at_run_time\"");
            }
        }
        if (out.isEmpty()) {
            out.add("\"$computed_at_run_time\"");
        }
        return out;
    }

    /** A data file named for production that the code reads ({@code exports/customers_prod.csv}). */
    private static Optional<String> productionData(String code) {
        Matcher m = OPENED.matcher(code);
        while (m.find()) {
            String file = m.group(1);
            if (DATA_FILE.matcher(file).matches() && DeploymentWords.forProduction(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String quoted(String word) {
        return Regex.matches(word, "[\\w@%+=:,./~-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

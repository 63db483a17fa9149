package dev.interlock.analysis.shell.recognizers.saas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test modes and sandboxes of SaaS APIs that a command names: Stripe's live and test keys, email APIs' sandbox
 * switches (nothing is delivered) and their test sends (a draft mailed to the few addresses listed), payment platforms'
 * sandbox sites named in the path (Recurly's; their sandbox hosts are placed by name, as any host is). What they name
 * is an environment, {@code live} (prod) or {@code test}/{@code sandbox} (dev); a send to a whole audience names none.
 */
public final class TestModes {

    private TestModes() {
    }

    /** The environment a call acts in and why. */
    public record Mode(String environment, String why) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STRIPE_LITERAL_KEY = Pattern.compile("\\b(sk|rk)_(live|test)_[A-Za-z0-9]+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> LIVE_WORDS = Set.of("LIVE", "PROD", "PRD", "PRODUCTION");
    private static final Set<String> TEST_WORDS = Set.of("TEST", "SANDBOX");
    private static final Set<String> KEY_WORDS = Set.of("KEY", "SECRET", "TOKEN", "APIKEY", "SK", "RK");

    /** A request whose host and path match, and whose arguments or body say the call delivers nothing to anyone outside. */
    private record Sandbox(Pattern host, Pattern path, BiPredicate<Invocation, List<String>> when, String environment, String why) {
    }

    private static final List<Sandbox> SANDBOXES = List.of(
            new Sandbox(Pattern.compile("api(\\.eu)?\\.sendgrid\\.com"), Pattern.compile("/v3/mail/send/?"),
                    (inv, body) -> json(body, "/mail_settings/sandbox_mode/enable"), "sandbox",
                    "SendGrid's sandbox_mode validates the message and delivers nothing"),
            new Sandbox(Pattern.compile("api(\\.eu)?\\.sendgrid\\.com"), Pattern.compile("/v3/marketing/test/send_email/?"),
                    (inv, body) -> true, "test", "a test of a marketing email, sent only to the addresses listed"),
            new Sandbox(Pattern.compile("api(\\.eu)?\\.mailgun\\.net"), Pattern.compile("/v[34]/(domains/)?sandbox[0-9a-f]+\\.mailgun\\.org(/.*)?"),
                    (inv, body) -> true, "sandbox", "a Mailgun sandbox domain delivers only to its authorized test recipients"),
            new Sandbox(Pattern.compile("api(\\.eu)?\\.mailgun\\.net"), Pattern.compile("/v3/[^/]+/messages(\\.mime)?/?"),
                    (inv, body) -> inv.args().stream().anyMatch(a -> a.literal() && a.value().matches("(?i)o:testmode=(yes|true)")),
                    "sandbox", "Mailgun's o:testmode accepts the message and delivers nothing"),
            new Sandbox(Pattern.compile("[a-z0-9]+\\.api\\.mailchimp\\.com"), Pattern.compile("/3\\.0/campaigns/[^/]+/actions/test/?"),
                    (inv, body) -> true, "test", "a Mailchimp test email goes only to the test addresses listed, not to the audience"),
            new Sandbox(Pattern.compile("api\\.(brevo|sendinblue)\\.com"), Pattern.compile("/v3/(emailCampaigns|smtp/templates)/[^/]+/sendTest/?"),
                    (inv, body) -> true, "test", "a Brevo test send goes only to the addresses listed"),
            new Sandbox(Pattern.compile("api\\.mailjet\\.com"), Pattern.compile("/v3\\.1/send/?"),
                    (inv, body) -> json(body, "/SandboxMode"), "sandbox", "Mailjet's SandboxMode validates the message and delivers nothing"),
            new Sandbox(Pattern.compile("api\\.postmarkapp\\.com"), Pattern.compile("/email(/batch|/withTemplate)?/?"),
                    (inv, body) -> inv.args().stream().anyMatch(a -> a.literal() && a.value().matches("(?i)X-Postmark-Server-Token:\\s*POSTMARK_API_TEST")),
                    "test", "Postmark's POSTMARK_API_TEST token accepts the message and delivers nothing"),
            new Sandbox(Pattern.compile("v3(\\.eu)?\\.recurly\\.com"), Pattern.compile("(?i)/sites/(subdomain-)?[a-z0-9-]*sandbox[a-z0-9-]*(/.*)?"),
                    (inv, body) -> true, "sandbox", "the Recurly site named is a sandbox site: its customers and charges are test data"));

    /**
     * The Stripe mode a key names: a literal key's prefix ({@code sk_live_…}, {@code rk_test_…}), or the name of the
     * variable that holds it ({@code $STRIPE_TEST_SECRET_KEY}, {@code $STRIPE_LIVE_KEY}). {@code keyArgument}: the
     * text is the key itself (the CLI's {@code --api-key}), so any variable there holds a key; elsewhere only a
     * variable named as a key or secret counts ({@code $TEST_CUSTOMER} in a URL is not one).
     */
    public static Optional<String> stripeKey(String text, boolean keyArgument) {
        Matcher literal = STRIPE_LITERAL_KEY.matcher(text);
        if (literal.find()) {
            return Optional.of(literal.group(2));
        }
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            Set<String> words = Set.of(variable.group(1).toUpperCase(Locale.ROOT).split("_+"));
            if (!keyArgument && words.stream().noneMatch(KEY_WORDS::contains)) {
                continue;
            }
            // a name that says both is read as the stricter
            if (words.stream().anyMatch(LIVE_WORDS::contains)) {
                return Optional.of("live");
            }
            if (words.stream().anyMatch(TEST_WORDS::contains)) {
                return Optional.of("test");
            }
        }
        return Optional.empty();
    }

    /** The mode a request to {@code host}{@code path} with {@code body} acts in, when the command says. */
    public static Optional<Mode> of(Invocation inv, String host, String path, List<String> body) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("api.stripe.com")) {
            return inv.args().stream().map(a -> stripeKey(a.value(), false)).flatMap(Optional::stream).findFirst()
                    .map(mode -> new Mode(mode, "the Stripe key in the command is a " + mode + "-mode key"));
        }
        return SANDBOXES.stream()
                .filter(s -> s.host().matcher(h).matches() && s.path().matcher(path).matches() && s.when().test(inv, body))
                .findFirst().map(s -> new Mode(s.environment(), s.why()));
    }

    /** Whether a JSON body sets {@code pointer} to true. */
    private static boolean json(List<String> body, String pointer) {
        for (String text : body) {
            try {
                JsonNode value = JSON.readTree(text).at(pointer);
                if (value.isBoolean() && value.booleanValue()) {
                    return true;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON: nothing said
            }
        }
        return false;
    }
}

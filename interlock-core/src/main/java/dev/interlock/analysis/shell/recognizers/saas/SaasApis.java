package dev.interlock.analysis.shell.recognizers.saas;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SaaS REST APIs called by hand ({@code curl https://api.stripe.com/v1/refunds -d …}). On these, a request body
 * without a method is a POST that creates or changes an object (a refund, a message, a ticket), never a search; and a
 * Stripe key in the command says which mode: {@code sk_live_…} the live account, {@code sk_test_…} test mode.
 */
public final class SaasApis {

    private SaasApis() {
    }

    private static final List<Pattern> WRITE_ON_POST = List.of(
            Pattern.compile("api\\.stripe\\.com"), Pattern.compile("(api|[a-z]+)\\.twilio\\.com"),
            Pattern.compile("api\\.sendgrid\\.com"), Pattern.compile("api\\.hubapi\\.com"), Pattern.compile("[a-z0-9-]+\\.zendesk\\.com"),
            Pattern.compile("[a-z0-9.-]+\\.(my\\.)?salesforce\\.com"), Pattern.compile("[a-z0-9-]+\\.myshopify\\.com"),
            Pattern.compile("api\\.segmentapis\\.com"), Pattern.compile("api(\\.eu)?\\.mailgun\\.net"),
            Pattern.compile("api(-m)?(\\.sandbox)?\\.paypal\\.com"), Pattern.compile("api\\.intercom\\.io"),
            Pattern.compile("[a-z0-9]+\\.api\\.mailchimp\\.com"), Pattern.compile("connect\\.squareup(sandbox)?\\.com"),
            Pattern.compile("api\\.pagerduty\\.com"), Pattern.compile("[a-z0-9-]+\\.atlassian\\.net"));
    private static final Pattern STRIPE_KEY = Pattern.compile("\\b(sk|rk)_(live|test)_[A-Za-z0-9]+");

    /** Whether a body sent to {@code host} without a method changes something there. */
    public static boolean writesOnPost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return WRITE_ON_POST.stream().anyMatch(p -> p.matcher(h).matches());
    }

    /** The Stripe mode a literal key on the command line names: {@code live} or {@code test}. */
    public static Optional<String> stripeMode(Invocation inv, String host) {
        if (!host.equalsIgnoreCase("api.stripe.com")) {
            return Optional.empty();
        }
        for (Arg a : inv.args()) {
            var m = STRIPE_KEY.matcher(a.value());
            if (m.find()) {
                return Optional.of(m.group(2));
            }
        }
        return Optional.empty();
    }
}

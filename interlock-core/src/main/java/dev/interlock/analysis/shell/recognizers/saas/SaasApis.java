package dev.interlock.analysis.shell.recognizers.saas;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SaaS REST APIs called by hand ({@code curl https://api.stripe.com/v1/refunds -d …}). On these, a request body
 * without a method is a POST that creates or changes an object (a refund, a message, a ticket), never a search. Which
 * mode such a call acts in (a Stripe test key, an email sandbox) is {@link TestModes}'.
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
            Pattern.compile("api\\.pagerduty\\.com"), Pattern.compile("[a-z0-9-]+\\.atlassian\\.net"),
            Pattern.compile("api\\.postmarkapp\\.com"), Pattern.compile("api\\.mailjet\\.com"), Pattern.compile("api\\.(brevo|sendinblue)\\.com"));

    /** Whether a body sent to {@code host} without a method changes something there. */
    public static boolean writesOnPost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return WRITE_ON_POST.stream().anyMatch(p -> p.matcher(h).matches());
    }
}

package dev.interlock.analysis.shell.recognizers.saas;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * SaaS REST APIs called by hand ({@code curl https://api.stripe.com/v1/refunds -d …}). On these, a request body
 * without a method is a POST that creates or changes an object (a refund, a cancellation, a message, a ticket, a push
 * notification); only endpoints that compute or search and keep nothing ({@code /transactions/preview},
 * {@code /v2/customers/search}, a billing data query, a push service's validate-only send) read, whatever the method.
 * Which mode such a call acts in (a Stripe test key, an email or payment sandbox) is {@link TestModes}'.
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
            Pattern.compile("api\\.postmarkapp\\.com"), Pattern.compile("api\\.mailjet\\.com"), Pattern.compile("api\\.(brevo|sendinblue)\\.com"),
            // payment and billing platforms, live and sandbox
            Pattern.compile("api(\\.sandbox)?\\.braintreegateway\\.com"), Pattern.compile("[a-z0-9-]+\\.adyen(payments)?\\.com"),
            Pattern.compile("(sandbox-)?(api|vendors)\\.paddle\\.com"), Pattern.compile("[a-z0-9-]+\\.chargebee\\.com"),
            Pattern.compile("([a-z0-9-]+\\.)?recurly\\.com"), Pattern.compile("[a-z0-9.-]+\\.zuora\\.com"),
            Pattern.compile("api\\.lemonsqueezy\\.com"),
            // NetSuite's REST record service: a POST adds a record (an invoice, a vendor bill) to the account
            Pattern.compile("[a-z0-9_-]+\\.suitetalk\\.api\\.netsuite\\.com"),
            // push services: a body is a notification for the devices addressed
            Pattern.compile("fcm\\.googleapis\\.com"), Pattern.compile("api(\\.sandbox|\\.development)?\\.push\\.apple\\.com"));

    /** An endpoint that only computes or searches, and the body it needs to be one (a data query's SELECT). */
    private record ReadEndpoint(Pattern path, Predicate<List<String>> body) {
    }

    private static final Pattern DRY_RUN = Pattern.compile("\"(validate_only|dry_run)\"\\s*:\\s*true\\b");
    private static final Pattern SELECT = Pattern.compile("(?is).*\"query\"\\s*:\\s*\"\\s*(select|with)\\b.*");

    private static final List<ReadEndpoint> READ_ON_POST = List.of(
            // previews and quotes (Paddle's /transactions/preview, /pricing-preview), searches (Square's /v2/*/search),
            // batch retrieves, Adyen's list of payment methods, Zuora's ZOQL /action/query
            new ReadEndpoint(Pattern.compile("(?i).*/(preview|pricing-preview|search|batch-retrieve|bulk-retrieve|calculate"
                    + "|paymentMethods|query|queryMore)/?"), body -> true),
            // NetSuite's SuiteQL: a query sent as a POST, which only selects
            new ReadEndpoint(Pattern.compile("/services/rest/query/v1/suiteql/?"), body -> true),
            // Chargebee's estimates say what a change would cost, and change nothing
            new ReadEndpoint(Pattern.compile("/api/v2/estimates(/.*)?"), body -> true),
            // a Zuora Data Query job running a SELECT
            new ReadEndpoint(Pattern.compile("/query/jobs/?"), body -> body.stream().anyMatch(b -> SELECT.matcher(b).matches())),
            // FCM's validate_only (v1) and dry_run (legacy) check a message and deliver it to no device
            new ReadEndpoint(Pattern.compile("/v1/projects/[^/]+/messages:send|/fcm/send"),
                    body -> body.stream().anyMatch(b -> DRY_RUN.matcher(b).find())));

    /** Whether a body sent to {@code host} without a method changes something there. */
    public static boolean writesOnPost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return WRITE_ON_POST.stream().anyMatch(p -> p.matcher(h).matches());
    }

    /** Whether a POST of {@code body} to {@code host}{@code path} only computes or searches (one of these APIs' reads). */
    public static boolean readsOnPost(String host, String path, List<String> body) {
        return writesOnPost(host) && READ_ON_POST.stream().anyMatch(e -> e.path().matcher(path).matches() && e.body().test(body));
    }
}

package dev.interlock.server.console;

import java.util.List;

/** What each console page shows, as plain values for its template. */
public final class Views {

    private Views() {
    }

    /** Every page: its title, who is signed in, the form token, and which section is current. */
    public record PageInfo(String title, String reviewer, String role, String csrf, String section) {
        public boolean signedIn() {
            return !reviewer.isEmpty();
        }
    }

    public record SignIn(PageInfo page, String error) {
    }

    public record InboxRow(String id, String summary, String environment, String risk, String agent, String principal,
                           String age, String timeLeft, String createdAt) {
    }

    public record Inbox(PageInfo page, List<InboxRow> rows, String flash) {
    }

    public record HeldRow(String rule, String verb, String address, String environment) {
    }

    public record OperationRow(String verb, String system, String resource, String environment, String risk,
                               String confidence, String note) {
    }

    public record RuleRow(String id, String effect, String message) {
    }

    public record ReviewRow(String reviewer, String verdict, String comment, String at, String looked) {
    }

    /** The raw input, split around the evidence the analysis pointed at. */
    public record Raw(String before, String evidence, String after) {
    }

    public record Approval(PageInfo page, String id, String state, String summary, String environment, String risk,
                           String principal, String agent, String session, String created, String expires,
                           String approvers, int count, String minReview, boolean confirmName, String approveFrom,
                           long waitSeconds, List<HeldRow> held, List<OperationRow> operations, List<RuleRow> rules,
                           String blastRadius, Raw raw, String request, List<ReviewRow> reviews, String cannotApprove,
                           String flash, String error, String maxGrant, String heldAddresses, List<String> recent) {
        public boolean pending() {
            return state.equals("pending");
        }
    }

    public record AuditRow(long seq, String at, String type, String summary, String hash, String prevHash, String body) {
    }

    public record Audit(PageInfo page, String type, String text, String from, String to, List<AuditRow> rows,
                        String chain, boolean chainOk, String exportQuery, List<Field> fields) {
    }

    /** A decision field the audit explorer filters on, and its current value. */
    public record Field(String name, String label, String value) {
    }

    /** The safety figures (see {@link dev.interlock.server.report.Safety}) on a page. */
    public record Dashboard(PageInfo page, dev.interlock.server.report.Safety.Figures figures) {
    }

    /** One step of an incident: what happened, and the control that let it happen or stopped it. */
    public record Step(long seq, String at, String type, String what, String control, String who) {
    }

    public record Timeline(PageInfo page, String text, String from, String to, List<Step> steps) {
    }
}

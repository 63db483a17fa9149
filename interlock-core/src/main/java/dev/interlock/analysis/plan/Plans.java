package dev.interlock.analysis.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.model.Plan;
import dev.interlock.model.RequestKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads a plan of any supported format: from a request's embedded document, or from a file or stdin (Terraform plans
 * streaming, so a plan of hundreds of megabytes costs its changes, not its text). The format is detected from the
 * document's own fields unless the caller names it.
 */
public final class Plans {

    /** Terraform plans larger than this are refused; they are read streaming below it. */
    public static final long MAX_STREAMED_BYTES = 1L << 30;
    /** Change sets, previews and manifests are read whole; larger ones are refused. */
    public static final int MAX_WHOLE_BYTES = 64 << 20;
    private static final int DETECT_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(512)
                    .maxStringLength(MAX_WHOLE_BYTES)
                    .maxDocumentLength(MAX_STREAMED_BYTES)
                    .build())
            .build());

    private Plans() {
    }

    /** The mapper plan readers share (bounded like a plan, not like a request). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A plan embedded in a request (already parsed, at most a request's size). */
    public static Plan read(RequestKind kind, JsonNode document, ManifestAction action) {
        try {
            return switch (kind) {
                case TERRAFORM_PLAN -> {
                    try (JsonParser p = MAPPER.treeAsTokens(document)) {
                        yield TerraformPlans.read(p, MAPPER);
                    }
                }
                case CLOUDFORMATION_CHANGESET -> CloudFormationChangeSets.read(document, MAPPER);
                case PULUMI_PREVIEW -> PulumiPreviews.read(document);
                case KUBERNETES_MANIFEST -> document.isTextual()
                        ? KubernetesManifests.read(document.asText(), action, MAPPER)
                        : KubernetesManifests.read(List.of(document), action);
                default -> throw new PlanFormatException(kind.wire() + " is not a plan kind");
            };
        } catch (IOException e) {
            throw new PlanFormatException("cannot read the plan: " + e.getMessage());
        }
    }

    /**
     * A plan from a file or stdin. {@code kind} empty: detected from the first 64 KiB. Malformed, truncated and
     * unknown documents throw {@link PlanFormatException} with what is wrong and where.
     */
    public static Plan read(InputStream input, Optional<RequestKind> kind, ManifestAction action) {
        BufferedInputStream in = new BufferedInputStream(input, DETECT_BYTES);
        try {
            in.mark(DETECT_BYTES);
            byte[] head = in.readNBytes(DETECT_BYTES);
            in.reset();
            RequestKind format = kind.orElseGet(() -> detect(new String(head, StandardCharsets.UTF_8)));
            if (format == RequestKind.TERRAFORM_PLAN) {
                try (JsonParser p = MAPPER.createParser(in)) {
                    return TerraformPlans.read(p, MAPPER);
                }
            }
            byte[] all = in.readNBytes(MAX_WHOLE_BYTES + 1);
            if (all.length > MAX_WHOLE_BYTES) {
                throw new PlanFormatException(format.wire() + " documents larger than " + (MAX_WHOLE_BYTES >> 20)
                        + " MiB are refused; split the change");
            }
            if (format == RequestKind.KUBERNETES_MANIFEST) {
                return KubernetesManifests.read(new String(all, StandardCharsets.UTF_8), action, MAPPER);
            }
            return read(format, MAPPER.readTree(all), action);
        } catch (JsonEOFException e) {
            throw new PlanFormatException("the plan ends too early at line " + e.getLocation().getLineNr()
                    + " (truncated or still being written?)");
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.contains("maxDocumentLength")) {
                throw new PlanFormatException("plans larger than " + (MAX_STREAMED_BYTES >> 20) + " MiB are refused; "
                        + "plan smaller parts of the configuration (-target) or split the workspace");
            }
            var at = e.getLocation();
            throw new PlanFormatException("malformed JSON" + (at != null && at.getLineNr() > 0
                    ? " at line " + at.getLineNr() + " column " + at.getColumnNr() : "") + ": "
                    + (message == null ? "unreadable" : message.lines().findFirst().orElse(message)));
        } catch (IOException e) {
            throw new PlanFormatException("cannot read the plan: " + e.getMessage());
        }
    }

    /** The format a document's first bytes show. */
    public static RequestKind detect(String head) {
        String text = head.stripLeading();
        if (text.isEmpty()) {
            throw new PlanFormatException("the plan is empty");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            if (text.contains("\"format_version\"") || text.contains("\"resource_changes\"") || text.contains("\"terraform_version\"")) {
                return RequestKind.TERRAFORM_PLAN;
            }
            if (text.contains("\"ChangeSetId\"") || text.contains("\"ChangeSetName\"") || text.contains("\"ResourceChange\"")) {
                return RequestKind.CLOUDFORMATION_CHANGESET;
            }
            if ((text.contains("\"steps\"") || text.contains("\"events\"")) && (text.contains("urn:pulumi:") || text.contains("\"changeSummary\""))) {
                return RequestKind.PULUMI_PREVIEW;
            }
            if (text.contains("\"apiVersion\"") && text.contains("\"kind\"")) {
                return RequestKind.KUBERNETES_MANIFEST;
            }
        } else if (text.matches("(?s).*(^|\\n)(apiVersion|kind)\\s*:.*")) {
            return RequestKind.KUBERNETES_MANIFEST;
        }
        throw new PlanFormatException("not a plan Interlock knows: expected terraform show -json, aws cloudformation "
                + "describe-change-set, pulumi preview --json or Kubernetes manifests (name the format with --type)");
    }
}

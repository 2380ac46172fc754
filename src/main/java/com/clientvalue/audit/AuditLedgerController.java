package com.clientvalue.audit;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import jakarta.inject.Named;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The ledger for auditors: signed checkpoints, the public key, the proof of one decision, the export. */
@StandardProblems
@Controller("/api/audit")
@Tag(name = "Audit")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditLedgerController {
    private final AuditCheckpoints checkpoints;
    private final AuditKey key;
    private final DecisionProofs proofs;
    private final AuditExport export;
    private final ExecutorService executor;

    AuditLedgerController(AuditCheckpoints checkpoints, AuditKey key, DecisionProofs proofs, AuditExport export,
                          @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
        this.checkpoints = checkpoints;
        this.key = key;
        this.proofs = proofs;
        this.export = export;
    }

    @Get("/checkpoints")
    @Operation(summary = "Every signed checkpoint, oldest first")
    List<Checkpoint> checkpoints() {
        return checkpoints.all();
    }

    @Post("/checkpoints")
    @Operation(summary = "Sign a checkpoint of every segment's head now",
            description = "Checkpoints are also made at intervals (audit.checkpoint-interval) when the audit grew. Keep the newest "
                    + "one you were given: a later verification must still list it.")
    @ApiResponse(responseCode = "201", description = "The checkpoint signed")
    HttpResponse<Checkpoint> checkpoint(Authentication person) {
        return HttpResponse.created(checkpoints.create(person.getName(), true));
    }

    @Get(value = "/public-key", produces = MediaType.TEXT_PLAIN)
    @Operation(summary = "The public key checkpoints are signed with (Ed25519, PEM)",
            description = "Auditors keep their own copy, taken once from the service's operator, and verify with it; this copy is for "
                    + "convenience and comparison only.")
    String publicKey() {
        return key.publicKeyPem();
    }

    @Get(value = "/decisions/{decisionId}/proof", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The proof that one decision is in the audit as it was answered",
            description = "Its record, the block holding it and the Merkle path to the block's root, and the signed checkpoint that "
                    + "covers the block with the Merkle path from the block's hash. Check it without the service: "
                    + "java -jar client-decisions.jar verify-audit proof.json --public-key audit.pub.pem. A decision audited before "
                    + "the ledger has no proof of its own (409): the legacy chain is verified whole.")
    DecisionProof proof(@PathVariable @Size(max = 36) String decisionId) {
        return proofs.proof(decisionId).orElseThrow(() -> new DecisionNotAudited(decisionId));
    }

    @Get(value = "/export", produces = "application/gzip")
    @Operation(summary = "The whole audit as gzipped JSON lines, for the standalone verifier and auditors' own tools",
            description = "Checkpoints, the legacy chain, each segment's blocks each followed by its decisions, the lists of fired "
                    + "rules; the line formats are in src/docs/audit.md. java -jar client-decisions.jar verify-audit FILE "
                    + "--public-key audit.pub.pem checks it.")
    @ApiResponse(responseCode = "200", description = "The export", content = @Content(mediaType = "application/gzip",
            schema = @Schema(type = "string", format = "binary")))
    StreamedFile export() throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        // written while it is sent; a client that goes away closes the pipe, which ends the writing
        executor.execute(() -> {
            try (out) {
                export.write(out);
            } catch (IOException | RuntimeException e) {
                LoggerFactory.getLogger(AuditLedgerController.class).warn("The audit export stopped: {}", e.getMessage());
            }
        });
        return new StreamedFile(in, MediaType.of("application/gzip")).attach("audit-export.jsonl.gz");
    }
}

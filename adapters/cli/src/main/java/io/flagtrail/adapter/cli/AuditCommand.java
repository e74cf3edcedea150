package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.json.JsonReader;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flagtrail audit …}: read, export and verify the audit trail; every read is itself recorded. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read, export and verify the audit trail.")
final class AuditCommand extends CliCommand {

    /** The reviewer's filters, shared by list and export. */
    static final class Filters {
        @Option(names = "--subject-type") String subjectType;
        @Option(names = "--subject-id") String subjectId;
        @Option(names = "--subject-key") String subjectKey;
        @Option(names = "--actor-id") String actorId;
        @Option(names = "--action", description = "e.g. FEATURE_UPDATED") String action;
        @Option(names = "--category", description = "CHANGE, SECURITY or ACCESS") String category;
        @Option(names = "--project", description = "entries placed in this project") String project;
        @Option(names = "--env", description = "and in this environment of it (with --project)") String environment;
        @Option(names = "--from", description = "RFC 3339 instant, inclusive") String from;
        @Option(names = "--to", description = "RFC 3339 instant, exclusive") String to;

        AuditQuery query(int limit, String cursor) {
            AuditPlace.asked(project, environment);
            return new AuditQuery(subjectType, subjectId, subjectKey, actorId, named(AuditAction.class, "action", action),
                    named(AuditCategory.class, "category", category), project, environment, instant("from", from),
                    instant("to", to), limit, cursor);
        }

        private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }
    }

    @Inject QueryAuditUseCase audit;
    @Inject ExportAuditUseCase export;
    @Inject VerifyLedgerUseCase verify;
    @Inject LedgerProofUseCase proofs;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Entries newest first, filtered.")
    int list(@Mixin Filters filters, @Option(names = "--limit", defaultValue = "50") int limit,
             @Option(names = "--cursor") String cursor) {
        printPage(audit.query(filters.query(limit, cursor), CliOrigin.current()), Views::entry, Views.ENTRY_COLUMNS);
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Every matching entry, streamed: NDJSON (each line re-hashes to its hash) or CSV.")
    int export(@Mixin Filters filters,
               @Option(names = "--as", defaultValue = "ndjson", description = "ndjson or csv") String as,
               @Option(names = {"-o", "--output"}, description = "A file (default: standard output).") Path output)
            throws IOException {
        var kind = Filters.named(ExportAuditUseCase.Format.class, "as", as);
        var download = export.export(filters.query(io.flagtrail.application.port.model.Page.MAX_LIMIT, null), kind,
                CliOrigin.current());
        try (OutputStream out = output == null ? new FileOutputStream(FileDescriptor.out) : Files.newOutputStream(output)) {
            download.writeTo(out);
        }
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain over positions and check every checkpoint; exit 1 when it fails.")
    int verify(@Option(names = "--from") Long from, @Option(names = "--to") Long to) {
        var report = verify.verify(new VerifyLedgerUseCase.VerifyLedgerCommand(from, to, CliOrigin.current()));
        print(Views.report(report));
        return report.verified() ? 0 : 1;
    }

    @Command(name = "prove-inclusion", mixinStandardHelpOptions = true,
            description = "The Merkle audit path of the entry at --position in the tree of --size entries (the latest "
                    + "checkpoint's when not given), with the signed checkpoint of that size (RFC 9162 2.1.3).")
    int proveInclusion(@Option(names = "--position", required = true) long position, @Option(names = "--size") Long size) {
        var proof = proofs.inclusion(position, size);
        var view = new LinkedHashMap<String, Object>();
        view.put("position", proof.position());
        view.put("size", proof.size());
        view.put("entryHash", proof.entryHash());
        view.put("leafHash", proof.leafHash());
        view.put("path", proof.path());
        view.put("rootHash", proof.rootHash());
        view.put("checkpoint", proof.checkpoint() == null ? null : JsonReader.parseObject(proof.checkpoint().json()));
        print(view);
        return 0;
    }

    @Command(name = "prove-consistency", mixinStandardHelpOptions = true,
            description = "The Merkle consistency proof that the tree of --to entries (the latest checkpoint's when "
                    + "not given) extends the tree of --from entries (RFC 9162 2.1.4).")
    int proveConsistency(@Option(names = "--from", required = true) long from, @Option(names = "--to") Long to) {
        var proof = proofs.consistency(from, to);
        var view = new LinkedHashMap<String, Object>();
        view.put("from", proof.from());
        view.put("to", proof.to());
        view.put("fromRoot", proof.fromRoot());
        view.put("toRoot", proof.toRoot());
        view.put("proof", proof.proof());
        print(view);
        return 0;
    }
}

package dev.microscout.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the import API answers. */
public final class ImportViews {

    private ImportViews() {
    }

    @Schema(name = "ImportJob", description = "A bulk import and where it stands. Lines are counted as the file numbers them "
            + "(a CSV's header is line 1); each chunk of lines commits with these counts, so they always say what the "
            + "catalogue holds.")
    public record ImportJobView(
            UUID id,
            @Schema(examples = "influencers") String kind,
            @Schema(examples = "CSV") ImportFormat format,
            @Schema(description = "QUEUED once the file is received and checked, until a worker takes it; RUNNING; then DONE, FAILED or "
                    + "CANCELLED.", examples = "RUNNING") ImportStatus status,
            @Schema(description = "Your header names mapped onto ours, as sent in columns.") Map<String, String> columns,
            @Schema(description = "Columns of the file that nothing reads (check for a typo).") List<String> ignoredColumns,
            @Schema(description = "The CSV delimiter used.", examples = ",") String delimiter,
            @Schema(description = "Size of the file received.", examples = "7340032") long bytes,
            @Schema(description = "SHA-256 of the file as received (hex).") String sha256,
            Lines lines,
            @Schema(description = "Lines that added something new to the catalogue (a creator's channel, a post, a day).", examples = "41200")
            long created,
            @Schema(description = "Lines that changed what the catalogue held.", examples = "350") long updated,
            @Schema(description = "Lines that said what the catalogue already held: nothing was written for them.", examples = "0")
            long unchanged,
            @Schema(description = "Lines refused; GET …/errors lists each with its reasons.", examples = "12") long failed,
            @Schema(description = "Lines per second so far, over the time the job has been running (not the time it was queued, "
                    + "nor a restart's pause before it resumed).", examples = "3400.5") Double rowsPerSecond,
            @Schema(description = "When the job should end at the pace so far; absent before the first chunk and after the end.")
            OffsetDateTime estimatedFinish,
            @Schema(description = "Why the job failed or stopped, and what it had committed by then.") String failure,
            @Schema(description = "A cancel was asked for; the job stops after the chunk it is working on.") boolean cancelRequested,
            OffsetDateTime createdAt,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {
    }

    @Schema(name = "ImportLines", description = "Line counts of a job.")
    public record Lines(
            @Schema(description = "Lines in the file (without a CSV's header), once counted.", examples = "100000") Long total,
            @Schema(description = "Lines worked through (committed).", examples = "41562") long processed,
            @Schema(description = "The file's number of the last committed line: a resumed job goes on after it.", examples = "41563")
            long committedThrough) {
    }

    @Schema(name = "ImportJobPage", description = "One page of your organisation's imports, newest first.")
    public record ImportJobPage(List<ImportJobView> items, int page, int size, long total) {
    }

    @Schema(name = "ImportError", description = "One reason a line was refused.")
    public record ImportErrorView(
            @Schema(description = "The line's number in the file (a CSV's header is line 1).", examples = "17") long line,
            @Schema(description = "The column, by the file's own name; absent when the whole line is at fault.", examples = "followers")
            String field,
            @Schema(examples = "must be a whole number, was \"12k\"") String reason,
            @Schema(description = "The start of the line as sent (at most 200 characters).") String raw) {
    }

    @Schema(name = "ImportErrorPage", description = "One page of a job's failed lines, in file order.")
    public record ImportErrorPage(List<ImportErrorView> items, int page, int size, long total) {
    }
}

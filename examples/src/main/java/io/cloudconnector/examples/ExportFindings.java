package io.cloudconnector.examples;

import io.cloudconnector.ComplianceStatus;
import io.cloudconnector.ConnectorException;
import io.cloudconnector.Finding;
import io.cloudconnector.FindingQuery;
import io.cloudconnector.FindingsTally;
import io.cloudconnector.RecordState;
import io.cloudconnector.SeverityLabel;
import io.cloudconnector.WorkflowStatus;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Writes the account's Security Hub findings as JSON Lines or CSV, to a file or standard output.
 *
 * <p>Usage: {@code ExportFindings [--spec spec.json] [--format jsonl|csv] [--output file] [--min-severity LABEL]
 * [--compliance PASSED,FAILED,...] [--record-state ACTIVE,ARCHIVED] [--workflow NEW,NOTIFIED,...]
 * [--resource-type AwsEc2Instance,...] [--product GuardDuty,...] [--since 2026-01-01T00:00:00Z|P7D]}. Without
 * {@code --spec} it reads the local sandbox. Findings go to the output, a one-line summary to standard error. Exit code
 * 0 when every region was read, 1 on bad arguments, a failure, or a region that could not be read (such as a region
 * where Security Hub is not enabled: the findings of the other regions are still written).
 */
public final class ExportFindings {

    private static final Set<String> OPTIONS = Set.of("spec", "format", "output", "min-severity", "compliance",
        "record-state", "workflow", "resource-type", "product", "since");

    private ExportFindings() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the export with {@code args}; findings to {@code out} unless {@code --output} names a file. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ExampleArguments arguments;
        FindingQuery query;
        FindingWriter.Format format;
        Optional<Path> output;
        try {
            arguments = ExampleArguments.parse(args, OPTIONS, Set.of());
            query = query(arguments);
            format = enumOf(FindingWriter.Format.class, arguments.option("format").orElse("jsonl"));
            output = output(arguments);
        } catch (IllegalArgumentException e) {
            err.println("Usage: ExportFindings [--spec spec.json] [--format jsonl|csv] [--output file] [query flags]: "
                + e.getMessage());
            return OnboardAwsAccount.FAILED;
        }
        try (ExampleEnvironment environment = ExampleEnvironment.open(arguments.path("spec"))) {
            err.println(environment.describe());
            FindingsTally tally = new FindingsTally();
            long written = export(environment.client().findings(environment.spec(), query, tally), format, output,
                out);
            err.printf("Exported %s as %s%s; %s skipped, %s failed%n", count(written, "finding"),
                format.name().toLowerCase(Locale.ROOT), output.map(p -> " to " + p).orElse(""),
                count(tally.skippedCount(), "malformed one"), count(tally.failedRegions().size(), "region"));
            tally.failedRegions().forEach((region, e) -> err.println("  ! " + region + ": " + e.getMessage()));
            return tally.failedRegions().isEmpty() ? 0 : OnboardAwsAccount.FAILED;
        } catch (ConnectorException | UncheckedIOException e) {
            err.println("Failed: " + ExampleEnvironment.describe(e));
            return OnboardAwsAccount.FAILED;
        }
    }

    private static long export(Stream<Finding> findings, FindingWriter.Format format, Optional<Path> file,
        PrintStream stdout) {
        long written = 0;
        try (Stream<Finding> stream = findings;
             OutputStream target = file.isPresent() ? Files.newOutputStream(file.get()) : nonClosing(stdout);
             FindingWriter writer = FindingWriter.open(format, new BufferedOutputStream(target, 1 << 16))) {
            for (Finding finding : (Iterable<Finding>) stream::iterator) {
                writer.write(finding);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static OutputStream nonClosing(PrintStream stdout) {
        return new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                stdout.write(bytes, offset, length);
            }

            @Override
            public void close() {
                stdout.flush();
            }
        };
    }

    /** The {@code --output} file, checked before anything is read: not a directory, in a directory that exists. */
    private static Optional<Path> output(ExampleArguments arguments) {
        Optional<Path> file = arguments.path("output");
        if (file.isPresent()) {
            Path path = file.get();
            if (Files.isDirectory(path)) {
                throw new IllegalArgumentException("--output must name a file, and " + path + " is a directory");
            }
            Path directory = path.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw new IllegalArgumentException("--output must be in a directory that exists, and " + directory
                    + " does not");
            }
        }
        return file;
    }

    private static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    static FindingQuery query(ExampleArguments arguments) {
        FindingQuery.Builder query = FindingQuery.builder();
        arguments.option("min-severity").map(label -> enumOf(SeverityLabel.class, label))
            .ifPresent(query::minimumSeverity);
        arguments.option("compliance").ifPresent(values -> query.complianceStatuses(
            list(values, value -> enumOf(ComplianceStatus.class, value))));
        arguments.option("record-state").ifPresent(values -> query.recordStates(
            list(values, value -> enumOf(RecordState.class, value))));
        arguments.option("workflow").ifPresent(values -> query.workflowStatuses(
            list(values, value -> enumOf(WorkflowStatus.class, value))));
        arguments.option("resource-type").ifPresent(values -> query.resourceTypes(list(values, value -> value)));
        arguments.option("product").ifPresent(values -> query.productNames(list(values, value -> value)));
        arguments.option("since").map(ExportFindings::since).ifPresent(query::updatedSince);
        return query.build();
    }

    private static Instant since(String value) {
        try {
            return value.startsWith("P") ? Instant.now().minus(Duration.parse(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes an instant such as 2026-01-01T00:00:00Z or a period "
                + "back from now such as P7D or PT12H, was '" + value + "'", e);
        }
    }

    private static <T> List<T> list(String values, Function<String, T> parse) {
        return Arrays.stream(values.split(",")).map(String::trim).filter(v -> !v.isEmpty()).map(parse).toList();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(
                type.getEnumConstants()), e);
        }
    }
}

package io.cloudconnector.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Starts a whole process (a JVM or the AWS CLI), waits for it and times it from start to exit. */
final class ChildProcess {

    private ChildProcess() {
    }

    /** How a process ended: its exit code, wall time, and what it printed on standard error. */
    record Result(int exitCode, double seconds, String stderr) {
    }

    /** A command that starts {@code mainClass} in a new JVM with this JVM's class path. */
    static List<String> java(List<String> jvmOptions, String mainClass, List<String> arguments) {
        return java(jvmOptions, System.getProperty("java.class.path"), mainClass, arguments);
    }

    /**
     * As {@link #java(List, String, List)} with only the jar files of this JVM's class path: a class-data sharing
     * archive of application classes can only be made and used from jars (the harness's own classes, a directory,
     * are not needed by the examples).
     */
    static List<String> javaFromJars(List<String> jvmOptions, String mainClass, List<String> arguments) {
        String jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        return java(jvmOptions, jars, mainClass, arguments);
    }

    private static List<String> java(List<String> jvmOptions, String classPath, String mainClass,
        List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@code command} with {@code environment} added to this process's, standard output into {@code stdout}.
     *
     * @throws UncheckedIOException when the process cannot be started
     */
    static Result run(List<String> command, Map<String, String> environment, Path stdout) {
        try {
            Path stderr = Files.createTempFile("bench-stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            int code = process.waitFor();
            double seconds = Timing.secondsSince(start);
            String errors = Files.readString(stderr);
            Files.delete(stderr);
            return new Result(code, seconds, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command.get(0), e);
        }
    }
}

package io.cloudconnector.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuotingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "O'Brien", "two words", "$(touch pwned)", "`touch pwned`", "$HOME", "a\\b",
        "''", "'; touch pwned; '", "*", "line\nbreak", "\"double\"", "!history", ""})
    void posix_anyValue_comesOutOfTheShellUnchanged(String value) throws Exception {
        for (String shell : new String[] {"/bin/sh", "/bin/bash"}) {
            assumeTrue(Files.isExecutable(Path.of(shell)), shell + " is needed to run the quoted word");

            String printed = run(shell, "printf '%s' " + ShellQuoting.posix(value));

            assertThat(printed).as(shell).isEqualTo(value);
        }
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void powerShell_quote_isDoubledInsideSingleQuotes() {
        assertThat(ShellQuoting.powerShell("O'Brien & co")).isEqualTo("'O''Brien & co'");
    }

    @Test
    void powerShell_typographicQuotes_areDoubledToo() {
        assertThat(ShellQuoting.powerShell("\u2018x\u2019 \u201Ay\u201B")).isEqualTo(
            "'\u2018\u2018x\u2019\u2019 \u201A\u201Ay\u201B\u201B'");
    }

    @Test
    void powerShell_expansionSyntax_staysVerbatim() {
        assertThat(ShellQuoting.powerShell("$(Remove-Item C:\\) $env:PATH `n")).isEqualTo(
            "'$(Remove-Item C:\\) $env:PATH `n'");
    }

    private String run(String shell, String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(shell, "-c", script).directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}

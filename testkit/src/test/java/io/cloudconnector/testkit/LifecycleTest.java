package io.cloudconnector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starting and closing the sandbox: free ports, files and threads cleaned up. */
class LifecycleTest {

    @Test
    void close_afterStart_leavesNoThreadAndNoFile() throws InterruptedException {
        long cold = System.nanoTime();
        CloudSandbox warmUp = CloudSandbox.start();
        System.out.printf("first sandbox of the JVM started in %d ms%n", (System.nanoTime() - cold) / 1_000_000);
        warmUp.close();
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        long started = System.nanoTime();
        CloudSandbox sandbox = CloudSandbox.start();
        System.out.printf("sandbox started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Path trustStore = sandbox.trustStore();
        sandbox.close();
        Thread.sleep(200);

        Set<String> leaked = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
            .filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
        assertThat(leaked).isEmpty();
        assertThat(Files.exists(trustStore)).isFalse();
    }

    @Test
    void start_twoSandboxes_getDifferentPorts() {
        try (CloudSandbox one = CloudSandbox.start(); CloudSandbox two = CloudSandbox.start()) {
            assertThat(one.awsUri()).isNotEqualTo(two.awsUri());
            assertThat(one.armUri()).isNotEqualTo(two.armUri());
            assertThat(one.endpoints().aws()).contains(one.awsUri());
            assertThat(one.endpoints().trustStore()).contains(one.trustStore());
            assertThat(one.spec().regions()).containsExactlyElementsOf(one.seed().specRegions());
        }
    }
}

package io.cloudconnector.azure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class over one {@link ArmSandbox} for the whole class, with stubs reset and a new adapter for each test.
 */
abstract class ArmSandboxTest {

    static ArmSandbox sandbox;
    AzureAdapter adapter;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ArmSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void newAdapter() {
        sandbox.server.resetAll();
        adapter = adapter();
    }

    @AfterEach
    void closeAdapter() {
        adapter.close();
    }

    /** The adapter each test uses; the sandbox's default one unless a test class needs other settings. */
    AzureAdapter adapter() {
        return sandbox.adapter();
    }
}

package io.cloudconnector.testkit.internal;

import io.cloudconnector.testkit.SandboxFault;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The faults injected into a running sandbox, in injection order; the first that fires wins. Thread-safe. */
public final class FaultRules {

    /** One injected fault with its counters. */
    public static final class Rule {
        private final SandboxFault fault;
        private int seen;
        private int fired;

        Rule(SandboxFault fault) {
            this.fault = fault;
        }

        /** How many times the fault fired. */
        public synchronized int fired() {
            return fired;
        }

        synchronized boolean fire() {
            int index = seen++ - fault.after();
            if (index < 0 || index % fault.every() != 0) {
                return false;
            }
            if (fault.times() != SandboxFault.ALWAYS && fired >= fault.times()) {
                return false;
            }
            fired++;
            return true;
        }
    }

    private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

    /** Adds a fault; it is consulted after those added before it. */
    public Rule add(SandboxFault fault) {
        Rule rule = new Rule(fault);
        rules.add(rule);
        return rule;
    }

    /** Removes a fault. */
    public void remove(Rule rule) {
        rules.remove(rule);
    }

    /** Removes every fault. */
    public void clear() {
        rules.clear();
    }

    /** The fault that fires for this call, when one does. */
    Optional<SandboxFault> fire(String operation, String region) {
        for (Rule rule : rules) {
            if (rule.fault.matches(operation, region) && rule.fire()) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }
}

/** The benchmark harness: whole runs against the testkit sandbox and JMH micro figures, printed as one table. */
package io.cloudconnector.benchmarks;

/** The readiness check: the rules over an AWS account's facts, their orchestration, and the report's renderings. */
package io.cloudconnector.internal.readiness;

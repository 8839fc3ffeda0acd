/**
 * Provisioning: the rules that plan the preparation of an AWS account (and, on request, of the Azure side's service
 * principal for Arc onboarding) from their facts, the applier, and the renderings.
 */
package io.cloudconnector.internal.provisioning;

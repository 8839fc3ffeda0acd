/** EC2 discovery and Azure Arc onboarding: the join, the verdicts, batch planning, install scripts and polling. */
package io.cloudconnector.internal.fleet;

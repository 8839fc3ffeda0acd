/**
 * The ports core needs from each cloud: facts and actions, no judgement. The AWS and Azure adapters implement them;
 * a host may implement them too, to run the SDK against another back end.
 */
@ValueStyle
package io.cloudconnector.spi;

import io.cloudconnector.internal.ValueStyle;

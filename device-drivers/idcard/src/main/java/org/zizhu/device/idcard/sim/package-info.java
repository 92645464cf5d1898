/**
 * SAM reader simulator speaking the real byte protocol over a socat pseudo-terminal pair,
 * paced at the baud rate, with scriptable scenarios and fictional test cards.
 */
package org.zizhu.device.idcard.sim;

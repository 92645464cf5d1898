/**
 * Sealed OFD documents (GB/T 33190 layout documents with GB/T 38540 electronic seals) as the
 * terminal meets them: read from bounded bytes, verified against the centre's trust list, and
 * rendered for printing. Nothing here writes to disk: an e-license holds personal data.
 */
package org.zizhu.ofd;

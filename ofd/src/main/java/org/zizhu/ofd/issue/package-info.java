/**
 * The centre's side of sealed documents: the seal CA ({@link org.zizhu.ofd.issue.SealAuthority}),
 * issuing bodies with their GB/T 38540 seals ({@link org.zizhu.ofd.issue.IssuingBody}) and the
 * OFD issuer ({@link org.zizhu.ofd.issue.OfdIssuer}). central-sim uses it; the kiosk never does
 * (it holds signing keys and works through temporary files), and tests use it to make real
 * sealed documents instead of canned bytes.
 */
package org.zizhu.ofd.issue;

/** Frame codec and serial link behind the public idcard API; not for use outside this module. */
package org.zizhu.device.idcard.internal;

/** Document templates rendered to A4 PDF and receipt output. */
package org.zizhu.print;

/** Technician commands: {@code diag idcard} and {@code sim idcard} (ServiceLoader ToolCommands). */
package org.zizhu.device.idcard.tools;

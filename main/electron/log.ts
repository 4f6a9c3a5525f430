/**
 * Main-process logging through electron-log: a rotating file in the app's log
 * folder (5 MB, the previous file kept as main.old.log). Once packaged, the main
 * process has no terminal, so console.* is routed here too.
 */
import log from 'electron-log/main';

export function setUpLogging(): { logDir: string; logFile: string } {
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.NODE_ENV === 'development' ? 'debug' : 'warn';
  Object.assign(console, log.functions);
  log.errorHandler.startCatching({ showDialog: false });
  const logFile = log.transports.file.getFile().path;
  return { logFile, logDir: logFile.replace(/[\\/][^\\/]+$/, '') };
}

export { log };

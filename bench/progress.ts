/** Where a benchmark says what it is doing, so a long run shows signs of life. */
export type Progress = (text: string) => void;

/**
 * On a terminal, one line rewritten in place; elsewhere (CI logs), a line per update at most every
 * few seconds, so the log stays readable.
 */
export function createProgress(prefix: string, stream: NodeJS.WriteStream = process.stderr): { update: Progress; end: () => void } {
  const tty = stream.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const line = `${prefix} ${text}`;
      if (tty) {
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 120) - 1)}`);
        shown = true;
        return;
      }
      const now = Date.now();
      if (now - last < 3000) return;
      last = now;
      stream.write(`${line}\n`);
    },
    end() {
      if (tty && shown) stream.write('\r\x1b[2K');
    },
  };
}

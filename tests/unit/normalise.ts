// Seeds and exports are compared after normalising whitespace only: non-breaking spaces become
// spaces, runs of spaces collapse, lines are trimmed and blank lines dropped. Everything else counts.
export function normalisedLines(text: string): string[] {
  return text
    .replace(/\u00a0/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** A measurement with its unit, for people. */
export function formatValue(value, unit) {
  if (unit === 'ns/op') return value >= 10_000 ? `${(value / 1000).toFixed(1)} µs` : `${Math.round(value)} ns`;
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'B gz' || unit === 'bytes') return `${Math.round(value).toLocaleString('en-US')} B`;
  if (unit === 'calls') return String(value);
  return `${value} ${unit}`;
}

export function formatRatio(ratio) {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';
}

export function formatResult(row) {
  if (row.pass === null) return '';
  return row.pass ? 'pass' : 'MISS';
}

/** The rows as a GitHub-flavoured markdown table (also readable in a terminal). */
export function markdownTable(rows) {
  const header = ['case', 'acs-common', '2.5.0', '2.5.0 ÷ ours', 'goal', 'result'];
  const lines = rows.map((row) => [
    `(${row.id}) ${row.name}`,
    formatValue(row.ours, row.unit),
    formatValue(row.official, row.unit),
    formatRatio(row.ratio),
    row.goalText,
    formatResult(row),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((line) => line[i].length)));
  const render = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join('\n');
}

/**
 * One line of the results table. `ours` and `official` are in `unit` (smaller is better for every
 * measure here) and `ratio` is official ÷ ours (higher means acs-common is better). `goal` is the
 * smallest ratio that meets the goal, or null when the row is informational; a row with a goal of
 * another shape passes `pass` and `goalText` itself.
 */
export function row({ id, name, unit, ours, official, goal = null, goalText, pass, note = '' }) {
  const ratio = official / ours;
  return {
    id,
    name,
    unit,
    ours,
    official,
    ratio,
    goal,
    goalText: goalText ?? (goal === null ? '' : `≥ ${goal}×`),
    pass: pass ?? (goal === null ? null : ratio >= goal),
    note,
  };
}

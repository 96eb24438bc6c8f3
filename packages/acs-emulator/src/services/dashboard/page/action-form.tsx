/**
 * A developer action as a small form: labelled fields, a submit button, the emulator's answer in a
 * live region. When the action's route is not on this emulator the form is disabled and says why.
 */
import { useId, useState } from 'preact/hooks';
import type { ActionView } from '../api-types.js';
import { callRoute, fillPath } from './api.js';

/** One text field of an action. */
export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly initial?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
}

/**
 * The form.
 *
 * @example
 * ```tsx
 * <ActionForm action={overview.actions.find((a) => a.name === 'smsInbound')} title="Inject an inbound SMS" fields={[{ name: 'from', label: 'From' }]} body={(v) => v} submitLabel="Inject" />
 * ```
 */
export function ActionForm(props: {
  action: ActionView | undefined;
  title: string;
  fields: readonly FieldSpec[];
  params?: Readonly<Record<string, string>>;
  body: (values: Readonly<Record<string, string>>) => unknown;
  submitLabel: string;
  onDone?: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.fields.map((field) => [field.name, field.initial ?? ''])),
  );
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { action } = props;
  const available = action?.available === true;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (action === undefined || !available) return;
    setBusy(true);
    try {
      const { status } = await callRoute(action.method, fillPath(action.path, props.params ?? {}), props.body(values));
      setResult({ ok: true, text: `Done (HTTP ${status}).` });
      props.onDone?.();
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="action" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <fieldset disabled={!available || busy}>
        <legend id={`${id}-title`}>{props.title}</legend>
        {props.fields.map((field) => (
          <label key={field.name}>
            {field.label}
            <input
              type="text"
              name={field.name}
              value={values[field.name] ?? ''}
              placeholder={field.placeholder}
              required={field.required ?? false}
              onInput={(event) => setValues({ ...values, [field.name]: event.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit">{props.submitLabel}</button>
      </fieldset>
      {action === undefined || action.note === null ? null : <p class="note">{action.note}</p>}
      <p class={result?.ok === false ? 'result error' : 'result'} role="status">
        {result?.text ?? ''}
      </p>
    </form>
  );
}

/**
 * A one-click action (replay, revoke) as a button, disabled with a title when unavailable.
 *
 * @example
 * ```tsx
 * <ActionButton action={revoke} params={{ id }} label="Revoke tokens" />
 * ```
 */
export function ActionButton(props: {
  action: ActionView | undefined;
  params: Readonly<Record<string, string>>;
  label: string;
  /** The accessible name when the visible label is ambiguous in a table. */
  ariaLabel?: string;
  onDone?: () => void;
}) {
  const [result, setResult] = useState<string | null>(null);
  const { action } = props;
  const available = action?.available === true;
  const run = async () => {
    if (action === undefined || !available) return;
    try {
      const { status } = await callRoute(action.method, fillPath(action.path, props.params));
      setResult(`done (HTTP ${status})`);
      props.onDone?.();
    } catch (error) {
      setResult(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <span class="action-button">
      <button
        type="button"
        disabled={!available}
        title={available ? undefined : (action?.note ?? 'not available on this emulator')}
        aria-label={props.ariaLabel}
        onClick={run}
      >
        {props.label}
      </button>
      <span role="status" class="result">
        {result ?? ''}
      </span>
    </span>
  );
}

import { CallModelError } from './errors.js';
import { RESULTS, type ResultInformation } from './events.js';
import type { RecognizeInput, RecognizeSpec } from './model.js';

/**
 * What a recognize reports for an input: the data of RecognizeCompleted, or the result of
 * RecognizeFailed. Pure; the rules follow the service's documented reason codes (max digits,
 * stop tone, choice matched by tone or phrase, initial-silence and inter-digit timeouts).
 */

/** The outcome of one recognize. */
export type RecognizeOutcome =
  | { readonly completed: true; readonly data: Readonly<Record<string, unknown>> }
  | { readonly completed: false; readonly resultInformation: ResultInformation };

const ACCEPTS: Record<RecognizeInput['kind'], readonly RecognizeSpec['inputType'][]> = {
  tones: ['dtmf', 'speechOrDtmf', 'choices'],
  speech: ['speech', 'speechOrDtmf', 'choices'],
  choice: ['choices'],
  silence: ['dtmf', 'speech', 'speechOrDtmf', 'choices'],
};

/**
 * Throws a 400 `CallModelError` when `input` cannot answer a recognize of `spec` (wrong kind, or
 * an unknown choice label), so the test route reports the mistake instead of a silent failure.
 *
 * @example
 * ```ts
 * checkInput({ inputType: 'speech', ... }, { kind: 'tones', tones: ['one'] }); // throws: expects speech
 * ```
 */
export function checkInput(spec: RecognizeSpec, input: RecognizeInput): void {
  if (!ACCEPTS[input.kind].includes(spec.inputType)) {
    throw new CallModelError(
      400,
      'InputNotAccepted',
      `The running recognize expects ${spec.inputType} input; ${input.kind} cannot answer it. Send ${describe(spec)}.`,
    );
  }
  if (input.kind === 'choice' && !spec.choices.some((choice) => choice.label === input.label)) {
    throw new CallModelError(
      400,
      'UnknownChoice',
      `No choice is labelled "${input.label}"; the recognize offers ${spec.choices.map((c) => `"${c.label}"`).join(', ')}.`,
    );
  }
}

function describe(spec: RecognizeSpec): string {
  switch (spec.inputType) {
    case 'dtmf':
      return '{"tones": "123#"} or {"silence": true}';
    case 'speech':
      return '{"speech": "text"} or {"silence": true}';
    case 'speechOrDtmf':
      return '{"tones": …}, {"speech": …} or {"silence": true}';
    case 'choices':
      return '{"choice": "<label>"}, {"speech": "<phrase>"}, {"tones": "<tone>"} or {"silence": true}';
  }
}

/**
 * The outcome of `input` for a recognize of `spec` (`checkInput` must have passed).
 *
 * @example
 * ```ts
 * recognizeOutcome(spec, { kind: 'tones', tones: ['one', 'two'] });
 * // { completed: true, data: { recognitionType: 'dtmf', dtmfResult: { tones: ['one', 'two'] }, resultInformation } }
 * ```
 */
export function recognizeOutcome(spec: RecognizeSpec, input: RecognizeInput): RecognizeOutcome {
  switch (input.kind) {
    case 'silence':
      return { completed: false, resultInformation: RESULTS.initialSilenceTimeout };
    case 'choice': {
      const choice = spec.choices.find((c) => c.label === input.label);
      return completed('choices', RESULTS.speechOptionMatched, {
        choiceResult: { label: input.label, ...(choice?.phrases[0] ? { recognizedPhrase: choice.phrases[0] } : {}) },
      });
    }
    case 'speech': {
      if (spec.inputType === 'choices') {
        const said = normalise(input.speech);
        const choice = spec.choices.find(
          (c) => normalise(c.label) === said || c.phrases.some((phrase) => normalise(phrase) === said),
        );
        if (choice === undefined) return { completed: false, resultInformation: RESULTS.speechOptionNotMatched };
        return completed('choices', RESULTS.speechOptionMatched, {
          choiceResult: { label: choice.label, recognizedPhrase: input.speech, confidence: input.confidence },
        });
      }
      return completed('speech', RESULTS.speechRecognized, {
        speechResult: { speech: input.speech, confidence: input.confidence },
      });
    }
    case 'tones': {
      if (spec.inputType === 'choices') {
        const choice = spec.choices.find((c) => c.tone !== undefined && c.tone === input.tones[0]);
        if (choice === undefined) return { completed: false, resultInformation: RESULTS.incorrectTone };
        return completed('choices', RESULTS.dtmfOptionMatched, { choiceResult: { label: choice.label } });
      }
      const collected: string[] = [];
      for (const tone of input.tones) {
        if (spec.stopTones.includes(tone)) {
          return completed('dtmf', RESULTS.stopToneDetected, { dtmfResult: { tones: collected } });
        }
        collected.push(tone);
        if (spec.maxTonesToCollect !== undefined && collected.length >= spec.maxTonesToCollect) {
          return completed('dtmf', RESULTS.maxDigitsReceived, { dtmfResult: { tones: collected } });
        }
      }
      if (spec.maxTonesToCollect === undefined && collected.length > 0) {
        return completed('dtmf', RESULTS.maxDigitsReceived, { dtmfResult: { tones: collected } });
      }
      return {
        completed: false,
        resultInformation: collected.length === 0 ? RESULTS.initialSilenceTimeout : RESULTS.interDigitTimeout,
      };
    }
  }
}

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!?,]+$/u, '');

function completed(
  recognitionType: 'dtmf' | 'speech' | 'choices',
  resultInformation: ResultInformation,
  result: Record<string, unknown>,
): RecognizeOutcome {
  return { completed: true, data: { recognitionType, ...result, resultInformation } };
}
